/*
 * The OpenID Provider's control API (/control/oidc/*): clients validated with ajv (problems name their path),
 * the queued sign-in and its deviations checked when queued, key rotation; every refusal a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT, type RunningOp, startOp } from './test-support/op-server.ts';

let op: RunningOp;
beforeAll(async () => {
  op = await startOp();
});
afterAll(() => op.close());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${op.base}/control/oidc${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, json: res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>) };
}

describe('POST /control/oidc/clients', () => {
  it('registers an Okta client at a custom authorization server, which then serves discovery', async () => {
    const r = await call('POST', '/clients', {
      preset: 'okta',
      authorization_server: 'aus-sonar',
      client_id: '0oa-web',
      client_secret: 'a-long-secret',
      redirect_uris: [REDIRECT],
      groups_claim: { name: 'roles', filter: 'startsWith', value: 'sonar' },
    });
    expect(r.status).toBe(201);
    expect(r.json['issuer']).toBe(`${op.base}/oauth2/aus-sonar`);
    expect(r.json['clientSecret']).toBe('(set)');
    const doc = (await (await fetch(`${op.base}/oauth2/aus-sonar/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc['claims_supported']).toContain('roles');
  });

  it.each([
    ['a redirect URI that is not a URL', { client_id: 'x', redirect_uris: ['not a url'] }, 'redirect_uris[0]'],
    ['an unknown member', { client_id: 'x', redirect_uris: [REDIRECT], colour: 'blue' }, 'colour'],
    ['a missing client_id', { redirect_uris: [REDIRECT] }, 'client_id'],
    [
      'an unknown groups filter',
      { preset: 'okta', client_id: 'x', client_secret: 'long-enough', redirect_uris: [REDIRECT], groups_claim: { name: 'groups', filter: 'like', value: 'a' } },
      'groups_claim.filter',
    ],
    [
      'a regex that does not compile',
      { preset: 'okta', client_id: 'x', client_secret: 'long-enough', redirect_uris: [REDIRECT], groups_claim: { name: 'groups', filter: 'regex', value: '(' } },
      'groups_claim.value',
    ],
    ['client_secret_post without a secret', { client_id: 'x', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_post' }, 'token_endpoint_auth_method'],
    ['a tenant for a non-Entra preset', { preset: 'okta', tenant_id: 't', client_id: 'x', redirect_uris: [REDIRECT] }, 'tenant_id'],
  ])('refuses %s with control/bad-body naming %s', async (_what, body, path) => {
    const r = await call('POST', '/clients', body);
    expect([r.status, r.json['error']]).toEqual([400, 'control/bad-body']);
    expect(String(r.json['message'])).toContain(path);
  });

  it('refuses malformed JSON with control/bad-body', async () => {
    const r = await call('POST', '/clients', '{"client_id":');
    expect([r.status, r.json['error']]).toEqual([400, 'control/bad-body']);
  });

  it('refuses an Entra tenant id that is one of the IdP’s own paths', async () => {
    const r = await call('POST', '/clients', { preset: 'entra', tenant_id: 'saml', client_id: 'x', redirect_uris: [REDIRECT] });
    expect([r.status, r.json['error']]).toEqual([400, 'oidc/unknown-issuer']);
  });

  it('DELETE removes a client; removing it again is oidc/unknown-client', async () => {
    await call('POST', '/clients', { client_id: 'temp', redirect_uris: [REDIRECT] });
    expect((await call('DELETE', '/clients?client_id=temp')).status).toBe(204);
    expect((await call('DELETE', '/clients?client_id=temp')).json['error']).toBe('oidc/unknown-client');
  });
});

describe('PUT /control/oidc/next-sign-in', () => {
  it('queues a user and deviations, checked at once', async () => {
    const r = await call('PUT', '/next-sign-in', { user: 'alice@example.com', deviations: ['wrongIssuer', { method: 'expired', args: [60] }] });
    expect(r.json).toEqual({
      user: 'alice@contoso.example',
      deviations: [
        { method: 'wrongIssuer', args: [] },
        { method: 'expired', args: [60] },
      ],
    });
    expect((await call('DELETE', '/next-sign-in')).status).toBe(204);
    expect((await call('GET', '/state')).json['nextSignIn']).toBeNull();
  });

  it.each([
    [{ deviations: ['wrongIsuer'] }, 'oidc/unknown-deviation'],
    [{ deviations: [{ method: 'expired', args: ['soon'] }] }, 'oidc/deviation-not-applicable'],
    [{ deviations: ['replayedNonce'] }, 'oidc/deviation-not-applicable'],
    [{ user: 'nobody@example.com' }, 'user/unknown'],
    [{ deviations: 'wrongIssuer' }, 'control/bad-body'],
  ])('refuses %j with %s', async (body, code) => {
    const r = await call('PUT', '/next-sign-in', body);
    expect([r.status, r.json['error']]).toEqual([400, code]);
  });
});

describe('keys and issuers', () => {
  it('POST /rotate-keys publishes only the new kid', async () => {
    const { json } = await call('POST', '/rotate-keys');
    const jwks = (await (await fetch(`${op.base}/oidc/jwks`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([json['kid']]);
    expect(json['retiredKid']).not.toBe(json['kid']);
  });

  it('GET /issuer names the issuer and discovery URL of a preset', async () => {
    const { json } = await call('GET', '/issuer?preset=entra&tenant_id=contoso');
    expect(json).toEqual({ issuer: `${op.base}/contoso/v2.0`, discovery: `${op.base}/contoso/v2.0/.well-known/openid-configuration` });
  });

  it('an unknown path under an Okta issuer falls through to the IdP’s 404', async () => {
    const res = await fetch(`${op.base}/oauth2/never-registered/v1/keys`);
    expect(res.status).toBe(404);
  });
});
