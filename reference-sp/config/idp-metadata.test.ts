import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MD_IDP_ENTITY_ID, metadataDoc, signMetadata } from '../saml/metadata-trust/test-support.ts';
import { TestClock, attackerKeys, testIdpKeys } from '../saml/test-support/fixture.ts';
import { certBody } from '../saml/xml.ts';
import { samlDefaults } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { parseIdpMetadata } from './idp-metadata.ts';
import { resolveConfig } from './resolve.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const algorithms = { allowedSignatureAlgorithms: samlDefaults.allowedSignatureAlgorithms, allowedDigestAlgorithms: samlDefaults.allowedDigestAlgorithms };
const now = new Date('2026-01-01T00:00:00Z');

describe("Entra's federation metadata (fixtures/entra-federationmetadata.xml)", () => {
  const xml = fixture('entra-federationmetadata.xml');
  const parsed = parseIdpMetadata(xml);
  const certificates = parsed.ok ? parsed.value.signingCertificates : [];

  it('imports the IDPSSODescriptor past the WS-Federation RoleDescriptors: entity ID, SSO URL, both signing certificates', () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.entityId).toBe('https://sts.windows.net/8d3e6f5a-2b1c-4e7d-9a0f-6c5b4a3d2e1f/');
    expect(parsed.value.ssoUrl).toBe('https://login.microsoftonline.com/8d3e6f5a-2b1c-4e7d-9a0f-6c5b4a3d2e1f/saml2');
    expect(certificates).toHaveLength(2);
  });

  it('verifies its signature against the certificate that signed it, and refuses it against the other one', () => {
    expect(parseIdpMetadata(xml, { signingCertificate: certificates[0]!, algorithms, now }).ok).toBe(true);
    const wrong = parseIdpMetadata(xml, { signingCertificate: certificates[1]!, algorithms, now });
    expect(wrong.ok ? 'accepted' : wrong.code).toBe('metadata/signature-invalid');
  });
});

describe("Okta's app metadata (fixtures/okta-metadata.xml)", () => {
  it('imports one signing certificate and prefers the HTTP-Redirect SingleSignOnService', () => {
    const parsed = parseIdpMetadata(fixture('okta-metadata.xml'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.entityId).toBe('http://www.okta.com/exk1q2w3e4r5t6y7u8i9');
    expect(parsed.value.ssoUrl).toBe('https://dev-41270735.okta.com/app/dev-41270735_sonarqube_1/exk1q2w3e4r5t6y7u8i9/sso/saml');
    expect(parsed.value.signingCertificates).toHaveLength(1);
  });

  it('is refused when the tenant requires signed metadata (Okta does not sign it): metadata/signature-missing', () => {
    const parsed = parseIdpMetadata(fixture('okta-metadata.xml'), { signingCertificate: testIdpKeys().certificatePem, algorithms, now });
    expect(parsed.ok ? 'accepted' : parsed.code).toBe('metadata/signature-missing');
  });
});

describe('parseIdpMetadata with key rollover', () => {
  it('trusts every signing KeyDescriptor of the IDPSSODescriptor (use="signing" or no use)', () => {
    const xml = metadataDoc({ certificates: [testIdpKeys().certificatePem, attackerKeys().certificatePem] }).replace('<md:KeyDescriptor use="signing">', '<md:KeyDescriptor>');
    const parsed = parseIdpMetadata(xml);
    expect(parsed.ok && parsed.value.signingCertificates).toEqual([certBody(testIdpKeys().certificatePem), certBody(attackerKeys().certificatePem)]);
  });
});

async function problemsOf(idp: Record<string, unknown>, clock = new TestClock(now)): Promise<readonly string[]> {
  const error = await resolveConfig({ baseUrl: 'http://sp.test', tenants: [{ id: 'acme', saml: { idp } }] }, { clock }).catch((e: unknown) => e);
  if (!(error instanceof ConfigError)) throw new Error('the configuration was accepted');
  return error.problems;
}

describe('start-up: the metadata lifecycle rules name the config path and the code', () => {
  const path = 'tenants[0].saml.idp';

  it('refuses expired metadata (metadata/expired), by the injected clock', async () => {
    const xml = metadataDoc({ certificates: [testIdpKeys().certificatePem], validUntil: '2025-12-31T23:59:59Z' });
    const problems = await problemsOf({ metadataXml: xml });
    expect(problems.some((p) => p.startsWith(`${path}.metadataXml `) && p.includes('(metadata/expired'))).toBe(true);
    const accepted = await resolveConfig(
      { baseUrl: 'http://sp.test', tenants: [{ id: 'acme', saml: { idp: { metadataXml: xml } } }] },
      { clock: new TestClock(new Date('2025-12-01T00:00:00Z')) },
    );
    expect(accepted.tenants[0]!.saml.idp.validUntil).toBe('2025-12-31T23:59:59.000Z');
  });

  it('refuses unsigned metadata when a metadata signing certificate is configured (metadata/signature-missing)', async () => {
    const problems = await problemsOf({ metadataXml: metadataDoc({ certificates: [testIdpKeys().certificatePem] }), metadataSigningCertificate: testIdpKeys().certificatePem });
    expect(problems.some((p) => p.startsWith(`${path}.metadataXml `) && p.includes('(metadata/signature-missing'))).toBe(true);
  });

  it('refuses metadata signed by another key (metadata/signature-invalid) and keeps a signed one with its validity', async () => {
    const doc = metadataDoc({ certificates: [testIdpKeys().certificatePem], cacheDuration: 'PT2H' });
    const problems = await problemsOf({ metadataXml: signMetadata(doc, attackerKeys().privateKeyPem), metadataSigningCertificate: testIdpKeys().certificatePem });
    expect(problems.some((p) => p.includes('(metadata/signature-invalid'))).toBe(true);
    const config = await resolveConfig(
      {
        baseUrl: 'http://sp.test',
        tenants: [{ id: 'acme', saml: { idp: { metadataXml: signMetadata(doc, testIdpKeys().privateKeyPem), metadataSigningCertificate: testIdpKeys().certificatePem } } }],
      },
      { clock: new TestClock(now) },
    );
    expect(config.tenants[0]!.saml.idp).toMatchObject({ entityId: MD_IDP_ENTITY_ID, cacheDurationSeconds: 7200 });
  });

  it('refuses a metadataSigningCertificate that is not a certificate, or that has no metadata to verify', async () => {
    expect(await problemsOf({ metadataXml: metadataDoc({ certificates: [testIdpKeys().certificatePem] }), metadataSigningCertificate: 'not a certificate' })).toEqual([
      expect.stringMatching(/^tenants\[0\]\.saml\.idp\.metadataSigningCertificate is not a valid X\.509 certificate/),
    ]);
    const manual = { entityId: MD_IDP_ENTITY_ID, ssoUrl: 'https://idp.example.test/sso', signingCertificates: [testIdpKeys().certificatePem] };
    expect(await problemsOf({ ...manual, metadataSigningCertificate: testIdpKeys().certificatePem })).toEqual([
      expect.stringMatching(/^tenants\[0\]\.saml\.idp\.metadataSigningCertificate applies only when importing metadata/),
    ]);
    expect(await problemsOf({ ...manual, metadataSigningCertificate: '' })).toEqual(['tenants[0].saml.idp.metadataSigningCertificate must be a certificate (PEM or base64)']);
  });
});
