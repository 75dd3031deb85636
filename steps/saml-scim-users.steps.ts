/*
 * Steps where the SCIM side of the reference SP provisions the users the SAML side signs in: real SCIM
 * requests over HTTP to the tenant's /scim/v2/{tenant} endpoint with a bearer token.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Given } from '@cucumber/cucumber';
import { jsonObject, sendHttp } from '../http/send.ts';
import type { HarnessWorld } from './support/world.ts';

const SCIM_JSON = 'application/scim+json';

Given('the tenant accepts SCIM provisioning with a bearer token', function (this: HarnessWorld) {
  const token = `ssoh-${randomBytes(20).toString('hex')}`;
  this.saml.tenant().scim = { tokens: [{ name: 'scenario', value: token }], enforceScopes: false };
  this.saml.scimToken = token;
});

async function scim(world: HarnessWorld, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const { url } = await world.saml.sp();
  // The one SCIM driver (http/send.ts): its timeout, and a 429/503 waited out rather than failing the scenario.
  const answer = await sendHttp(
    {
      method,
      url: `${url}/scim/v2/${world.saml.tenant().id}${path}`,
      headers: { authorization: `Bearer ${world.saml.scimToken}`, 'content-type': SCIM_JSON, accept: SCIM_JSON },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    { timeoutMs: 10_000 },
  );
  world.attach(`${method} ${path}\n${body === undefined ? '' : JSON.stringify(body, null, 2)}\n\nHTTP ${answer.status}\n${answer.text}`, `SCIM ${method}`);
  return { status: answer.status, json: jsonObject(answer) ?? {} };
}

async function idOf(world: HarnessWorld, userName: string): Promise<string> {
  const { json } = await scim(world, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
  const resources = json['Resources'] as Array<{ id: string }> | undefined;
  assert.equal(resources?.length, 1, `expected one user ${userName}`);
  return resources[0]!.id;
}

Given('{string} is provisioned to the tenant over SCIM', async function (this: HarnessWorld, userName: string) {
  const { status } = await scim(this, 'POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    name: { givenName: 'Alice', familyName: 'Example' },
    emails: [{ value: userName.toLowerCase(), type: 'work', primary: true }],
    active: true,
  });
  assert.equal(status, 201);
});

Given('SCIM deactivates {string}', async function (this: HarnessWorld, userName: string) {
  const id = await idOf(this, userName);
  const { status } = await scim(this, 'PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path: 'active', value: false }],
  });
  assert.ok(status === 200 || status === 204, `PATCH answered ${status}`);
});

Given('SCIM deletes {string}', async function (this: HarnessWorld, userName: string) {
  const { status } = await scim(this, 'DELETE', `/Users/${await idOf(this, userName)}`);
  assert.equal(status, 204);
});
