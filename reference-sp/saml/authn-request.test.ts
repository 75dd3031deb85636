/* The AuthnRequest the SP sends (./authn-request.ts): ForceAuthn only when the tenant asks for it (saml-core §3.4.1). */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/errors.ts';
import { authnRequestXml } from './authn-request.ts';
import { tenantConfig } from './test-support/fixture.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('authnRequestXml', () => {
  it('leaves ForceAuthn out by default, so the IdP may reuse its session', async () => {
    const { tenants } = await tenantConfig();
    expect(tenants[0]!.saml.forceAuthn).toBe(false);
    expect(authnRequestXml(tenants[0]!, '_r1', NOW)).not.toContain('ForceAuthn');
  });

  it('sends ForceAuthn="true" when the tenant sets forceAuthn', async () => {
    const { tenants } = await tenantConfig({ forceAuthn: true });
    expect(authnRequestXml(tenants[0]!, '_r1', NOW)).toMatch(/<samlp:AuthnRequest [^>]* ForceAuthn="true"/);
  });

  it('refuses a forceAuthn that is not a boolean, naming its path', async () => {
    const refused = await tenantConfig({ forceAuthn: 'yes' as never }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems.some((p) => p.startsWith('tenants[0].saml.forceAuthn '))).toBe(true);
  });
});
