/*
 * SCIM Users: creating, reading, replacing, patching, disabling and deleting users (RFC 7644 §3.3–§3.6), and
 * reading a user back to check what a change did. Every user is named `<prefix><alias>@example.com`.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { assertAbsent, assertAttribute, describeExchange, jsonBody } from './support/scim/assertions.ts';
import { MAX_PATCH_OPERATIONS, MAX_VALUES_PER_ATTRIBUTE } from '../reference-sp/scim/limits.ts';
import { BULK_REQUEST, ENTERPRISE_USER, PATCH_OP, readPath, USER_SCHEMA } from './support/scim/stage.ts';
import type { Json } from './support/scim/target.ts';
import type { HarnessWorld } from './support/world.ts';

// ---- preconditions -------------------------------------------------------------------------------------------

Given('the user {string} exists', async function (this: HarnessWorld, alias: string) {
  await this.scim.given('Users', alias, this.scim.userPayload(alias));
});

Given('the users {aliases} exist', async function (this: HarnessWorld, aliases: string[]) {
  for (const alias of aliases) await this.scim.given('Users', alias, this.scim.userPayload(alias));
});

Given('the user {string} exists with the title {string}', async function (this: HarnessWorld, alias: string, title: string) {
  await this.scim.given('Users', alias, this.scim.userPayload(alias, { title }));
});

Given('the user {string} exists reporting to {string}', async function (this: HarnessWorld, alias: string, manager: string) {
  const payload = this.scim.userPayload(alias, { [ENTERPRISE_USER]: { manager: { value: this.scim.known(manager).id } } });
  payload['schemas'] = [USER_SCHEMA, ENTERPRISE_USER];
  await this.scim.given('Users', alias, payload);
});

/** A table with a `user` column and one column per attribute; an empty cell leaves the attribute out. */
Given('these users exist:', async function (this: HarnessWorld, table: DataTable) {
  for (const row of table.hashes()) {
    const { user, ...attributes } = row;
    assert.ok(user, 'the table needs a "user" column');
    const extra = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== ''));
    await this.scim.given('Users', user, this.scim.userPayload(user, extra));
  }
});

Given('{int} users exist', async function (this: HarnessWorld, count: number) {
  for (let n = 1; n <= count; n++) {
    const alias = `user-${String(n).padStart(2, '0')}`;
    await this.scim.given('Users', alias, this.scim.userPayload(alias));
  }
});

Given('the user {string} has been disabled', async function (this: HarnessWorld, alias: string) {
  const exchange = await disable(this, alias);
  assert.ok([200, 204].includes(exchange.status), `disabling as a precondition failed: ${describeExchange(exchange)}`);
});

Given('the user {string} has been deleted', async function (this: HarnessWorld, alias: string) {
  const exchange = await this.scim.send('DELETE', `/Users/${this.scim.known(alias).id}`);
  assert.equal(exchange.status, 204, `deleting as a precondition failed: ${describeExchange(exchange)}`);
});

// ---- create ----------------------------------------------------------------------------------------------------

When('the client creates the user {string}', async function (this: HarnessWorld, alias: string) {
  const exchange = await this.scim.send('POST', '/Users', { body: this.scim.userPayload(alias) });
  if (exchange.status === 201 && exchange.body) this.scim.remember('Users', alias, exchange.body);
});

When('the client creates the user {string} with the userName of {string}', async function (this: HarnessWorld, alias: string, other: string) {
  await this.scim.send('POST', '/Users', { body: this.scim.userPayload(alias, { userName: this.scim.userName(other) }) });
});

When('the client creates the user {string} with the userName of {string} in upper case', async function (this: HarnessWorld, alias: string, other: string) {
  await this.scim.send('POST', '/Users', { body: this.scim.userPayload(alias, { userName: this.scim.userName(other).toUpperCase() }) });
});

When('the client creates a user without a userName', async function (this: HarnessWorld) {
  const payload = this.scim.userPayload('nameless');
  delete payload['userName'];
  await this.scim.send('POST', '/Users', { body: payload });
});

When('the client creates a user with a malformed JSON body', async function (this: HarnessWorld) {
  await this.scim.send('POST', '/Users', { raw: `{"schemas": ["${USER_SCHEMA}"], "userName": "${this.scim.userName('broken')}",` });
});

// ---- hostile requests (docs/reference-scim.md "Limits") ---------------------------------------------------------

When('the client creates the user {string} with a lone surrogate in the displayName', async function (this: HarnessWorld, alias: string) {
  // JSON's \ud800 escape decodes to half a surrogate pair: no character at all (RFC 8259 §8.2)
  const text = JSON.stringify(this.scim.userPayload(alias)).replace(/"displayName":"[^"]*"/, '"displayName":"Eve\\ud800"');
  await this.scim.send('POST', '/Users', { raw: text });
});

When('the client patches the user {string} with one operation more than the PATCH limit', async function (this: HarnessWorld, alias: string) {
  const Operations = Array.from({ length: MAX_PATCH_OPERATIONS + 1 }, (_, i) => ({ op: 'replace', path: 'displayName', value: `n${i}` }));
  await this.scim.send('PATCH', `/Users/${this.scim.known(alias).id}`, { body: { schemas: [PATCH_OP], Operations } });
});

When('the client patches the user {string} adding one email more than the per-attribute limit', async function (this: HarnessWorld, alias: string) {
  const emails = Array.from({ length: MAX_VALUES_PER_ATTRIBUTE + 1 }, (_, i) => ({ value: `e${i}@example.com` }));
  await this.scim.send('PATCH', `/Users/${this.scim.known(alias).id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'emails', value: emails }] } });
});

When('the client replaces the emails of {string} with the same values in another key order', async function (this: HarnessWorld, alias: string) {
  const user = this.scim.known(alias);
  const emails = (user.body['emails'] as Json[]).map((e) => Object.fromEntries(Object.entries(e).reverse()));
  await this.scim.send('PATCH', `/Users/${user.id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails', value: emails }] } });
});

When('the client sends a Bulk request whose data nests {int} levels deep', async function (this: HarnessWorld, levels: number) {
  const payload = JSON.stringify(this.scim.userPayload('deep'));
  const data = `${payload.slice(0, -1)},"nickName":${'['.repeat(levels)}"bulkId:deep"${']'.repeat(levels)}}`;
  await this.scim.send('POST', '/Bulk', { raw: `{"schemas":["${BULK_REQUEST}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"deep","data":${data}}]}` });
});

When('the client lists users with a filter nesting {int} parentheses', async function (this: HarnessWorld, levels: number) {
  const filter = `${'('.repeat(levels)}userName pr${')'.repeat(levels)}`;
  await this.scim.send('GET', `/Users?filter=${encodeURIComponent(filter)}`);
});

Then('the response keeps the version {string} was created with', function (this: HarnessWorld, alias: string) {
  const created = readPath(this.scim.known(alias).body, 'meta.version');
  assert.equal(readPath(jsonBody(this.scim.last), 'meta.version'), created, describeExchange(this.scim.last));
});

// ---- read ------------------------------------------------------------------------------------------------------

When('the client retrieves the user {string}', async function (this: HarnessWorld, alias: string) {
  await this.scim.send('GET', `/Users/${this.scim.known(alias).id}`);
});

When('the client retrieves a user with an unknown id', async function (this: HarnessWorld) {
  await this.scim.send('GET', `/Users/${randomUUID()}`);
});

When('the client deletes a user with an unknown id', async function (this: HarnessWorld) {
  await this.scim.send('DELETE', `/Users/${randomUUID()}`);
});

When('the client retrieves the user {string} with the attributes {string}', async function (this: HarnessWorld, alias: string, attributes: string) {
  await this.scim.send('GET', `/Users/${this.scim.known(alias).id}?attributes=${encodeURIComponent(attributes)}`);
});

When('the client retrieves the user {string} excluding the attributes {string}', async function (this: HarnessWorld, alias: string, attributes: string) {
  await this.scim.send('GET', `/Users/${this.scim.known(alias).id}?excludedAttributes=${encodeURIComponent(attributes)}`);
});

// ---- replace, patch, disable, delete ---------------------------------------------------------------------------

When(
  'the client replaces the user {string} with the title {string} and the given name {string}',
  async function (this: HarnessWorld, alias: string, title: string, givenName: string) {
    const payload = this.scim.userPayload(alias, { title });
    payload['name'] = { ...(payload['name'] as Json), givenName };
    await this.scim.send('PUT', `/Users/${this.scim.known(alias).id}`, { body: { ...payload, id: this.scim.known(alias).id } });
  },
);

When('the client replaces the user {string} without the title', async function (this: HarnessWorld, alias: string) {
  await this.scim.send('PUT', `/Users/${this.scim.known(alias).id}`, { body: { ...this.scim.userPayload(alias), id: this.scim.known(alias).id } });
});

/** meta is readOnly (RFC 7643 §3.1): a replacement carrying another `meta.created` must not change it. */
When('the client replaces the user {string} sending a different meta.created', async function (this: HarnessWorld, alias: string) {
  const resource = this.scim.known(alias);
  const payload = { ...this.scim.userPayload(alias), id: resource.id, meta: { resourceType: 'User', created: '2001-01-01T00:00:00Z' } };
  await this.scim.send('PUT', `/Users/${resource.id}`, { body: payload });
});

/**
 * A table of PatchOp operations (RFC 7644 §3.5.2): `op`, `path` (empty = path-less) and `value`; a value that
 * parses as JSON (object, array, boolean, number) is sent as JSON, anything else as a string. Templates expand.
 */
When('the client patches the user {string} with:', async function (this: HarnessWorld, alias: string, table: DataTable) {
  await this.scim.send('PATCH', `/Users/${this.scim.known(alias).id}`, { body: patchBody(this, table) });
});

export function patchBody(world: HarnessWorld, table: DataTable): Json {
  const Operations = table.hashes().map((row) => {
    const operation: Json = { op: row['op'] };
    const path = world.scim.expand(row['path'] ?? '');
    if (path !== '') operation['path'] = path;
    if (row['value'] !== undefined) {
      const text = world.scim.expand(row['value']);
      operation['value'] = /^[[{]/.test(text.trim()) || ['true', 'false'].includes(text) ? JSON.parse(text) : text;
    }
    return operation;
  });
  return { schemas: [PATCH_OP], Operations };
}

/** Disabling is what Entra and Okta send on unassignment: a replace of `active` with false (RFC 7643 §4.1.1). */
async function disable(world: HarnessWorld, alias: string) {
  return world.scim.send('PATCH', `/Users/${world.scim.known(alias).id}`, {
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] },
  });
}

When('the client disables the user {string}', async function (this: HarnessWorld, alias: string) {
  await disable(this, alias);
});

When('the client deletes the user {string}', async function (this: HarnessWorld, alias: string) {
  await this.scim.send('DELETE', `/Users/${this.scim.known(alias).id}`);
});

// ---- reading back ----------------------------------------------------------------------------------------------

async function readBack(world: HarnessWorld, alias: string): Promise<Json> {
  const resource = world.scim.known(alias);
  const exchange = await world.scim.send('GET', `/${resource.kind}/${resource.id}`);
  assert.equal(exchange.status, 200, `reading back ${alias}: ${describeExchange(exchange)}`);
  return jsonBody(exchange);
}

Then('the user/group {string} has {string} equal to {string}', async function (this: HarnessWorld, alias: string, path: string, expected: string) {
  const resource = await readBack(this, alias);
  assertAttribute(resource, path, this.scim.expand(expected), `${alias}: ${JSON.stringify(resource).slice(0, 600)}`);
});

Then('the user/group {string} has no {string}', async function (this: HarnessWorld, alias: string, path: string) {
  const resource = await readBack(this, alias);
  assertAbsent(resource, path, `${alias}: ${JSON.stringify(resource).slice(0, 600)}`);
});

Then('the user/group {string} no longer exists', async function (this: HarnessWorld, alias: string) {
  const resource = this.scim.known(alias);
  const exchange = await this.scim.send('GET', `/${resource.kind}/${resource.id}`);
  assert.equal(exchange.status, 404, describeExchange(exchange));
});

Then('the user {string} was not created', async function (this: HarnessWorld, alias: string) {
  const filter = `userName eq "${this.scim.userName(alias)}"`;
  const exchange = await this.scim.send('GET', `/Users?filter=${encodeURIComponent(filter)}`);
  assert.equal(exchange.status, 200, describeExchange(exchange));
  assert.equal(jsonBody(exchange)['totalResults'], 0, `"${alias}" exists: ${describeExchange(exchange)}`);
});
