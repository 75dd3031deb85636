import { describe, expect, it } from 'vitest';
import { acsBindingOf, chooseAcs, resolveSpRegistration } from './sp-registration.ts';
import { SpRegistry } from './sp-registry.ts';
import { generatedKeyPair } from '../keys/key-store.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };

describe('resolveSpRegistration', () => {
  it('fills defaults and makes the single ACS the default one', () => {
    const sp = resolveSpRegistration({ entityId: 'urn:sp', acs: 'https://sp.test/acs' });
    expect(sp).toMatchObject({ preset: 'entra', signing: 'both', signatureAlgorithm: 'sha256', authnRequestsSigned: false });
    expect(sp.acs).toEqual([{ url: 'https://sp.test/acs', index: 0, isDefault: true }]);
    expect(Object.isFrozen(sp)).toBe(true);
  });

  it('collects every problem, each with its path', () => {
    try {
      resolveSpRegistration({
        entityId: '',
        acs: [
          { url: 'ftp://x', index: 1 },
          { url: 'https://ok', index: 1, isDefault: true },
        ],
        preset: 'auth0' as never,
        authnRequestsSigned: true,
        attributes: [{ name: 'email' }],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'sp/invalid-registration' });
      const msg = (e as Error).message;
      for (const part of ['sp.entityId', 'sp.acs[0].url', 'sp.acs indexes', 'sp.preset', 'sp.signingCertPem is required', 'sp.attributes[0] needs exactly one']) {
        expect(msg).toContain(part);
      }
    }
  });

  it('chooses the requested ACS only when registered, else the default', () => {
    const sp = resolveSpRegistration({
      entityId: 'urn:sp',
      acs: [
        { url: 'https://a/acs', index: 0 },
        { url: 'https://b/acs', index: 5, isDefault: true },
      ],
    });
    expect(chooseAcs(sp, {})?.url).toBe('https://b/acs');
    expect(chooseAcs(sp, { url: 'https://a/acs' })?.index).toBe(0);
    expect(chooseAcs(sp, { index: 5 })?.url).toBe('https://b/acs');
    expect(chooseAcs(sp, { url: 'https://evil/acs' })).toBeUndefined();
    expect(chooseAcs(sp, { index: 3 })).toBeUndefined();
  });

  it('chooses only an ACS registered for the binding the request asks for (saml-core §3.4.1 ProtocolBinding)', () => {
    const sp = resolveSpRegistration({
      entityId: 'urn:sp',
      acs: [
        { url: 'https://a/acs', index: 0 },
        { url: 'https://b/acs', index: 1, binding: 'artifact' },
      ],
    });
    expect(acsBindingOf('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact')).toBe('artifact');
    expect(acsBindingOf('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST')).toBe('post');
    expect(acsBindingOf(undefined)).toBeUndefined();
    expect(chooseAcs(sp, { binding: 'artifact' })?.url).toBe('https://b/acs');
    expect(chooseAcs(sp, { binding: 'post' })?.url).toBe('https://a/acs');
    expect(chooseAcs(sp, { url: 'https://b/acs', binding: 'post' })).toBeUndefined();
    expect(chooseAcs(sp, { index: 0, binding: 'artifact' })).toBeUndefined();
  });

  it('delivers artifacts by form unless registered for redirect, and refuses any other choice', () => {
    expect(resolveSpRegistration({ entityId: 'urn:sp', acs: 'https://a/acs' }).artifactDelivery).toBe('post');
    expect(resolveSpRegistration({ entityId: 'urn:sp', acs: 'https://a/acs', artifactDelivery: 'redirect' }).artifactDelivery).toBe('redirect');
    expect(() => resolveSpRegistration({ entityId: 'urn:sp', acs: 'https://a/acs', artifactDelivery: 'soap' as never })).toThrow(/artifactDelivery/);
  });
});

describe('SpRegistry from metadata', () => {
  const signing = generatedKeyPair('test-sp-md-signing', clock);
  const encryption = generatedKeyPair('test-sp-md-encryption', clock);
  const body = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');
  const metadata = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://app.example.test/saml">
  <md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body(signing.certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body(encryption.certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://app.example.test/acs" index="0"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://app.example.test/ignored" index="1"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://app.example.test/acs2" index="2" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;

  it('reads entity ID, flags, both certificates, POST ACS endpoints and NameID format; overrides win', async () => {
    const sp = await new SpRegistry().registerFromMetadata({ xml: metadata }, { preset: 'okta' });
    expect(sp.entityId).toBe('https://app.example.test/saml');
    expect(sp.authnRequestsSigned).toBe(true);
    expect(sp.wantAssertionsSigned).toBe(true);
    expect(body(sp.signingCertPem!)).toBe(body(signing.certificatePem));
    expect(body(sp.encryptionCertPem!)).toBe(body(encryption.certificatePem));
    expect(sp.acs.map((a) => [a.url, a.index, a.isDefault])).toEqual([
      ['https://app.example.test/acs', 0, false],
      ['https://app.example.test/acs2', 2, true],
    ]);
    expect(sp.nameIdFormat).toBe('persistent');
    expect(sp.preset).toBe('okta');
  });

  it.each([
    ['not XML', '<md:EntityDescriptor'],
    ['no EntityDescriptor', '<x/>'],
    ['no SPSSODescriptor', '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="e"/>'],
  ])('%s → sp/bad-metadata', async (_n, xml) => {
    await expect(new SpRegistry().registerFromMetadata({ xml })).rejects.toMatchObject({ code: 'sp/bad-metadata' });
  });

  it('a file that cannot be read → sp/metadata-fetch-failed', async () => {
    await expect(new SpRegistry().registerFromMetadata({ file: '/nonexistent/md.xml' })).rejects.toMatchObject({
      code: 'sp/metadata-fetch-failed',
    });
  });
});
