/* The AuthnRequest the SP sends (./authn-request.ts): ForceAuthn only when the tenant asks for it (saml-core §3.4.1). */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/errors.ts';
import { authnRequestXml } from './authn-request.ts';
import { IDP_ENTITY_ID, IDP_SSO_URL, tenantConfig, testIdpKeys } from './test-support/fixture.ts';

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

  it('asks for the Response by the binding the ACS receives it by: HTTP-POST, or HTTP-Artifact (saml-core §3.4.1)', async () => {
    const post = (await tenantConfig()).tenants[0]!;
    expect(authnRequestXml(post, '_r1', NOW)).toContain('ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"');
    const idp = { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem], artifactResolutionUrl: `${IDP_SSO_URL}/artifact` };
    const artifact = (await tenantConfig({ acsBinding: 'artifact', idp })).tenants[0]!;
    expect(authnRequestXml(artifact, '_r1', NOW)).toContain('ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"');
  });

  it('asks for the NameID in another namespace with SPNameQualifier only when the tenant names one (saml-core §3.4.1.1)', async () => {
    expect(authnRequestXml((await tenantConfig()).tenants[0]!, '_r1', NOW)).not.toContain('SPNameQualifier');
    const qualified = (await tenantConfig({ nameIdPolicy: { spNameQualifier: 'https://affiliation.example/"sps"' } })).tenants[0]!;
    expect(authnRequestXml(qualified, '_r1', NOW)).toContain('<samlp:NameIDPolicy SPNameQualifier="https://affiliation.example/&quot;sps&quot;" AllowCreate="true"/>');
    const refused = await tenantConfig({ nameIdPolicy: { spNameQualifier: '' } }).catch((e: unknown) => e);
    expect((refused as ConfigError).problems.some((p) => p.startsWith('tenants[0].saml.nameIdPolicy.spNameQualifier '))).toBe(true);
  });

  it('refuses a forceAuthn that is not a boolean, naming its path', async () => {
    const refused = await tenantConfig({ forceAuthn: 'yes' as never }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems.some((p) => p.startsWith('tenants[0].saml.forceAuthn '))).toBe(true);
  });
});

describe('AuthnRequest options (saml-core §3.4.1, §3.4.1.1, §3.3.2.2.1)', () => {
  it('sends IsPassive, the NameIDPolicy and the RequestedAuthnContext exactly as configured, in schema order', async () => {
    const { tenants } = await tenantConfig({
      isPassive: true,
      nameIdPolicy: { format: 'persistent', allowCreate: false },
      requestedAuthnContext: { comparison: 'minimum', classes: ['MobileTwoFactorContract', 'urn:example:ac:custom'] },
    });
    const xml = authnRequestXml(tenants[0]!, '_r1', NOW);
    expect(xml).toMatch(/<samlp:AuthnRequest [^>]* IsPassive="true"/);
    expect(xml).toContain(
      '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" AllowCreate="false"/>' +
        '<samlp:RequestedAuthnContext Comparison="minimum">' +
        '<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract</saml:AuthnContextClassRef>' +
        '<saml:AuthnContextClassRef>urn:example:ac:custom</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>',
    );
  });

  it('by default: no IsPassive, NameIDPolicy without Format and AllowCreate="true", no RequestedAuthnContext', async () => {
    const { tenants } = await tenantConfig();
    const xml = authnRequestXml(tenants[0]!, '_r1', NOW);
    expect(xml).not.toContain('IsPassive');
    expect(xml).toContain('<samlp:NameIDPolicy AllowCreate="true"/>');
    expect(xml).not.toContain('RequestedAuthnContext');
  });

  it.each([
    [{ authnRequestBinding: 'artifact' }, 'tenants[0].saml.authnRequestBinding '],
    [{ isPassive: 'yes' }, 'tenants[0].saml.isPassive '],
    [{ nameIdPolicy: { format: 'kerberos' } }, 'tenants[0].saml.nameIdPolicy.format '],
    [{ requestedAuthnContext: { comparison: 'best', classes: ['X509'] } }, 'tenants[0].saml.requestedAuthnContext.comparison '],
    [{ requestedAuthnContext: { classes: [] } }, 'tenants[0].saml.requestedAuthnContext.classes '],
    [{ requestedAuthnContext: { classes: ['Fingerprint'] } }, 'tenants[0].saml.requestedAuthnContext.classes[0] '],
  ])('refuses %j, naming its path', async (input, path) => {
    const refused = await tenantConfig(input as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems.some((p) => p.startsWith(path))).toBe(true);
  });
});
