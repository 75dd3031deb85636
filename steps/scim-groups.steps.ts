/*
 * SCIM Groups: creating groups, changing memberships with PATCH the way Entra and Okta do (RFC 7644 §3.5.2),
 * renaming and deleting them, and reading memberships back. Every group is named `<prefix><alias>`.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { describeExchange, jsonBody } from './support/scim/assertions.ts';
import { GROUP_SCHEMA, PATCH_OP } from './support/scim/stage.ts';
import type { Json } from './support/scim/target.ts';
import type { HarnessWorld } from './support/world.ts';

function groupPayload(world: HarnessWorld, alias: string, members: string[] = [], displayName = world.scim.groupName(alias)): Json {
  return {
    schemas: [GROUP_SCHEMA],
    displayName,
    externalId: `${world.scim.prefix}${alias}-ext`,
    members: members.map((member) => ({ value: world.scim.known(member).id })),
  };
}

const patch = (world: HarnessWorld, alias: string, Operations: Json[]) =>
  world.scim.send('PATCH', `/Groups/${world.scim.known(alias).id}`, { body: { schemas: [PATCH_OP], Operations } });

Given('the group {string} exists', async function (this: HarnessWorld, alias: string) {
  await this.scim.given('Groups', alias, groupPayload(this, alias));
});

Given('the group {string} exists with the members {aliases}', async function (this: HarnessWorld, alias: string, members: string[]) {
  await this.scim.given('Groups', alias, groupPayload(this, alias, members));
});

When('the client creates the group {string}', async function (this: HarnessWorld, alias: string) {
  const exchange = await this.scim.send('POST', '/Groups', { body: groupPayload(this, alias) });
  if (exchange.status === 201 && exchange.body) this.scim.remember('Groups', alias, exchange.body);
});

When('the client creates the group {string} with the members {aliases}', async function (this: HarnessWorld, alias: string, members: string[]) {
  const exchange = await this.scim.send('POST', '/Groups', { body: groupPayload(this, alias, members) });
  if (exchange.status === 201 && exchange.body) this.scim.remember('Groups', alias, exchange.body);
});

When('the client creates the group {string} with the displayName of {string}', async function (this: HarnessWorld, alias: string, other: string) {
  await this.scim.send('POST', '/Groups', { body: groupPayload(this, alias, [], this.scim.groupName(other)) });
});

When('the client adds {aliases} to the group {string}', async function (this: HarnessWorld, members: string[], alias: string) {
  await patch(this, alias, [{ op: 'add', path: 'members', value: members.map((member) => ({ value: this.scim.known(member).id })) }]);
});

When('the client removes {string} from the group {string}', async function (this: HarnessWorld, member: string, alias: string) {
  await patch(this, alias, [{ op: 'remove', path: `members[value eq "${this.scim.known(member).id}"]` }]);
});

When('the client removes all members from the group {string}', async function (this: HarnessWorld, alias: string) {
  await patch(this, alias, [{ op: 'remove', path: 'members' }]);
});

When('the client renames the group {string} to {string}', async function (this: HarnessWorld, alias: string, name: string) {
  await patch(this, alias, [{ op: 'replace', path: 'displayName', value: this.scim.groupName(name) }]);
});

When('the client retrieves the group {string} excluding the attributes {string}', async function (this: HarnessWorld, alias: string, attributes: string) {
  await this.scim.send('GET', `/Groups/${this.scim.known(alias).id}?excludedAttributes=${encodeURIComponent(attributes)}`);
});

When('the client deletes the group {string}', async function (this: HarnessWorld, alias: string) {
  await this.scim.send('DELETE', `/Groups/${this.scim.known(alias).id}`);
});

async function memberIds(world: HarnessWorld, alias: string): Promise<string[]> {
  const exchange = await world.scim.send('GET', `/Groups/${world.scim.known(alias).id}`);
  assert.equal(exchange.status, 200, describeExchange(exchange));
  const members = jsonBody(exchange)['members'];
  if (members === undefined || members === null) return [];
  assert.ok(Array.isArray(members), `members must be an array: ${describeExchange(exchange)}`);
  return (members as Json[]).map((member) => String(member['value'])).sort();
}

Then('the group {string} has exactly the members {aliases}', async function (this: HarnessWorld, alias: string, members: string[]) {
  const expected = members.map((member) => this.scim.known(member).id).sort();
  assert.deepEqual(await memberIds(this, alias), expected);
});

Then('the group {string} has no members', async function (this: HarnessWorld, alias: string) {
  assert.deepEqual(await memberIds(this, alias), []);
});
