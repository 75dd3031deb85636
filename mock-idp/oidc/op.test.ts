/*
 * The mock OpenID Provider against an independent relying party: openid-client 6 discovers each preset's issuer,
 * runs the authorization code flow with PKCE, refreshes, reads userinfo and builds the end-session URL.
 */
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, REDIRECT, type RunningOp, rp, signIn, startOp } from './test-support/op-server.ts';

let op: RunningOp;
beforeAll(async () => {
  op = await startOp();
});
afterAll(() => op.close());

describe('discovery and issuers', () => {
  it('serves each preset at its vendor path shape', async () => {
    expect(op.idp.oidc.issuer('generic')).toBe(op.base);
    expect(op.idp.oidc.issuer('okta')).toBe(`${op.base}/oauth2/default`);
    expect(op.idp.oidc.issuer({ preset: 'entra', tenantId: 'contoso-tenant' })).toBe(`${op.base}/contoso-tenant/v2.0`);
    for (const [issuer, authz] of [
      [op.base, `${op.base}/oidc/auth`],
      [`${op.base}/oauth2/default`, `${op.base}/oauth2/default/v1/authorize`],
      [`${op.base}/contoso-tenant/v2.0`, `${op.base}/contoso-tenant/oauth2/v2.0/authorize`],
    ] as const) {
      const doc = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(doc['issuer']).toBe(issuer);
      expect(doc['authorization_endpoint']).toBe(authz);
      expect(doc['code_challenge_methods_supported']).toEqual(['S256']);
      expect(doc['authorization_response_iss_parameter_supported']).toBe(true);
    }
  });

  it('leaves SAML paths to the SAML side', async () => {
    expect((await fetch(`${op.base}/metadata`)).headers.get('content-type')).toContain('samlmetadata');
  });
});

describe('authorization code flow with openid-client as the RP', () => {
  it('okta: code + PKCE, client_secret_basic, the groups filter, refresh with offline_access, userinfo, end session', async () => {
    op.idp.oidc.registerClient({
      preset: 'okta',
      client_id: '0oa-sonar',
      client_secret: 'okta-secret-123',
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: ['http://127.0.0.1:1/signed-out'],
      groups_claim: { name: 'groups', filter: 'regex', value: '.*' },
    });
    const config = await rp(op.idp.oidc.issuer('okta'), '0oa-sonar', 'okta-secret-123');
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const { tokens } = await signIn(config, new Browser(), { scope: 'openid profile email offline_access' });
    const claims = tokens.claims()!;
    expect(claims.sub).toMatch(/^00u[A-Za-z0-9]{17}$/);
    expect(claims['preferred_username']).toBe('alice@contoso.example');
    expect(claims['email']).toBe('alice@example.com');
    expect(claims['groups']).toEqual(['Engineering', 'Dev-Eng', 'sonar-users']);
    expect(claims['ver']).toBe(1);
    expect(tokens.refresh_token).toBeTypeOf('string');

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.claims()!.sub).toBe(claims.sub);
    const info = await client.fetchUserInfo(config, refreshed.access_token, claims.sub);
    expect(info['email']).toBe('alice@example.com');

    const end = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'http://127.0.0.1:1/signed-out' });
    expect(end.href.startsWith(`${op.base}/oauth2/default/v1/logout?`)).toBe(true);
    expect((await fetch(end)).status).toBe(200);
  });

  it('okta: a narrower regex sends fewer groups; no filter sends no groups claim', async () => {
    op.idp.oidc.registerClient({
      preset: 'okta',
      client_id: 'narrow',
      client_secret: 'narrow-secret',
      redirect_uris: [REDIRECT],
      groups_claim: { name: 'groups', filter: 'regex', value: 'Eng.*' },
    });
    op.idp.oidc.registerClient({ preset: 'okta', client_id: 'nofilter', client_secret: 'nofilter-secret', redirect_uris: [REDIRECT] });
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const narrow = await signIn(await rp(op.idp.oidc.issuer('okta'), 'narrow', 'narrow-secret'), new Browser());
    expect(narrow.tokens.claims()!['groups']).toEqual(['Engineering']);
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const none = await signIn(await rp(op.idp.oidc.issuer('okta'), 'nofilter', 'nofilter-secret'), new Browser());
    expect(none.tokens.claims()!).not.toHaveProperty('groups');
  });

  it('entra: public client with PKCE, pairwise sub, oid/tid/upn, ver 2.0', async () => {
    op.idp.oidc.registerClient({ preset: 'entra', tenant_id: 'contoso-tenant', client_id: '11111111-2222-3333-4444-555555555555', redirect_uris: [REDIRECT] });
    const config = await rp(op.idp.oidc.issuer({ preset: 'entra', tenantId: 'contoso-tenant' }), '11111111-2222-3333-4444-555555555555');
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const { tokens } = await signIn(config, new Browser());
    const c = tokens.claims()!;
    expect(c.iss).toBe(`${op.base}/contoso-tenant/v2.0`);
    expect(c['tid']).toBe('contoso-tenant');
    expect(c['oid']).toBe('a1b2c3');
    expect(c.sub).not.toBe('a1b2c3');
    expect(c['upn']).toBe('alice@contoso.example');
    expect(c['ver']).toBe('2.0');
    expect(c['groups']).toEqual(['Engineering', 'Dev-Eng', 'sonar-users']);
  });

  it('generic: client_secret_post', async () => {
    op.idp.oidc.registerClient({ client_id: 'gen', client_secret: 'generic-secret', token_endpoint_auth_method: 'client_secret_post', redirect_uris: [REDIRECT] });
    const config = await rp(op.base, 'gen', 'generic-secret', 'post');
    op.idp.oidc.setNextSignIn({ user: 'bob@example.com' });
    const { tokens } = await signIn(config, new Browser(), { scope: 'openid email profile groups' });
    expect(tokens.claims()!['email']).toBe('bob@example.com');
    expect(tokens.claims()!['groups']).toEqual([]);
  });
});

describe.each([
  ['generic', {}, (base: string) => base],
  ['okta', {}, (base: string) => `${base}/oauth2/default`],
  ['entra', { tenant_id: 'fabrikam' }, (base: string) => `${base}/fabrikam/v2.0`],
] as const)('%s: every endpoint with openid-client', (preset, where, issuerOf) => {
  it('code + PKCE, refresh (offline_access), userinfo, end-session URL', async () => {
    const clientId = `all-${preset}`;
    const logout = `http://127.0.0.1:1/${preset}/signed-out`;
    op.idp.oidc.registerClient({ preset, ...where, client_id: clientId, client_secret: 'every-endpoint', redirect_uris: [REDIRECT], post_logout_redirect_uris: [logout] });
    const config = await rp(issuerOf(op.base), clientId, 'every-endpoint');
    client.enableNonRepudiationChecks(config);
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const { tokens } = await signIn(config, new Browser(), { scope: 'openid profile email offline_access' });
    const sub = tokens.claims()!.sub;
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.claims()!.sub).toBe(sub);
    const info = await client.fetchUserInfo(config, refreshed.access_token, sub);
    expect(info.sub).toBe(sub);
    const end = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: logout });
    expect((await fetch(end)).status).toBe(200);
  });
});
