/*
 * OpenID Connect-only tenants (./oidc-only.ts): valid without a saml section, resolved with a SAML section that
 * trusts no IdP and marked oidcOnly; a tenant with neither section is refused naming both paths; a tenant with
 * both (and every SAML tenant) is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { problems } from './test-support/problems.ts';
import { unusedSaml } from '../oidc/test-support/rp.ts';
import { resolveConfig } from './index.ts';
import { hasSaml } from './oidc-only.ts';

const oidc = { issuer: { discoveryUrl: 'https://op.test' }, clientId: 'c', clientSecret: 's' };

describe('an OpenID Connect-only tenant', () => {
  it('is valid without a saml section: oidcOnly, its SAML section trusts no IdP, its profile defaults kept', async () => {
    const config = await resolveConfig({ baseUrl: 'http://sp.test', tenants: [{ id: 'sonar', profile: 'sonarqube', oidc }] });
    const t = config.tenants[0]!;
    expect(t.oidcOnly).toBe(true);
    expect(hasSaml(t)).toBe(false);
    expect(t.saml.idp).toMatchObject({ entityId: '', ssoUrl: '', signingCertificates: [] });
    expect(t.oidc?.redirectUri).toBe('http://sp.test/oidc/sonar/callback');
    expect(t.saml.autoProvisioningEnabled).toBe(true); // the sonarqube profile's
  });

  it('a tenant with both sections, or SAML only, signs in over SAML', async () => {
    const config = await resolveConfig({
      baseUrl: 'http://sp.test',
      tenants: [
        { id: 'both', saml: unusedSaml(), oidc },
        { id: 'saml', saml: unusedSaml() },
      ],
    });
    expect(config.tenants.map((t) => [t.oidcOnly, hasSaml(t)])).toEqual([
      [undefined, true],
      [undefined, true],
    ]);
  });

  it('a tenant with neither section is refused, naming the path', async () => {
    expect(await problems({ baseUrl: 'http://sp.test', tenants: [{ id: 'sonar', oidc }, { id: 'none' }] })).toContain(
      'tenants[1].saml is required (or tenants[1].oidc, for a tenant that signs in with OpenID Connect only)',
    );
  });

  it("an OIDC-only tenant's oidc problems still name their exact path", async () => {
    expect(await problems({ baseUrl: 'http://sp.test', tenants: [{ id: 'sonar', oidc: { ...oidc, clientId: '' } }] })).toEqual([
      expect.stringMatching(/^tenants\[0\]\.oidc\.clientId /),
    ]);
  });
});
