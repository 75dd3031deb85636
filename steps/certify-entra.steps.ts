/*
 * Entra ID provisioning sequences (features/certify/entra-*.feature). Each When sends exactly what Entra sends,
 * built by certify/vendors/entra.ts, in the PATCH behaviour the step names (compliant or legacy).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Given, When } from '@cucumber/cucumber';
import { entra, type PatchStyle } from '../certify/vendors/entra.ts';
import { certifyContext, createdId, lastUser, listResources, newSeed, send, type CertifyContext } from './certify-endpoint.steps.ts';
import type { HarnessWorld } from './support/world.ts';

/** Entra's create: a userName filter (which must find nothing), then the POST. */
async function provisionUser(context: CertifyContext): Promise<void> {
  const seed = newSeed(context);
  context.lookup = await send(context, entra.findUser(seed.userName));
  context.last = await send(context, entra.createUser(seed));
  if (typeof context.last.body?.id === 'string') context.users.push({ id: context.last.body.id, seed });
}

async function provisionGroup(context: CertifyContext, withMembers: boolean): Promise<void> {
  const displayName = context.driver.uniqueName('group');
  await send(context, entra.findGroup(displayName));
  context.last = await send(context, entra.createGroup(displayName, `${displayName}-ext`));
  if (typeof context.last.body?.id === 'string') context.group = { id: context.last.body.id, displayName };
  if (withMembers) {
    const id = createdId(context.last, 'a group');
    const added = await send(context, entra.addMembers(id, 'compliant', [lastUser(context).id]));
    assert.ok(added.status === 200 || added.status === 204, `adding a member answered ${added.status}, so the scenario cannot proceed`);
  }
}

When('Entra tests the connection with a random GUID as userName', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, entra.testConnection(randomUUID()));
});

When('Entra provisions a new user', async function (this: HarnessWorld) {
  await provisionUser(await certifyContext(this));
});

Given('Entra has provisioned a user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await provisionUser(context);
  createdId(context.last!, 'a user');
});

When('Entra creates another user with the same userName', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const { seed } = lastUser(context);
  context.last = await send(context, entra.createUser({ ...seed, externalId: `${seed.externalId}-2` }));
});

When('the userName filter found no user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.lookup);
  assert.equal(listResources(context.lookup).length, 0, 'the lookup before the create must find nothing');
});

When('the next cycle finds exactly that user by userName', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  const found = listResources(await send(context, entra.findUser(user.seed.userName)));
  assert.deepEqual(
    found.map((r) => r.id),
    [user.id],
    'the userName filter must find exactly the provisioned user',
  );
});

When('Entra looks the user up by its userName in upper case', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, entra.findUser(lastUser(context).seed.userName.toUpperCase()));
});

When("Entra updates the user's displayName, givenName and work email with {patchBehaviour} PATCH operations", async function (this: HarnessWorld, behaviour: PatchStyle) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  context.expected = { displayName: `Ada Byron ${user.seed.familyName}`, givenName: 'Augusta', email: `renamed.${user.seed.userName}` };
  await send(context, entra.getUser(user.id));
  context.last = await send(
    context,
    entra.updateUser(user.id, behaviour, {
      displayName: context.expected.displayName!,
      'name.givenName': context.expected.givenName!,
      'emails[type eq "work"].value': context.expected.email!,
    }),
  );
});

When('Entra replaces displayName and name.givenName in one path-less operation', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  context.expected = { displayName: `Ada King ${user.seed.familyName}`, givenName: 'Augusta' };
  await send(context, entra.getUser(user.id));
  context.last = await send(context, entra.updateUserPathless(user.id, { displayName: context.expected.displayName, 'name.givenName': context.expected.givenName }));
});

When('Entra disables the user with {patchBehaviour} PATCH operations', async function (this: HarnessWorld, behaviour: PatchStyle) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  await send(context, entra.getUser(user.id));
  context.last = await send(context, entra.disableUser(user.id, behaviour));
});

When('Entra deletes the user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  context.last = await send(context, entra.deleteUser(user.id));
  if (context.last.status === 204) context.driver.forget(`/Users/${encodeURIComponent(user.id)}`);
});

When('Entra looks up a new group by displayName excluding members', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await provisionUserless(context);
  context.last = await send(context, entra.findGroup(context.driver.uniqueName('group')));
});

/** Makes sure the endpoint holds at least one group, so a lookup that ignores its filter is caught. */
async function provisionUserless(context: CertifyContext): Promise<void> {
  const other = context.driver.uniqueName('group');
  createdId(await send(context, entra.createGroup(other, `${other}-ext`)), 'a group');
}

When('Entra provisions a new group', async function (this: HarnessWorld) {
  await provisionGroup(await certifyContext(this), false);
});

Given('Entra has provisioned a group', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await provisionGroup(context, false);
  createdId(context.last!, 'a group');
});

Given('Entra has provisioned a group with that user as a member', async function (this: HarnessWorld) {
  await provisionGroup(await certifyContext(this), true);
});

When('Entra adds the user to the group with {patchBehaviour} PATCH operations', async function (this: HarnessWorld, behaviour: PatchStyle) {
  const context = await certifyContext(this);
  assert.ok(context.group);
  context.last = await send(context, entra.addMembers(context.group.id, behaviour, [lastUser(context).id]));
});

When('Entra removes the user from the group with {patchBehaviour} PATCH operations', async function (this: HarnessWorld, behaviour: PatchStyle) {
  const context = await certifyContext(this);
  assert.ok(context.group);
  context.last = await send(context, entra.removeMember(context.group.id, behaviour, lastUser(context).id));
});

When('Entra renames the group with {patchBehaviour} PATCH operations', async function (this: HarnessWorld, behaviour: PatchStyle) {
  const context = await certifyContext(this);
  assert.ok(context.group);
  context.expected = { groupName: context.driver.uniqueName('renamed') };
  context.last = await send(context, entra.renameGroup(context.group.id, behaviour, context.expected.groupName!));
});

When('Entra deletes the group', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.group);
  context.last = await send(context, entra.deleteGroup(context.group.id));
  if (context.last.status === 204) context.driver.forget(`/Groups/${encodeURIComponent(context.group.id)}`);
});

When('Entra looks the group up by displayName excluding members', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.group);
  context.last = await send(context, entra.findGroup(context.group.displayName));
});
