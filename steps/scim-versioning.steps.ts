/*
 * ETags and conditional requests (RFC 7644 §3.14, RFC 7232), and Bulk requests with bulkId references and
 * failOnErrors (RFC 7644 §3.7). Both run only when the endpoint advertises them (`@requires:etag`, `@requires:bulk`).
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { describeExchange, jsonBody } from './support/scim/assertions.ts';
import { BULK_REQUEST, GROUP_SCHEMA, PATCH_OP, readPath } from './support/scim/stage.ts';
import type { Json } from './support/scim/target.ts';
import type { HarnessWorld } from './support/world.ts';

// ---- ETags -----------------------------------------------------------------------------------------------------

async function currentEtag(world: HarnessWorld, alias: string): Promise<string> {
  const exchange = await world.scim.send('GET', `/Users/${world.scim.known(alias).id}`);
  const etag = exchange.headers.get('etag');
  assert.ok(exchange.status === 200 && etag, `expected an ETag: ${describeExchange(exchange)}`);
  return etag;
}

Then('the ETag header equals meta.version', function (this: HarnessWorld) {
  const etag = this.scim.last.headers.get('etag');
  assert.ok(etag, `expected an ETag header: ${describeExchange(this.scim.last)}`);
  assert.equal(readPath(jsonBody(this.scim.last), 'meta.version'), etag, describeExchange(this.scim.last));
});

Given('the user {string} has been changed since it was read', async function (this: HarnessWorld, alias: string) {
  this.scim.versions.set(alias, await currentEtag(this, alias));
  const exchange = await this.scim.send('PATCH', `/Users/${this.scim.known(alias).id}`, {
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Changed elsewhere' }] },
  });
  assert.ok([200, 204].includes(exchange.status), describeExchange(exchange));
  assert.notEqual(await currentEtag(this, alias), this.scim.versions.get(alias), 'a change must produce a new version');
});

When('the client patches the user {string} if it still has the version first read', async function (this: HarnessWorld, alias: string) {
  const version = this.scim.versions.get(alias);
  assert.ok(version, `no version of "${alias}" was read first`);
  await this.scim.send('PATCH', `/Users/${this.scim.known(alias).id}`, {
    headers: { 'if-match': version },
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Lost update' }] },
  });
});

When('the client replaces the user {string} if it still has its current version', async function (this: HarnessWorld, alias: string) {
  const version = await currentEtag(this, alias);
  const resource = this.scim.known(alias);
  await this.scim.send('PUT', `/Users/${resource.id}`, {
    headers: { 'if-match': version },
    body: { ...this.scim.userPayload(alias, { title: 'Conditional' }), id: resource.id },
  });
});

When('the client retrieves the user {string} unless it still has its current version', async function (this: HarnessWorld, alias: string) {
  const version = await currentEtag(this, alias);
  await this.scim.send('GET', `/Users/${this.scim.known(alias).id}`, { headers: { 'if-none-match': version } });
});

// ---- Bulk ------------------------------------------------------------------------------------------------------

function bulkOperations(world: HarnessWorld): Json[] {
  const operations = jsonBody(world.scim.last)['Operations'];
  assert.ok(Array.isArray(operations), `expected Operations: ${describeExchange(world.scim.last)}`);
  return operations as Json[];
}

/** Remembers the resources a Bulk response created, by the bulkId the request gave them (= their alias). */
function rememberBulkResults(world: HarnessWorld): void {
  for (const operation of bulkOperations(world)) {
    const match = /\/(Users|Groups)\/([^/?#]+)$/.exec(String(operation['location'] ?? ''));
    if (match && typeof operation['bulkId'] === 'string') {
      world.scim.remember(match[1] as 'Users' | 'Groups', operation['bulkId'], { id: decodeURIComponent(match[2]!) });
    }
  }
}

When(
  'the client sends a Bulk request creating the user {string} and the group {string} with {string} as a member by bulkId',
  async function (this: HarnessWorld, user: string, group: string, member: string) {
    assert.equal(member, user, 'the member must be the user created in the same request');
    await this.scim.send('POST', '/Bulk', {
      body: {
        schemas: [BULK_REQUEST],
        Operations: [
          { method: 'POST', path: '/Users', bulkId: user, data: this.scim.userPayload(user) },
          {
            method: 'POST',
            path: '/Groups',
            bulkId: group,
            data: { schemas: [GROUP_SCHEMA], displayName: this.scim.groupName(group), members: [{ value: `bulkId:${user}` }] },
          },
        ],
      },
    });
    if (this.scim.last.status === 200) rememberBulkResults(this);
  },
);

When(
  'the client sends a Bulk request with failOnErrors {int} creating a duplicate of {string} and then the user {string}',
  async function (this: HarnessWorld, failOnErrors: number, existing: string, user: string) {
    await this.scim.send('POST', '/Bulk', {
      body: {
        schemas: [BULK_REQUEST],
        failOnErrors,
        Operations: [
          { method: 'POST', path: '/Users', bulkId: 'duplicate', data: this.scim.userPayload('duplicate', { userName: this.scim.userName(existing) }) },
          { method: 'POST', path: '/Users', bulkId: user, data: this.scim.userPayload(user) },
        ],
      },
    });
  },
);

/** RFC 7644 §3.7.3: an operation's `status` is the HTTP status code as a string (draft servers nest it in `code`). */
function bulkStatus(operation: Json): unknown {
  const status = readPath(operation, 'status');
  return status !== null && typeof status === 'object' ? readPath(status, 'code') : status;
}

Then('every Bulk operation succeeded with status {httpStatus}', function (this: HarnessWorld, status: number) {
  const operations = bulkOperations(this);
  assert.ok(operations.length > 0, describeExchange(this.scim.last));
  for (const operation of operations) assert.equal(bulkStatus(operation), String(status), JSON.stringify(operation));
});

Then('the first Bulk operation failed with status {httpStatus}', function (this: HarnessWorld, status: number) {
  const [first] = bulkOperations(this);
  assert.ok(first, describeExchange(this.scim.last));
  assert.equal(bulkStatus(first), String(status), JSON.stringify(first));
});
