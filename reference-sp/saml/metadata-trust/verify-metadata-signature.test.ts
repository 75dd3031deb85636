import { describe, expect, it } from 'vitest';
import { samlDefaults } from '../../config/defaults.ts';
import { attackerKeys, testIdpKeys } from '../test-support/fixture.ts';
import { NS, attr, children, parseXml } from '../xml.ts';
import { MetadataTrustError, type MetadataTrustCode } from './errors.ts';
import { metadataDoc, signMetadata } from './test-support.ts';
import { type MetadataAlgorithms, verifyMetadataSignature } from './verify-metadata-signature.ts';

const algorithms: MetadataAlgorithms = { allowedSignatureAlgorithms: samlDefaults.allowedSignatureAlgorithms, allowedDigestAlgorithms: samlDefaults.allowedDigestAlgorithms };
const doc = () => metadataDoc({ certificates: [testIdpKeys().certificatePem], validUntil: '2026-02-01T00:00:00Z' });
const rootOf = (xml: string) => parseXml(xml).documentElement as Element;

function codeOf(xml: string, cert = testIdpKeys().certificatePem, algs = algorithms): MetadataTrustCode | 'verified' {
  try {
    verifyMetadataSignature(rootOf(xml), cert, algs);
    return 'verified';
  } catch (e) {
    if (e instanceof MetadataTrustError) return e.code;
    throw e;
  }
}

describe('verifyMetadataSignature (saml-metadata §3)', () => {
  it('returns the root the signature covered when the configured certificate signed it', () => {
    const root = verifyMetadataSignature(rootOf(signMetadata(doc(), testIdpKeys().privateKeyPem)), testIdpKeys().certificatePem, algorithms);
    expect(attr(root, 'entityID')).toBe('https://idp.example.test/metadata');
    expect(children(root, NS.md, 'IDPSSODescriptor')).toHaveLength(1);
  });

  it('verifies a signed EntitiesDescriptor root too', () => {
    const xml = metadataDoc({ certificates: [testIdpKeys().certificatePem], enclosing: { validUntil: '2026-02-01T00:00:00Z' } });
    expect(codeOf(signMetadata(xml, testIdpKeys().privateKeyPem))).toBe('verified');
  });

  it.each<[string, () => string, MetadataTrustCode]>([
    ['unsigned', () => doc(), 'metadata/signature-missing'],
    ['signed by another key', () => signMetadata(doc(), attackerKeys().privateKeyPem), 'metadata/signature-invalid'],
    [
      'signed by another key that carries its own certificate in KeyInfo',
      () => signMetadata(doc(), attackerKeys().privateKeyPem, attackerKeys().certificatePem),
      'metadata/signature-invalid',
    ],
    [
      'changed after signing (a new SSO URL)',
      () => signMetadata(doc(), testIdpKeys().privateKeyPem).replace('https://idp.example.test/sso', 'https://evil.example.test/sso'),
      'metadata/signature-invalid',
    ],
    ['changed after signing (validUntil pushed out)', () => signMetadata(doc(), testIdpKeys().privateKeyPem).replace('2026-02-01', '2036-02-01'), 'metadata/signature-invalid'],
    [
      'a signed EntityDescriptor wrapped in an unsigned EntitiesDescriptor',
      () => `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${signMetadata(doc(), testIdpKeys().privateKeyPem)}</md:EntitiesDescriptor>`,
      'metadata/signature-missing',
    ],
    [
      'signed, then a second IDPSSODescriptor added beside the signed one',
      () =>
        signMetadata(doc(), testIdpKeys().privateKeyPem).replace(
          '</md:EntityDescriptor>',
          '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>',
        ),
      'metadata/signature-invalid',
    ],
  ])('refuses metadata %s', (_name, xml, code) => {
    expect(codeOf(xml())).toBe(code);
  });

  it('reads back a genuine document whose canonical form declares more namespaces than the parser allows a message', () => {
    // 300 KeyInfos: the exclusive canonical form re-declares ds: on each, past XML_LIMITS.maxNamespaceDeclarations.
    const xml = signMetadata(metadataDoc({ certificates: Array(300).fill(testIdpKeys().certificatePem) }), testIdpKeys().privateKeyPem);
    expect(codeOf(xml)).toBe('verified');
  });

  it('refuses a signature algorithm the tenant does not allow (metadata/signature-invalid)', () => {
    const xml = signMetadata(doc(), testIdpKeys().privateKeyPem);
    expect(codeOf(xml, testIdpKeys().certificatePem, { ...algorithms, allowedSignatureAlgorithms: ['rsa-sha512'] })).toBe('metadata/signature-invalid');
  });
});
