/*
 * The SCIM side of the SAML stage's tenant: real SCIM requests over HTTP to /scim/v2/{tenant} with the tenant's
 * bearer token, through the one SCIM driver (http/send.ts: its timeout, a 429/503 waited out), each request and
 * answer attached to the scenario. Used by the steps where SCIM provisions the users the SAML side signs in.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { jsonObject, sendHttp } from '../../../http/send.ts';
import type { HarnessWorld } from '../world.ts';

const SCIM_JSON = 'application/scim+json';

/** Gives the stage's current tenant a SCIM bearer token (the SP reads it when it starts). */
export function acceptScimProvisioning(world: HarnessWorld): void {
  const token = `ssoh-${randomBytes(20).toString('hex')}`;
  world.saml.tenant().scim = { tokens: [{ name: 'scenario', value: token }], enforceScopes: false };
  world.saml.scimToken = token;
}

export async function tenantScim(world: HarnessWorld, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const { url } = await world.saml.sp();
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

/** The resources a `filter` finds (RFC 7644 §3.4.2.2), failing unless the server answers 200. */
export async function scimFind(world: HarnessWorld, resourceType: 'Users' | 'Groups', filter: string): Promise<Array<Record<string, unknown>>> {
  const { status, json } = await tenantScim(world, 'GET', `/${resourceType}?filter=${encodeURIComponent(filter)}`);
  assert.equal(status, 200, `GET /${resourceType}?filter=${filter} answered ${status}`);
  return (json['Resources'] as Array<Record<string, unknown>> | undefined) ?? [];
}

/** The SCIM id of the one user of this userName (matched case-insensitively, RFC 7643 §4.1.1). */
export async function scimUserId(world: HarnessWorld, userName: string): Promise<string> {
  const resources = await scimFind(world, 'Users', `userName eq "${userName}"`);
  assert.equal(resources.length, 1, `expected one user ${userName}`);
  return String(resources[0]!['id']);
}
