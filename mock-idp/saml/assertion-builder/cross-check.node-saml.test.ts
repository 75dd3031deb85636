/*
 * Independent cross-check (issue §5): every signing placement × algorithm and every encryption variant the
 * builder mints is fed to @node-saml/node-saml acting as the SP. A response it accepts proves our XML is what
 * a third-party SAML stack expects; the negative deviations must be refused by it too.
 *
 * node-saml reads the system clock, so Date is frozen at the instant our injected clock reads.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { createDecipheriv } from 'node:crypto';
import forge from 'node-forge';
import { generatedKeyPair, loadIdpKeys } from '../keys/key-store.ts';
import { responseBuilder, type SignaturePlacement } from './builder.ts';
import { XSW_KINDS } from './wrap-signature.ts';
import type { DataAlgorithmName, KeyAlgorithmName } from '../encrypt/encrypt-assertion.ts';
import type { SignatureAlgorithmName } from '../namespaces.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const clock = { now: () => NOW };
const keys = loadIdpKeys({ clock });
const spEncryption = generatedKeyPair('test-sp-encryption', clock);
const SP = 'https://sp.example.test/saml/metadata';
const ACS = 'https://sp.example.test/saml/acs';
const IDP = 'https://idp.example.test/metadata';

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());

function sp(overrides: Partial<ConstructorParameters<typeof SAML>[0]> = {}): SAML {
  return new SAML({
    idpCert: keys.signing.certificatePem,
    issuer: SP,
    audience: SP,
    callbackUrl: ACS,
    idpIssuer: IDP,
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: 0,
    ...overrides,
  });
}

const base = () =>
  responseBuilder({ clock, keys, issuer: IDP })
    .forSp(SP, ACS)
    .nameId('alice@example.com')
    .attribute('email', 'alice@example.com', { nameFormat: 'basic' })
    .attribute('groups', ['Engineering', 'Admins']);

const placements: Exclude<SignaturePlacement, 'none'>[] = ['response', 'assertion', 'both'];
const algorithms: SignatureAlgorithmName[] = ['sha1', 'sha256', 'sha512'];

describe('node-saml accepts every signing placement × algorithm', () => {
  for (const placement of placements) {
    for (const alg of algorithms) {
      it(`signed ${placement} with ${alg}`, async () => {
        const built = await base().signing(placement).signatureAlgorithm(alg).build();
        const { profile } = await sp({
          wantAuthnResponseSigned: placement !== 'assertion',
          wantAssertionsSigned: placement !== 'response',
        }).validatePostResponseAsync({ SAMLResponse: built.base64 });
        expect(profile?.nameID).toBe('alice@example.com');
        expect(profile?.['email']).toBe('alice@example.com');
        expect(profile?.['groups']).toEqual(['Engineering', 'Admins']);
      });
    }
  }
});

const dataAlgorithms: DataAlgorithmName[] = ['aes128-cbc', 'aes256-cbc', 'aes128-gcm', 'aes256-gcm'];
const keyAlgorithms: KeyAlgorithmName[] = ['rsa-oaep', 'rsa-1_5'];

describe('encryption variants', () => {
  for (const dataAlgorithm of dataAlgorithms) {
    for (const keyAlgorithm of keyAlgorithms) {
      // What node-saml 5.1 does (found by running it, not assumed): it decrypts through its own bundled
      // xml-encryption 3.1, which treats only RSA 1.5 / 3DES as insecure and refuses them only when asked, so
      // AES-CBC and AES-GCM data with RSA-OAEP all decrypt. RSA PKCS#1 v1.5 key transport fails one layer lower:
      // Node 20.x refuses RSA_PKCS1_PADDING for private decryption (Marvin attack mitigation, CVE-2023-46809)
      // unless started with --security-revert. So node-saml accepts the 4 OAEP variants and refuses the 4 RSA 1.5
      // ones; for those we prove our XML is right by unwrapping the key with node-forge's PKCS#1 v1.5 and
      // decrypting the content ourselves.
      const nodeSamlAccepts = keyAlgorithm === 'rsa-oaep';
      it(`${dataAlgorithm} + ${keyAlgorithm}: node-saml ${nodeSamlAccepts ? 'accepts' : 'refuses (Node refuses RSA 1.5)'}`, async () => {
        const built = await base().signResponseOnly().encryptTo(spEncryption.certificatePem, { dataAlgorithm, keyAlgorithm }).build();
        expect(built.xml).toContain('EncryptedAssertion');
        expect(built.xml).not.toContain('alice@example.com');
        const validation = sp({ wantAuthnResponseSigned: true, decryptionPvk: spEncryption.privateKeyPem }).validatePostResponseAsync({ SAMLResponse: built.base64 });
        if (nodeSamlAccepts) {
          const { profile } = await validation;
          expect(profile?.nameID).toBe('alice@example.com');
          expect(profile?.['groups']).toEqual(['Engineering', 'Admins']);
        } else {
          await expect(validation).rejects.toThrow(/RSA_PKCS1_PADDING/);
          expect(decryptWithForge(built.xml, spEncryption.privateKeyPem)).toMatch(/^<saml:Assertion[\s\S]*alice@example\.com[\s\S]*<\/saml:Assertion>$/);
        }
      });
    }
  }

  it('an encrypted assertion that is itself signed also validates (sign, then encrypt)', async () => {
    const built = await base().signAssertionOnly().encryptTo(spEncryption.certificatePem).build();
    const { profile } = await sp({ wantAssertionsSigned: true, decryptionPvk: spEncryption.privateKeyPem }).validatePostResponseAsync({ SAMLResponse: built.base64 });
    expect(profile?.nameID).toBe('alice@example.com');
  });
});

describe('node-saml refuses the negative deviations', () => {
  const refusals: [string, () => ReturnType<typeof base>, RegExp][] = [
    ['signWithRogueKey', () => base().signWithRogueKey(), /signature/i],
    ['tamperAfterSigning (both signed)', () => base().tamperAfterSigning(), /signature/i],
    ['tamperAfterSigning (assertion signed)', () => base().signAssertionOnly().tamperAfterSigning(), /signature/i],
    ['omitSignature', () => base().omitSignature(), /signature/i],
    ['audience mismatch', () => base().audience('https://other-sp.example.test'), /audience/i],
    ['expiredBy 10m', () => base().expiredBy('10m'), /expired|NotOnOrAfter/i],
    ['notYetValidFor 5m', () => base().notYetValidFor('5m'), /not yet valid|NotBefore/i],
    ['withDoctype (XXE probe)', () => base().withDoctype(), /./],
    ['duplicateAssertion', () => base().signAssertionOnly().duplicateAssertion(), /./],
    ['XSW1', () => base().signResponseOnly().wrapSignature('XSW1'), /./],
    ['XSW2', () => base().signResponseOnly().wrapSignature('XSW2'), /./],
    ...XSW_KINDS.filter((k) => !['XSW1', 'XSW2'].includes(k)).map(
      (k) => [k, () => base().signAssertionOnly().wrapSignature(k), /./] as [string, () => ReturnType<typeof base>, RegExp],
    ),
  ];
  for (const [name, make, reason] of refusals) {
    it(name, async () => {
      const built = await make().build();
      await expect(
        sp({ wantAuthnResponseSigned: false, wantAssertionsSigned: true }).validatePostResponseAsync({
          SAMLResponse: built.base64,
        }),
      ).rejects.toThrow(reason);
    });
  }

  it('does NOT check the Issuer (idpIssuer is only used for requests): the SP has to, so we expose it', async () => {
    const built = await base().issuer('https://evil-idp.example.test').build();
    const { profile } = await sp({ wantAssertionsSigned: true }).validatePostResponseAsync({ SAMLResponse: built.base64 });
    expect(profile?.issuer).toBe('https://evil-idp.example.test');
  });

  it('the wrapped responses really carry the attacker NameID where a naive SP would read it', async () => {
    const built = await base().signAssertionOnly().wrapSignature('XSW3').build();
    const first = /<saml:NameID[^>]*>([^<]*)</.exec(built.xml)![1];
    expect(first).toBe('attacker@evil.example');
  });
});

/** RSA PKCS#1 v1.5 key unwrap with node-forge (Node refuses it), then AES-CBC/GCM content decryption. */
function decryptWithForge(xml: string, privateKeyPem: string): string {
  const cipherValues = [...xml.matchAll(/<(?:xenc|e):CipherValue>([^<]+)</g)].map((m) => m[1]!);
  const [wrappedKey, content] = [cipherValues[0]!, cipherValues[1]!];
  const dataAlg = /<xenc:EncryptionMethod Algorithm="[^"]*#(aes\d+-(?:cbc|gcm))"/.exec(xml)![1]!;
  const key = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const symmetricKey = Buffer.from(key.decrypt(forge.util.decode64(wrappedKey), 'RSAES-PKCS1-V1_5'), 'binary');
  const data = Buffer.from(content, 'base64');
  const [bits, mode] = dataAlg.replace('aes', '').split('-') as [string, 'cbc' | 'gcm'];
  if (mode === 'cbc') {
    const decipher = createDecipheriv(`aes-${bits}-cbc`, symmetricKey, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
  }
  const decipher = createDecipheriv(`aes-${bits}-gcm` as 'aes-128-gcm', symmetricKey, data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString('utf8');
}
