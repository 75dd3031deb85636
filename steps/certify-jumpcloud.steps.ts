/*
 * JumpCloud provisioning sequences (features/certify/jumpcloud-*.feature), built by certify/vendors/jumpcloud.ts.
 * Test Connection's four answers and the family name last sent are kept beside the scenario's context.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { jumpcloud } from '../certify/vendors/jumpcloud.ts';
import { certifyContext, createdId, lastUser, newSeed, send, type CertifyContext } from './certify-endpoint.steps.ts';
import type { HarnessWorld } from './support/world.ts';

const testAnswers = new WeakMap<CertifyContext, Array<{ request: string; status: number }>>();
const familyNames = new WeakMap<CertifyContext, string>();

async function createUser(context: CertifyContext): Promise<void> {
  const seed = newSeed(context);
  await send(context, jumpcloud.findUser(seed.userName));
  context.last = await send(context, jumpcloud.createUser(seed));
  if (typeof context.last.body?.id === 'string') context.users.push({ id: context.last.body.id, seed });
}

async function pushGroup(context: CertifyContext): Promise<void> {
  const displayName = context.driver.uniqueName('group');
  context.last = await send(
    context,
    jumpcloud.pushGroup(
      displayName,
      context.users.map((u) => u.id),
    ),
  );
  if (typeof context.last.body?.id === 'string') context.group = { id: context.last.body.id, displayName };
}

async function groupMembers(context: CertifyContext): Promise<string[]> {
  assert.ok(context.group, 'no group was pushed in this scenario');
  const read = await context.driver.send('GET', `/Groups/${encodeURIComponent(context.group.id)}`);
  assert.equal(read.status, 200, `reading the group answered ${read.status}`);
  return ((read.body?.members ?? []) as Array<{ value: unknown }>).map((m) => String(m.value)).sort();
}

When('JumpCloud tests the connection', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const answers: Array<{ request: string; status: number }> = [];
  testAnswers.set(context, answers);
  await createUser(context);
  answers.push({ request: 'POST /Users', status: context.last!.status });
  const user = createdId(context.last!, 'the test user');
  await pushGroup(context);
  answers.push({ request: 'POST /Groups', status: context.last!.status });
  const group = createdId(context.last!, 'the test group');
  answers.push({ request: 'DELETE /Groups/{id}', status: (await send(context, jumpcloud.deleteGroup(group))).status });
  answers.push({ request: 'DELETE /Users/{id}', status: (await send(context, jumpcloud.deleteUser(user))).status });
});

Then('every request of the test succeeded', async function (this: HarnessWorld) {
  const answers = testAnswers.get(await certifyContext(this));
  assert.ok(answers, 'JumpCloud did not test the connection');
  // RFC 7644 §3.3: a create answers 201; §3.6: a delete answers 204 (200 with a body is tolerated by JumpCloud too).
  const expected = (request: string) => (request.startsWith('POST') ? [201] : [204, 200]);
  assert.deepEqual(
    answers.filter((a) => !expected(a.request).includes(a.status)),
    [],
  );
});

When('JumpCloud creates a user', async function (this: HarnessWorld) {
  await createUser(await certifyContext(this));
});

Given(/^JumpCloud has created (?:a|another) user$/, async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await createUser(context);
  createdId(context.last!, 'a user');
});

When("JumpCloud changes the user's family name", async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const familyName = `Murray ${context.driver.uniqueName('n').slice(-6)}`;
  familyNames.set(context, familyName);
  context.last = await send(context, jumpcloud.replaceFamilyName(lastUser(context).id, familyName));
});

Then('the user reads back with the new family name', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const read = await context.driver.send('GET', `/Users/${encodeURIComponent(lastUser(context).id)}`);
  assert.equal(read.status, 200, `reading the user answered ${read.status}`);
  assert.equal((read.body?.name as { familyName?: unknown } | undefined)?.familyName, familyNames.get(context));
});

When('JumpCloud deactivates the user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, jumpcloud.deactivateUser(lastUser(context).id));
});

When('JumpCloud pushes a group with both users as members', async function (this: HarnessWorld) {
  await pushGroup(await certifyContext(this));
});

Given('JumpCloud has pushed a group with both users as members', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await pushGroup(context);
  createdId(context.last!, 'a group');
});

Then('the group reads back with both users as members', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.deepEqual(await groupMembers(context), context.users.map((u) => u.id).sort());
});

When('JumpCloud removes the other user with a value list', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.group, 'no group was pushed in this scenario');
  context.last = await send(context, jumpcloud.removeMembers(context.group.id, [lastUser(context).id]));
});
