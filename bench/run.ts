/*
 * `npm run bench`: every benchmark of the project, each against a peer or a physical limit measured in the same
 * run, printing ratios. Never part of `npm test` (speed is measured, not asserted).
 * Select with BENCH_ONLY=saml-mint,saml,saml-hostile,saml-state,scim,scim-hostile,provision,load-saml (default: all).
 */
import { benchLoadSaml, formatLoadSamlBench } from './load-saml.ts';
import { benchProvisionInitialCycle, formatProvisionBench } from './provision-initial-cycle.ts';
import { benchSamlHostile, formatSamlHostile } from './saml-hostile.ts';
import { benchSamlMint, formatSamlMint } from './saml-mint.ts';
import { benchSamlState, formatSamlState } from './saml-state.ts';
import { benchSaml, formatSamlBench } from './saml-validate.ts';
import { formatHostile, runScimHostileBenchmark } from './scim-hostile.ts';
import { runScimBenchmark } from './scim-throughput.ts';

const ALL = 'saml-mint,saml,saml-hostile,saml-state,scim,scim-hostile,provision,load-saml';
const only = new Set((process.env['BENCH_ONLY'] ?? ALL).split(',').map((s) => s.trim()));

if (only.has('saml-mint')) {
  console.log(formatSamlMint(await benchSamlMint()));
  console.log('');
}
if (only.has('saml')) {
  console.log(formatSamlBench(await benchSaml()));
  console.log('');
}
if (only.has('saml-hostile')) {
  console.log(formatSamlHostile(await benchSamlHostile()));
  console.log('');
}
if (only.has('saml-state')) {
  console.log(formatSamlState(await benchSamlState()));
  console.log('');
}
if (only.has('scim')) {
  await runScimBenchmark();
  console.log('');
}
if (only.has('scim-hostile')) {
  console.log(formatHostile(await runScimHostileBenchmark()));
  console.log('');
}
if (only.has('provision')) {
  // Issue 15: 100k users / 10k groups / 200k memberships (BENCH_PROVISION_USERS, _GROUPS, _MEMBERS_PER_GROUP shrink it).
  const knob = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const users = knob('BENCH_PROVISION_USERS');
  const groups = knob('BENCH_PROVISION_GROUPS');
  const membersPerGroup = knob('BENCH_PROVISION_MEMBERS_PER_GROUP');
  const r = await benchProvisionInitialCycle({ ...(users ? { users } : {}), ...(groups ? { groups } : {}), ...(membersPerGroup ? { membersPerGroup } : {}) });
  console.log(formatProvisionBench(r));
}
if (only.has('load-saml')) {
  console.log('');
  console.log(formatLoadSamlBench(await benchLoadSaml()));
}
