/*
 * Steps that check what the reference SCIM server stored, read back over HTTP (GET /Users/{id},
 * /Groups/{id}, filters, /.tolerances) with the tenant's own token — never from the client's log.
 */
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import { readStored } from './support/entra/read-path.ts';
import type { HarnessWorld } from './support/world.ts';

Then(/^the server stores "([^"]+)" with (.+) equal to (.+)$/, async function (this: HarnessWorld, upn: string, path: string, value: string) {
  const { status, body } = await this.entra.storedUser(upn);
  assert.equal(status, 200, `GET /Users/{id} for ${upn} answered ${status}`);
  assert.deepEqual(readStored(body, path), JSON.parse(value));
});

Then(/^the server stores the group "([^"]+)" with (.+) equal to (.+)$/, async function (this: HarnessWorld, name: string, path: string, value: string) {
  const { status, body } = await this.entra.storedGroup(name);
  assert.equal(status, 200, `GET /Groups/{id} for ${name} answered ${status}`);
  assert.deepEqual(readStored(body, path), JSON.parse(value));
});

Then('the server lists {aliases} as the members of {string}', async function (this: HarnessWorld, members: string[], group: string) {
  const { status, body } = await this.entra.storedGroup(group);
  assert.equal(status, 200);
  const stored = ((body['members'] ?? []) as Array<{ value: string }>).map((m) => m.value).sort();
  assert.deepEqual(stored, members.map((m) => this.entra.targetId(m)).sort());
});

Then('the server answers 404 for {string}', async function (this: HarnessWorld, upn: string) {
  const { status, body } = await this.entra.storedUser(upn);
  assert.equal(status, 404);
  assert.equal(body['status'], '404');
});

Then('the server answers 404 for the group {string}', async function (this: HarnessWorld, name: string) {
  const { status } = await this.entra.storedGroup(name);
  assert.equal(status, 404);
});

Then('the server has no user {string}', async function (this: HarnessWorld, upn: string) {
  const { status, body } = await this.entra.scimGet(`/Users?filter=${encodeURIComponent(`userName eq "${upn}"`)}`);
  assert.equal(status, 200);
  assert.equal(body['totalResults'], 0);
});

Then(/^the server's tolerances include ((?:"[^"]+"(?: and )?)+) for a (User|Group) patch$/, async function (this: HarnessWorld, codes: string, resourceType: string) {
  const recorded = (await this.entra.tolerances()).filter((t) => t.resourceType === resourceType && t.operation === 'patch').map((t) => t.code);
  for (const [, code] of codes.matchAll(/"([^"]+)"/g)) assert.ok(recorded.includes(code!), `${code} not among ${JSON.stringify(recorded)}`);
});

Then('the server recorded no tolerance', async function (this: HarnessWorld) {
  assert.deepEqual(await this.entra.tolerances(), []);
});
