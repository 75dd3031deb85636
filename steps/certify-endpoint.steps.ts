/*
 * Certification steps shared by the Entra and Okta profiles: the per-scenario context (the World's certify stage,
 * steps/support/scim/certify-stage.ts: an EndpointDriver on the SCIM stage's target, cleaned up after the
 * scenario), and the assertions on what the endpoint answered.
 * Request bodies come from certify/vendors/{entra,okta}.ts; steps never call steps.
 */
import assert from 'node:assert/strict';
import { Before, Then } from '@cucumber/cucumber';
import type { Exchange, Json } from '../certify/driver/endpoint.ts';
import { interruptReason, isInterrupted } from '../certify/safety/interrupt.ts';
import type { UserSeed, VendorRequest } from '../certify/vendors/entra.ts';
import { ERROR_SCHEMA, LIST_RESPONSE_SCHEMA } from '../certify/vendors/scim-urns.ts';
import type { CertifyContext, ProvisionedUser } from './support/scim/certify-stage.ts';
import { stopFileOf } from './support/scim/settings.ts';
import type { HarnessWorld } from './support/world.ts';

export type { CertifyContext, ProvisionedUser } from './support/scim/certify-stage.ts';

/*
 * An interrupted certification (SIGINT/SIGTERM, certify/safety/interrupt.ts) starts no new scenario: each one
 * still queued is skipped here, before any hook talks to the endpoint, and reported as interrupted.
 */
Before(function (this: HarnessWorld) {
  const stopFile = stopFileOf(this.parameters);
  if (!isInterrupted(stopFile)) return undefined;
  this.log(`interrupted: ${interruptReason(stopFile) ?? 'the run was interrupted'}`);
  return 'skipped';
});

/* Scenarios tagged @entra-quirk go to the bundled server's lenient tenant (steps/support/scim/certify-stage.ts). */
Before({ tags: '@entra-quirk' }, function (this: HarnessWorld) {
  this.scimCertify.quirk = true;
});

/** The certification driver's last answer, when this scenario has one. */
export function lastCertifyExchange(world: HarnessWorld): Exchange | undefined {
  return world.scimCertify.current?.last;
}

/** This scenario's certification context: the driver on the SCIM stage's target, with its settings. */
export function certifyContext(world: HarnessWorld): Promise<CertifyContext> {
  return world.scimCertify.context();
}

export function send(context: CertifyContext, request: VendorRequest): Promise<Exchange> {
  return context.driver.send(request.method, request.path, request.body === undefined ? {} : { body: request.body });
}

export function newSeed(context: CertifyContext): UserSeed {
  const name = context.driver.uniqueName('user');
  return { userName: `${name}@example.test`, givenName: 'Ada', familyName: `Lovelace ${name.slice(-6)}`, externalId: `${name}-ext` };
}

/** A precondition create: any 2xx with an id will do (the status itself is judged by the create scenarios). */
export function createdId(exchange: Exchange, what: string): string {
  assert.ok(exchange.status >= 200 && exchange.status < 300, `creating ${what} answered ${exchange.status}, so the scenario cannot proceed`);
  const id = exchange.body?.id;
  assert.ok(typeof id === 'string' && id !== '', `creating ${what} answered without an id`);
  return id;
}

export function listResources(exchange: Exchange): Json[] {
  assert.equal(exchange.status, 200, `expected 200 for ${exchange.method} ${exchange.url}`);
  const body = exchange.body ?? {};
  assert.ok(Array.isArray(body.schemas) && body.schemas.includes(LIST_RESPONSE_SCHEMA), 'the response is not a ListResponse (RFC 7644 §3.4.2)');
  const resources = (body.Resources ?? []) as Json[];
  assert.ok(Array.isArray(resources), 'Resources is not an array');
  assert.equal(typeof body.totalResults, 'number', 'totalResults is REQUIRED (RFC 7644 §3.4.2)');
  return resources;
}

export function lastUser(context: CertifyContext): ProvisionedUser {
  const user = context.users.at(-1);
  assert.ok(user, 'no user was provisioned in this scenario');
  return user;
}

function members(group: Json | undefined): string[] {
  return ((group?.members ?? []) as Json[]).map((m) => String(m.value));
}

Then('the endpoint answers 200 with an empty ListResponse', async function (this: HarnessWorld) {
  const { last } = await certifyContext(this);
  assert.ok(last);
  const resources = listResources(last);
  assert.equal(last.body?.totalResults, 0, 'totalResults must be 0');
  assert.equal(resources.length, 0, 'Resources must be empty');
});

Then('the endpoint answers {int}', async function (this: HarnessWorld, status: number) {
  const { last } = await certifyContext(this);
  assert.equal(last?.status, status);
});

Then('the endpoint answers 201 with the created user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  const { last } = context;
  assert.equal(last?.status, 201, 'a create must answer 201 Created (RFC 7644 §3.3)');
  assert.equal(String(last.body?.userName).toLowerCase(), lastUser(context).seed.userName.toLowerCase());
  assert.equal(last.body?.id, lastUser(context).id);
});

Then('the endpoint answers 201 with the created group', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.equal(context.last?.status, 201, 'a create must answer 201 Created (RFC 7644 §3.3)');
  assert.equal(context.last.body?.displayName, context.group?.displayName);
  assert.equal(typeof context.last.body?.id, 'string');
});

Then('the endpoint accepts the PATCH', async function (this: HarnessWorld) {
  const { last } = await certifyContext(this);
  // RFC 7644 §3.5.2: 200 with the resource, or 204 No Content.
  assert.ok(last?.status === 200 || last?.status === 204, `a PATCH must answer 200 or 204, got ${last?.status}`);
});

Then('the endpoint answers 200 with the replaced user', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.equal(context.last?.status, 200);
  assert.equal(context.last.body?.displayName, context.expected.displayName);
});

Then(/^reading the (user|group) answers 404 with a SCIM error$/, async function (this: HarnessWorld, kind: string) {
  const context = await certifyContext(this);
  const id = kind === 'user' ? lastUser(context).id : context.group?.id;
  const read = await context.driver.send('GET', `/${kind === 'user' ? 'Users' : 'Groups'}/${encodeURIComponent(String(id))}`);
  assert.equal(read.status, 404);
  assert.ok((read.body?.schemas as unknown[] | undefined)?.includes(ERROR_SCHEMA), 'the 404 body is not a SCIM Error (RFC 7644 §3.12)');
  assert.ok(read.body?.status === '404' || read.body?.status === 404, 'the SCIM error must carry status "404"');
});

async function readUser(context: CertifyContext): Promise<Json> {
  const read = await context.driver.send('GET', `/Users/${encodeURIComponent(lastUser(context).id)}`);
  assert.equal(read.status, 200, `reading the user answered ${read.status}`);
  return read.body ?? {};
}

Then(/^the user reads back with the new displayName(, givenName and work email| and givenName)$/, async function (this: HarnessWorld, which: string) {
  const context = await certifyContext(this);
  const user = await readUser(context);
  assert.equal(user.displayName, context.expected.displayName);
  assert.equal((user.name as Json | undefined)?.givenName, context.expected.givenName);
  if (which.includes('email')) {
    const work = ((user.emails ?? []) as Json[]).find((e) => e.type === 'work');
    assert.equal(work?.value, context.expected.email);
  }
});

Then(/^the user reads back with active (true|false)$/, async function (this: HarnessWorld, value: string) {
  const user = await readUser(await certifyContext(this));
  // RFC 7643 §4.1.1: active is a Boolean; a string "False" is not a boolean.
  assert.equal(user.active, value === 'true');
});

async function readGroup(context: CertifyContext): Promise<Json> {
  assert.ok(context.group, 'no group was provisioned in this scenario');
  const read = await context.driver.send('GET', `/Groups/${encodeURIComponent(context.group.id)}`);
  assert.equal(read.status, 200, `reading the group answered ${read.status}`);
  return read.body ?? {};
}

Then('the group reads back with the user as its only member', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.deepEqual(members(await readGroup(context)), [context.users[0]!.id]);
});

Then('the group reads back with the other user as its only member', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.deepEqual(members(await readGroup(context)), [lastUser(context).id]);
});

Then('the group reads back without members', async function (this: HarnessWorld) {
  assert.deepEqual(members(await readGroup(await certifyContext(this))), []);
});

Then('the group reads back with the new displayName', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.equal((await readGroup(context)).displayName, context.expected.groupName);
});

Then('exactly that user is found', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.last);
  const resources = listResources(context.last);
  assert.deepEqual(
    resources.map((r) => r.id),
    [lastUser(context).id],
  );
  assert.equal(context.last.body?.totalResults, 1);
});

Then('exactly that group is found, without a members attribute', async function (this: HarnessWorld) {
  const context = await certifyContext(this);
  assert.ok(context.last);
  const resources = listResources(context.last);
  assert.deepEqual(
    resources.map((r) => r.id),
    [context.group?.id],
  );
  assert.equal(resources[0]!.members, undefined, 'excludedAttributes=members must leave members out (RFC 7644 §3.4.2.5)');
});
