/*
 * `npm run bench`: every benchmark of the project, each against a peer or a physical limit measured in the same
 * run, printing ratios. Never part of `npm test` (speed is measured, not asserted).
 * Each benchmark's module is loaded only when it is selected (the load row pulls in the whole mock IdP, OIDC
 * included). Select with BENCH_ONLY=saml-mint,saml,saml-hostile,saml-state,scim,scim-hostile,provision,load-saml (default: all).
 */

const ALL = 'saml-mint,saml,saml-hostile,saml-state,scim,scim-hostile,provision,load-saml';
const only = new Set((process.env['BENCH_ONLY'] ?? ALL).split(',').map((s) => s.trim()));

if (only.has('saml-mint')) {
  const { benchSamlMint, formatSamlMint } = await import('./saml-mint.ts');
  console.log(formatSamlMint(await benchSamlMint()));
  console.log('');
}
if (only.has('saml')) {
  const { benchSaml, formatSamlBench } = await import('./saml-validate.ts');
  console.log(formatSamlBench(await benchSaml()));
  console.log('');
}
if (only.has('saml-hostile')) {
  const { benchSamlHostile, formatSamlHostile } = await import('./saml-hostile.ts');
  console.log(formatSamlHostile(await benchSamlHostile()));
  console.log('');
}
if (only.has('saml-state')) {
  const { benchSamlState, formatSamlState } = await import('./saml-state.ts');
  console.log(formatSamlState(await benchSamlState()));
  console.log('');
}
if (only.has('scim')) {
  const { runScimBenchmark } = await import('./scim-throughput.ts');
  await runScimBenchmark();
  console.log('');
}
if (only.has('scim-hostile')) {
  const { formatHostile, runScimHostileBenchmark } = await import('./scim-hostile.ts');
  console.log(formatHostile(await runScimHostileBenchmark()));
  console.log('');
}
if (only.has('provision')) {
  // Issue 15: 100k users / 10k groups / 200k memberships (BENCH_PROVISION_USERS, _GROUPS, _MEMBERS_PER_GROUP shrink it).
  const { benchProvisionInitialCycle, formatProvisionBench } = await import('./provision-initial-cycle.ts');
  const knob = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const users = knob('BENCH_PROVISION_USERS');
  const groups = knob('BENCH_PROVISION_GROUPS');
  const membersPerGroup = knob('BENCH_PROVISION_MEMBERS_PER_GROUP');
  const r = await benchProvisionInitialCycle({ ...(users ? { users } : {}), ...(groups ? { groups } : {}), ...(membersPerGroup ? { membersPerGroup } : {}) });
  console.log(formatProvisionBench(r));
}
if (only.has('load-saml')) {
  console.log('');
  const { benchLoadSaml, formatLoadSamlBench } = await import('./load-saml.ts');
  console.log(formatLoadSamlBench(await benchLoadSaml()));
}
