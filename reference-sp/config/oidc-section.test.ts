/* The tenant's oidc section: defaults ← profile ← input, and every problem naming its exact path. */
import { describe, expect, it } from 'vitest';
import { problems } from './test-support/problems.ts';
import { unusedSaml } from '../oidc/test-support/rp.ts';
import { resolveConfig } from './index.ts';

const tenant = (oidc: Record<string, unknown>, profile = 'generic') => ({ baseUrl: 'http://sp.test', tenants: [{ id: 'acme', profile, saml: unusedSaml(), oidc }] });
const client = { clientId: 'c', clientSecret: 's' };

describe('the oidc section', () => {
  it('resolves the defaults, the redirect URI and a discovery URL', async () => {
    const config = await resolveConfig(tenant({ issuer: { discoveryUrl: 'https://op.test' }, ...client }));
    const oidc = config.tenants[0]!.oidc!;
    expect(oidc).toMatchObject({
      redirectUri: 'http://sp.test/oidc/acme/callback',
      postLogoutRedirectUri: 'http://sp.test/oidc/acme/logged-out',
      tokenEndpointAuthMethod: 'client_secret_basic',
      scopes: ['openid', 'profile', 'email'],
      allowedSigningAlgorithms: ['RS256'],
      claimMapping: { login: 'preferred_username', email: 'email', name: 'name', groups: 'groups' },
      groupSync: { enabled: false, attributeName: 'groups' },
    });
    expect(Object.isFrozen(oidc)).toBe(true);
  });

  it("takes the sonarqube profile's Okta OIDC defaults: groups scope, JIT, group sync into existing groups, Members kept", async () => {
    const oidc = (await resolveConfig(tenant({ issuer: { discoveryUrl: 'https://op.test' }, ...client }, 'sonarqube'))).tenants[0]!.oidc!;
    expect(oidc).toMatchObject({
      scopes: ['openid', 'profile', 'email', 'groups'],
      autoProvisioningEnabled: true,
      groupSync: { enabled: true, missingGroups: 'ignore', preservedGroups: ['Members'] },
    });
  });

  it('leaves a tenant without an oidc section without OIDC', async () => {
    const config = await resolveConfig({ baseUrl: 'http://sp.test', tenants: [{ id: 'acme', saml: unusedSaml() }] });
    expect(config.tenants[0]!.oidc).toBeUndefined();
  });

  it.each([
    [{ issuer: { issuer: 'https://op.test' }, ...client }, 'tenants[0].oidc.issuer.tokenEndpoint is required without tenants[0].oidc.issuer.discoveryUrl'],
    [{ issuer: { discoveryUrl: 'https://op.test' }, clientId: 'c' }, 'tenants[0].oidc.clientSecret is required'],
    [{ issuer: { discoveryUrl: 'https://op.test' }, ...client, allowedSigningAlgorithms: ['HS256'] }, 'tenants[0].oidc.allowedSigningAlgorithms[0] must be one of'],
    [{ issuer: { discoveryUrl: 'https://op.test' }, ...client, scopes: ['profile'] }, 'tenants[0].oidc.scopes must include openid'],
    [{ issuer: { discoveryUrl: 'ftp://op.test' }, ...client }, 'tenants[0].oidc.issuer.discoveryUrl must be an http(s) URL'],
    [{ issuer: { discoveryUrl: 'https://op.test' }, ...client, tokenEndpointAuthMethod: 'private_key_jwt' }, 'tenants[0].oidc.tokenEndpointAuthMethod must be one of'],
  ])('names the exact path of a problem (%#)', async (oidc, expected) => {
    expect((await problems(tenant(oidc))).some((p) => p.startsWith(expected))).toBe(true);
  });
});
