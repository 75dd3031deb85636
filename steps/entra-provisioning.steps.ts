/*
 * Steps that set up and drive Entra's provisioning engine: the tenant, the tenant URL's PATCH flag, the
 * directory (admin actions in Entra), scoping filters, a gateway scripting failures, and the cycles.
 * Each step calls the Entra stage (steps/support/entra/stage.ts); steps never call steps.
 */
import assert from 'node:assert/strict';
import { Before, Given, When, type DataTable } from '@cucumber/cucumber';
import type { ScimMode } from '../reference-sp/config/scim-section.ts';
import type { HarnessWorld } from './support/world.ts';

Before({ tags: '@entra' }, function (this: HarnessWorld, { pickle }) {
  this.entra.scenarioName = pickle.name;
});

// ---- the tenant ----

Given("Entra provisions to the NinjaOne tenant with NinjaOne's mapping table", async function (this: HarnessWorld) {
  // NinjaOne's config as written (mock-idp/scim-client/fixtures/ninjaone.yaml) against /ws/scim/v2.
  await this.entra.server();
});

Given('the NinjaOne tenant is {scimMode}', function (this: HarnessWorld, mode: ScimMode) {
  this.entra.tenantMode = mode;
});

Given('the NinjaOne tenant refuses schema URNs it does not know', async function (this: HarnessWorld) {
  // Knows the core, enterprise and NinjaOne schema URNs only: Microsoft's ADSCIM Group URN is unknown to it.
  await this.entra.refuseUnknownSchemaUrns();
});

Given('the tenant URL carries the aadOptscim062020 flag', function (this: HarnessWorld) {
  this.entra.patch = 'compliant';
});

Given('the tenant URL carries no PATCH flag', function (this: HarnessWorld) {
  this.entra.patch = 'legacy';
});

Given('the admin pasted a wrong secret token', function (this: HarnessWorld) {
  this.entra.useWrongToken();
});

Given('the admin deleted the mapping to {string}', function (this: HarnessWorld, target: string) {
  this.entra.removeMapping(target);
});

// ---- a gateway in front of the tenant ----

Given(
  'a gateway in front of the NinjaOne tenant answers the next {httpMethod} {word} for {string} with 429 and Retry-After {string}',
  async function (this: HarnessWorld, method: string, path: string, upn: string, retryAfter: string) {
    (await this.entra.gateway()).script(method, path, { status: 429, headers: { 'Retry-After': retryAfter } }, 1, upn);
  },
);

Given(
  'a gateway in front of the NinjaOne tenant answers the next {int} {httpMethod} {word} for {string} with 429 and Retry-After {string}',
  async function (this: HarnessWorld, times: number, method: string, path: string, upn: string, retryAfter: string) {
    (await this.entra.gateway()).script(method, path, { status: 429, headers: { 'Retry-After': retryAfter } }, times, upn);
  },
);

Given(
  'a gateway in front of the NinjaOne tenant answers the next {httpMethod} {word} with a ListResponse of one user',
  async function (this: HarnessWorld, method: string, path: string) {
    const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'f00d', userName: 'someone@contoso.example' };
    (await this.entra.gateway()).script(method, path, {
      status: 200,
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, itemsPerPage: 1, startIndex: 1, Resources: [user] },
    });
  },
);

Given(
  'a gateway in front of the NinjaOne tenant answers every {httpMethod} {word} with status {httpStatus}',
  async function (this: HarnessWorld, method: string, path: string, status: number) {
    (await this.entra.gateway()).script(
      method,
      path,
      { status, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status) } },
      Number.POSITIVE_INFINITY,
    );
  },
);

// ---- the directory ----

Given('the directory also holds these users, assigned to the app directly:', function (this: HarnessWorld, table: DataTable) {
  const rows = table.hashes();
  this.entra.changeDirectory((directory) => {
    for (const row of rows) directory.addUser({ ...row, userPrincipalName: row['userPrincipalName']!, assigned: true });
  });
});

Given('a scoping filter on users: {word} {word} {string}', function (this: HarnessWorld, attribute: string, operator: string, value: string) {
  this.entra.scopeUsers([{ clauses: [{ attribute, operator, value }] }]);
});

When('the admin unassigns {string} from the app', function (this: HarnessWorld, upn: string) {
  this.entra.changeDirectory((directory) => directory.unassign(upn));
});

When('the admin blocks sign-in for {string}', function (this: HarnessWorld, upn: string) {
  // Entra admin center: user → Properties → "Account enabled" off (accountEnabled = false).
  this.entra.changeDirectory((directory) => directory.disable(upn));
});

When('the admin allows sign-in for {string} again', function (this: HarnessWorld, upn: string) {
  this.entra.changeDirectory((directory) => directory.enable(upn));
});

When(/^"([^"]+)" is soft-deleted in the directory$/, function (this: HarnessWorld, upn: string) {
  this.entra.changeDirectory((directory) => directory.softDelete(upn));
});

When('the admin hard-deletes {string} in the directory', function (this: HarnessWorld, name: string) {
  this.entra.changeDirectory((directory) => directory.hardDelete(name));
});

When('the admin adds {string} to {string}', function (this: HarnessWorld, member: string, group: string) {
  this.entra.changeDirectory((directory) => directory.addMember(group, member));
});

When('the admin removes {string} from {string}', function (this: HarnessWorld, member: string, group: string) {
  this.entra.changeDirectory((directory) => directory.removeMember(group, member));
});

When('the admin renames the group {string} to {string}', function (this: HarnessWorld, group: string, name: string) {
  this.entra.changeDirectory((directory) => directory.rename(group, name));
});

When('{string} moves to the department {string}', function (this: HarnessWorld, upn: string, department: string) {
  this.entra.changeDirectory((directory) => directory.updateAttribute(upn, 'department', department));
});

// ---- running ----

When('the admin clicks Test Connection', async function (this: HarnessWorld) {
  await this.entra.testConnection();
});

When('Entra validates the provisioning configuration', async function (this: HarnessWorld) {
  await this.entra.configure();
});

When('Entra runs the initial provisioning cycle', async function (this: HarnessWorld) {
  const result = await this.entra.runCycle();
  assert.equal(result.kind, 'initial', 'a cycle already ran in this scenario');
});

Given('Entra has run the initial provisioning cycle', async function (this: HarnessWorld) {
  const result = await this.entra.runCycle();
  assert.equal(result.kind, 'initial', 'a cycle already ran in this scenario');
});

Given('Entra has provisioned the directory', async function (this: HarnessWorld) {
  await this.entra.provisionAll();
});

When('Entra runs an incremental cycle', async function (this: HarnessWorld) {
  const result = await this.entra.runCycle();
  assert.equal(result.kind, 'incremental', 'no initial cycle ran before');
});

Given('the admin unassigned {string} and Entra disabled the user', async function (this: HarnessWorld, upn: string) {
  this.entra.changeDirectory((directory) => directory.unassign(upn));
  await this.entra.runCycle();
  assert.equal(this.entra.outcomeOf(upn)?.outcome, 'disabled', `${upn} was not disabled`);
});
