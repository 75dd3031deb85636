/*
 * Steps where the SCIM side of the reference SP provisions the users the SAML side signs in: real SCIM
 * requests over HTTP to the tenant's /scim/v2/{tenant} endpoint with a bearer token.
 */
import assert from 'node:assert/strict';
import { Given } from '@cucumber/cucumber';
import { acceptScimProvisioning, scimUserId as idOf, tenantScim as scim } from './support/saml/tenant-scim.ts';
import type { HarnessWorld } from './support/world.ts';

Given('the tenant accepts SCIM provisioning with a bearer token', function (this: HarnessWorld) {
  acceptScimProvisioning(this);
});

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
