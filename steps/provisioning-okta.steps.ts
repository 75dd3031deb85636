/*
 * Steps that run Okta's SCIM 2.0 provisioning client (mock-idp/scim-client/okta, profiles okta-2024 and
 * okta-aiw-2024) against the reference server's NinjaOne tenants, on the Entra stage (steps/support/entra/stage.ts)
 * with Okta's dated profile and fixture (mock-idp/scim-client/okta/fixture.yaml). The directory, Test Connection,
 * outcome and server steps are the IdP-neutral ones the Entra and OneLogin features use; the sentences here name
 * Okta and fail when the scenario did not set Okta up.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import type { EntraStage } from './support/entra/stage.ts';
import type { HarnessWorld } from './support/world.ts';

const OKTA_FIXTURE = fileURLToPath(new URL('../mock-idp/scim-client/okta/fixture.yaml', import.meta.url));
/** How the admin added the app to Okta decides the profile: an OIN app or a custom App Integration Wizard app. */
const INTEGRATIONS = { 'an OIN app integration': 'okta-2024', 'an App Integration Wizard app': 'okta-aiw-2024' } as const;

function okta(world: HarnessWorld): EntraStage {
  const profile = world.entra.clientProfile;
  assert.ok(profile?.startsWith('okta'), `the scenario provisions with ${profile ?? 'Entra'}, not Okta`);
  return world.entra;
}

function pushCycle(world: HarnessWorld): number {
  const cycle = okta(world).lastCycle?.cycle;
  assert.ok(cycle, 'Okta has not pushed anything yet');
  return cycle;
}

/** The requests sent for an object in the last push (or outside any object, Test API Credentials included), as the table writes them. */
function assertRequests(world: HarnessWorld, name: string | undefined, table: DataTable): void {
  const withAttempt = table.raw()[0]?.includes('attempt') ?? false;
  const sent = okta(world)
    .requestsFor(name, name === undefined ? undefined : pushCycle(world))
    .map((r) => ({ method: r.method, path: r.path, status: r.status, ...(withAttempt ? { attempt: r.attempt } : {}) }));
  const expected = table.hashes().map((r) => ({ method: r['method'], path: r['path'], status: Number(r['status']), ...(withAttempt ? { attempt: Number(r['attempt']) } : {}) }));
  assert.deepEqual(sent, expected);
}

Given(/^Okta provisions to the NinjaOne tenant as (an OIN app integration|an App Integration Wizard app)$/, async function (this: HarnessWorld, kind: keyof typeof INTEGRATIONS) {
  assert.equal(this.entra.clientProfile, undefined, `the scenario already provisions with ${this.entra.clientProfile}`);
  this.entra.clientProfile = INTEGRATIONS[kind];
  this.entra.fixture = OKTA_FIXTURE;
  await this.entra.server();
});

When('the admin clicks Test API Credentials', async function (this: HarnessWorld) {
  await okta(this).testConnection();
});

Given('Okta has pushed the assignments', async function (this: HarnessWorld) {
  await okta(this).provisionAll();
});

When('Okta pushes the assignments', async function (this: HarnessWorld) {
  const result = await okta(this).runCycle();
  assert.equal(result.kind, 'initial', 'Okta already pushed the assignments in this scenario');
});

When('Okta pushes the changes', async function (this: HarnessWorld) {
  const result = await okta(this).runCycle();
  assert.equal(result.kind, 'incremental', 'Okta had not pushed the assignments yet');
});

Then('Okta sent exactly these requests outside any object:', function (this: HarnessWorld, table: DataTable) {
  assertRequests(this, undefined, table);
});

Then('Okta sent exactly these requests for {string} in that push:', function (this: HarnessWorld, name: string, table: DataTable) {
  assertRequests(this, name, table);
});

Then('Okta sent these PATCH bodies for {string} in that push, in order:', function (this: HarnessWorld, name: string, expected: string) {
  const stage = okta(this);
  const withIds = expected.replace(/\{id of ([^}]+)\}/g, (_, of: string) => stage.targetId(of));
  assert.deepEqual(stage.bodiesFor(name, 'PATCH', pushCycle(this)), JSON.parse(withIds));
});

Then('the {word} for {string} in that push listed the members {aliases} with their userNames', function (this: HarnessWorld, method: string, group: string, members: string[]) {
  const stage = okta(this);
  const bodies = stage.bodiesFor(group, method, pushCycle(this)) as Array<{ members?: unknown }>;
  assert.equal(bodies.length, 1, `${bodies.length} ${method} requests for ${group} in that push`);
  const sent = [...((bodies[0]!.members ?? []) as Array<{ value: string; display?: string }>)].sort((a, b) => a.value.localeCompare(b.value));
  const wanted = members.map((m) => ({ value: stage.targetId(m), display: m })).sort((a, b) => a.value.localeCompare(b.value));
  assert.deepEqual(sent, wanted);
});

Then('Okta waited {int} ms before retrying', function (this: HarnessWorld, ms: number) {
  assert.deepEqual(okta(this).sleeps, [ms]);
});

Then('Okta sent no DELETE for any user', function (this: HarnessWorld) {
  const deletes = okta(this).exchanges.filter((e) => e.method === 'DELETE' && e.object?.type === 'user');
  assert.deepEqual(
    deletes.map((e) => e.url),
    [],
  );
});
