/*
 * Benchmark (not a test): an Entra initial cycle of 10,000 users and 1,000 groups with memberships.
 * Reports wall time, requests/s and requests per object.
 *
 *   node --import tsx bench/provision-initial-cycle.ts [--users N] [--groups N] [--concurrency N]
 *        [--url URL --token TOKEN]     # e.g. the reference SP from `npm start`; default: an in-process scimmy server
 *
 * The in-process server is scimmy on express 5 over loopback (a real SCIM implementation, not the project's
 * reference SP, which mock-idp code must not import).
 */
import { parseArgs } from 'node:util';
import { resolveConfig } from '../mock-idp/scim-client/config/load.ts';
import { createProvisioner } from '../mock-idp/scim-client/engine/create.ts';
import { startScimmyServer } from '../mock-idp/scim-client/testing/scimmy-server.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '10000' },
    groups: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
    'members-per-group': { type: 'string', default: '20' },
    url: { type: 'string' },
    token: { type: 'string' },
  },
});
const nUsers = Number(values.users);
const nGroups = Number(values.groups);
const perGroup = Number(values['members-per-group']);

const users = Array.from({ length: nUsers }, (_, i) => ({
  userPrincipalName: `user${i}@bench.example`,
  displayName: `User ${i}`,
  givenName: `Given${i}`,
  surname: `Sur${i}`,
  mail: `user${i}@bench.example`,
  mailNickname: `user${i}`,
  department: `Dept ${i % 50}`,
}));
const groups = Array.from({ length: nGroups }, (_, g) => ({
  displayName: `Group ${g}`,
  members: Array.from({ length: perGroup }, (_, k) => `user${(g * perGroup + k) % nUsers}@bench.example`),
}));

const server = values.url ? undefined : await startScimmyServer({ ninjaOne: false });
const url = values.url ?? server!.url;
const token = values.token ?? server!.token;
const config = resolveConfig({
  directory: { users, groups },
  mappings: { users: { remove: ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager'] } },
  settings: { concurrency: Number(values.concurrency) },
});
const { engine, log } = createProvisioner({ config, url, token });

const started = process.hrtime.bigint();
const result = await engine.runCycle();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const objects = nUsers + nGroups;
const byMethod = log.exchanges.reduce<Record<string, number>>((m, e) => ((m[e.method] = (m[e.method] ?? 0) + 1), m), {});

console.log(JSON.stringify({
  target: values.url ? url : 'in-process scimmy',
  users: nUsers,
  groups: nGroups,
  memberships: nGroups * perGroup,
  concurrency: engine.settings.concurrency,
  wallSeconds: Number(seconds.toFixed(2)),
  requests: result.requests,
  requestsPerSecond: Math.round(result.requests / seconds),
  requestsPerObject: Number((result.requests / objects).toFixed(2)),
  byMethod,
  summary: result.summary,
}, null, 2));
await server?.close();
process.exit(result.failed.length ? 1 : 0);
