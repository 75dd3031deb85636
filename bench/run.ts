/*
 * `npm run bench`: every benchmark of the project, each against a peer measured in the same run, printing
 * ratios. Never part of `npm test` (speed is measured, not asserted). Select with BENCH_ONLY=saml,scim,provision.
 */
import { benchProvisionInitialCycle } from './provision-initial-cycle.ts';
import { benchSaml, formatSamlBench } from './saml-validate.ts';
import { runScimBenchmark } from './scim-throughput.ts';

const only = new Set((process.env['BENCH_ONLY'] ?? 'saml,scim,provision').split(',').map((s) => s.trim()));

if (only.has('saml')) {
  console.log(formatSamlBench(await benchSaml()));
  console.log('');
}
if (only.has('scim')) {
  await runScimBenchmark();
  console.log('');
}
if (only.has('provision')) {
  const r = await benchProvisionInitialCycle();
  console.log(`Entra initial cycle: ${r.users} users, ${r.groups} groups, ${r.memberships} memberships against ${r.target}`);
  console.log(
    `  wall ${r.wallSeconds.toFixed(1)} s (goal < 15 s), ${r.requests} requests, ${r.requestsPerSecond.toFixed(0)} req/s, ` +
      `${r.requestsPerObject.toFixed(2)} requests/object, concurrency ${r.concurrency}, failed ${r.failed}`,
  );
}
