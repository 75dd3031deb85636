/*
 * Okta provisioning sequences (features/certify/okta-*.feature), built by certify/vendors/okta.ts.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { okta } from '../certify/vendors/okta.ts';
import { certifyContext, createdId, lastUser, listResources, newSeed, send, type CertifyContext } from './certify-endpoint.steps.ts';
import type { HarnessWorld } from './support/world.ts';

async function provisionUser(context: CertifyContext): Promise<void> {
  const seed = newSeed(context);
  await send(context, okta.findUser(seed.userName));
  context.last = await send(context, okta.createUser(seed));
  if (typeof context.last.body?.id === 'string') context.users.push({ id: context.last.body.id, seed });
}

async function pushGroup(context: CertifyContext): Promise<void> {
  const displayName = context.driver.uniqueName('group');
  const user = context.users[0]!;
  context.last = await send(context, okta.pushGroup(displayName, [{ id: user.id, userName: user.seed.userName }]));
  if (typeof context.last.body?.id === 'string') context.group = { id: context.last.body.id, displayName };
}

function accepted(status: number, what: string): void {
  assert.ok(status === 200 || status === 204, `${what} answered ${status}, so the scenario cannot proceed`);
}

When('Okta looks up a new userName with startIndex 1 and count 100', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  // The endpoint must hold a user, so that a lookup ignoring its filter shows.
  await provisionUser(context);
  createdId(context.last!, 'a user');
  context.last = await send(context, okta.findUser(newSeed(context).userName));
});

When('Okta provisions a new user', async function (this: HarnessWorld) {
  await provisionUser(await certifyContext(this));
});

Given(/^Okta has provisioned (?:a|another) user$/, async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await provisionUser(context);
  createdId(context.last!, 'a user');
});

Then("Okta's lookup finds exactly that user", async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  const found = await send(context, okta.findUser(user.seed.userName));
  assert.deepEqual(
    listResources(found).map((r) => r.id),
    [user.id],
    'the userName lookup must find exactly the provisioned user',
  );
  assert.equal(found.body?.totalResults, 1);
});

When('Okta replaces the user with a new givenName and displayName', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  context.expected = { givenName: 'Augusta', displayName: `Augusta ${user.seed.familyName}` };
  await send(context, okta.getUser(user.id));
  context.last = await send(context, okta.replaceUser(user.id, { ...user.seed, givenName: context.expected.givenName! }, { displayName: context.expected.displayName }));
});

When('Okta deactivates the user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, okta.deactivateUser(lastUser(context).id));
});

Given('Okta has deactivated the user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  accepted((await send(context, okta.deactivateUser(lastUser(context).id))).status, 'deactivating the user');
});

When('Okta reactivates the user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, okta.reactivateUser(lastUser(context).id));
});

When('Okta pushes a new group with that user as a member', async function (this: HarnessWorld) {
  await pushGroup(await certifyContext(this));
});

Given('Okta has pushed a group with that user as a member', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await pushGroup(context);
  createdId(context.last!, 'a group');
});

When("Okta replaces the group's member with the other user", async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.group);
  const [first, other] = [context.users[0]!, lastUser(context)];
  context.last = await send(context, okta.updateMembers(context.group.id, [{ id: other.id, userName: other.seed.userName }], [first.id]));
});

When('Okta renames the group', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.group);
  context.expected = { groupName: context.driver.uniqueName('renamed') };
  context.last = await send(context, okta.renameGroup(context.group.id, context.expected.groupName!));
});
