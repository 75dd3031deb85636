/*
 * OneLogin provisioning sequences (features/certify/onelogin-*.feature), built by certify/vendors/onelogin.ts, and the
 * userName lookup OneLogin and JumpCloud share.
 * The template's values for a scenario are kept beside its context, so a read-back checks what was last sent.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { MAX_ENTITLEMENT_PAGES } from '../mock-idp/scim-client/onelogin/client.ts';
import { ENTERPRISE_USER_SCHEMA } from '../certify/vendors/scim-urns.ts';
import { jumpcloud } from '../certify/vendors/jumpcloud.ts';
import { ONELOGIN_GROUP_PAGE, onelogin, type TemplateValues } from '../certify/vendors/onelogin.ts';
import { certifyContext, createdId, lastUser, listResources, newSeed, send, type CertifyContext } from './certify-endpoint.steps.ts';
import type { HarnessWorld } from './support/world.ts';

const sent = new WeakMap<CertifyContext, TemplateValues>();
/** Whether Refresh Entitlements listed the app's group, per scenario. */
const listed = new WeakMap<CertifyContext, boolean>();

async function createUser(context: CertifyContext): Promise<void> {
  const seed = newSeed(context);
  const values = { title: 'Technician', department: 'IT' };
  await send(context, onelogin.findUser(seed.userName));
  context.last = await send(context, onelogin.createUser(seed, values));
  sent.set(context, values);
  if (typeof context.last.body?.id === 'string') context.users.push({ id: context.last.body.id, seed });
}

function appGroup(context: CertifyContext): { id: string; displayName: string } {
  assert.ok(context.group, 'the app has no group in this scenario');
  return context.group;
}

When('OneLogin creates a user from its template', async function (this: HarnessWorld) {
  await createUser(await certifyContext(this));
});

Given('OneLogin has created a user from its template', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await createUser(context);
  createdId(context.last!, 'a user');
});

/** OneLogin and JumpCloud look a user up the same way: `filter=userName eq "…"` with no paging parameters. */
Then(/^(OneLogin|JumpCloud)'s lookup finds exactly that user$/, async function (this: HarnessWorld, idp: string) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  const found = await send(context, (idp === 'OneLogin' ? onelogin : jumpcloud).findUser(user.seed.userName));
  assert.deepEqual(
    listResources(found).map((r) => r.id),
    [user.id],
    'the userName lookup must find exactly the provisioned user',
  );
});

When('OneLogin sends the template again with a new department and title', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const user = lastUser(context);
  const values = { title: 'Engineer', department: 'Flight' };
  context.last = await send(context, onelogin.replaceUser(user.id, user.seed, values));
  sent.set(context, values);
});

Then("the user reads back with the template's department and title", async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const values = sent.get(context);
  assert.ok(values, 'OneLogin sent no template in this scenario');
  const read = await context.driver.send('GET', `/Users/${encodeURIComponent(lastUser(context).id)}`);
  assert.equal(read.status, 200, `reading the user answered ${read.status}`);
  assert.equal(read.body?.title, values.title);
  assert.equal((read.body?.[ENTERPRISE_USER_SCHEMA] as Record<string, unknown> | undefined)?.department, values.department);
});

When('OneLogin suspends the user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, onelogin.suspendUser(lastUser(context).id));
});

When('OneLogin deletes the user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, onelogin.deleteUser(lastUser(context).id));
});

Given('the app has a group of its own', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const displayName = context.driver.uniqueName('app-group');
  const made = await send(context, onelogin.appGroup(displayName));
  context.group = { id: createdId(made, "the app's group"), displayName };
});

When('OneLogin refreshes its entitlements', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const { id } = appGroup(context);
  listed.set(context, false);
  for (let page = 0; page < MAX_ENTITLEMENT_PAGES; page++) {
    context.last = await send(context, onelogin.entitlements(page));
    const resources = listResources(context.last);
    if (resources.some((g) => g.id === id)) {
      listed.set(context, true);
      return;
    }
    if (resources.length < ONELOGIN_GROUP_PAGE) return;
  }
});

Then("the app's group is among the groups listed", async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.equal(listed.get(context), true, 'GET /Groups without a filter must list every group, page by page (RFC 7644 §3.4.2, §3.4.2.4)');
});

async function addUser(context: CertifyContext): Promise<void> {
  context.last = await send(context, onelogin.addMember(appGroup(context).id, lastUser(context).id));
}

When("OneLogin adds the user to the app's group", async function (this: HarnessWorld) {
  await addUser(await certifyContext(this));
});

Given("OneLogin has added the user to the app's group", async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  await addUser(context);
  assert.ok(context.last?.status === 200 || context.last?.status === 204, `adding the member answered ${context.last?.status}, so the scenario cannot proceed`);
});

When("OneLogin removes the user from the app's group", async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  context.last = await send(context, onelogin.removeMember(appGroup(context).id, lastUser(context).id));
});
