/*
 * Steps that run OneLogin's and JumpCloud's provisioning clients (mock-idp/scim-client/{onelogin,jumpcloud}) against
 * the reference server's NinjaOne tenant, on the Entra stage (steps/support/entra/stage.ts) with that IdP's dated
 * profile and fixture. The directory, Test Connection, outcome and server steps are the Entra ones (IdP-neutral
 * sentences); the sentences here name the IdP, and fail when it is not the IdP the scenario set up.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { readStored } from './support/entra/read-path.ts';
import type { HarnessWorld } from './support/world.ts';

/** Each IdP's dated profile and its fixture (the mapping config its connector is set up with). */
const IDPS = {
  OneLogin: { profile: 'onelogin-2024', fixture: fileURLToPath(new URL('../mock-idp/scim-client/fixtures/onelogin.yaml', import.meta.url)) },
  JumpCloud: { profile: 'jumpcloud-2024', fixture: fileURLToPath(new URL('../mock-idp/scim-client/fixtures/jumpcloud.yaml', import.meta.url)) },
} as const;
type Idp = keyof typeof IDPS;

/** The scenario's IdP must be the one the sentence names. */
function stageOf(world: HarnessWorld, idp: Idp) {
  assert.equal(world.entra.clientProfile, IDPS[idp].profile, `the scenario provisions with ${world.entra.clientProfile ?? 'Entra'}, not ${idp}`);
  return world.entra;
}

Given(
  /^(OneLogin|JumpCloud) provisions to the NinjaOne tenant( without its custom extension)? with the fixture's mappings$/,
  async function (this: HarnessWorld, idp: Idp, withoutExtension: string | null | undefined) {
    assert.equal(this.entra.clientProfile, undefined, `the scenario already provisions with ${this.entra.clientProfile}`);
    this.entra.clientProfile = IDPS[idp].profile;
    this.entra.fixture = IDPS[idp].fixture;
    this.entra.tenantsWithoutExtensions = Boolean(withoutExtension);
    await this.entra.server();
  },
);

Given('the app already has the group {string}', async function (this: HarnessWorld, displayName: string) {
  await this.entra.createTenantGroup(displayName);
});

Given(/^(OneLogin|JumpCloud) has provisioned the directory$/, async function (this: HarnessWorld, idp: Idp) {
  await stageOf(this, idp).provisionAll();
});

When(/^(OneLogin|JumpCloud) runs (the initial provisioning cycle|an incremental cycle)$/, async function (this: HarnessWorld, idp: Idp, which: string) {
  const result = await stageOf(this, idp).runCycle();
  assert.equal(result.kind, which === 'an incremental cycle' ? 'incremental' : 'initial', `this was the ${result.kind} cycle`);
});

Then(/^(OneLogin|JumpCloud) sent exactly these requests for "([^"]+)" in that cycle:$/, function (this: HarnessWorld, idp: Idp, name: string, table: DataTable) {
  const stage = stageOf(this, idp);
  const cycle = stage.lastCycle?.cycle;
  assert.ok(cycle, 'no cycle ran');
  assert.deepEqual(
    stage.requestsFor(name, cycle).map((r) => ({ method: r.method, path: r.path, status: r.status })),
    table.hashes().map((r) => ({ method: r['method'], path: r['path'], status: Number(r['status']) })),
  );
});

Then(/^(OneLogin|JumpCloud) sent exactly these requests outside any object:$/, function (this: HarnessWorld, idp: Idp, table: DataTable) {
  assert.deepEqual(
    stageOf(this, idp)
      .requestsFor(undefined)
      // Test Connection's own objects (JumpCloud's test user and group) are written `{test id}`.
      .map((r) => ({ method: r.method, path: r.path.replace(/^\/(Users|Groups)\/[^/?]+$/, '/$1/{test id}'), status: r.status })),
    table.hashes().map((r) => ({ method: r['method'], path: r['path'], status: Number(r['status']) })),
  );
});

Then(/^the (POST|PUT) for "([^"]+)" in that cycle sent (\S+) equal to (.+)$/, function (this: HarnessWorld, method: string, name: string, path: string, value: string) {
  const bodies = this.entra.bodiesFor(name, method, this.entra.lastCycle?.cycle) as Array<Record<string, unknown>>;
  assert.equal(bodies.length, 1, `${bodies.length} ${method} requests for ${name} in that cycle`);
  assert.deepEqual(readStored(bodies[0]!, path), JSON.parse(value));
});

When('{string} changes the surname to {string}', function (this: HarnessWorld, upn: string, surname: string) {
  this.entra.changeDirectory((directory) => directory.updateAttribute(upn, 'surname', surname));
});

Then('the server holds no user and no group', async function (this: HarnessWorld) {
  for (const path of ['/Users', '/Groups']) {
    const { status, body } = await this.entra.scimGet(path);
    assert.deepEqual({ status, totalResults: body['totalResults'] }, { status: 200, totalResults: 0 }, `GET ${path}`);
  }
});

Then('the provisioning log shows {string} as failed with {string}', function (this: HarnessWorld, name: string, code: string) {
  const o = this.entra.outcomeOf(name);
  assert.deepEqual({ outcome: o?.outcome, code: o?.code }, { outcome: 'failed', code });
});
