/*
 * The template signer (./template-signer.ts, ./exc-c14n.ts) against xml-crypto and xmlsec1: for every preset,
 * every signing placement and algorithm, awkward attribute values and every deviation of the builder, the
 * Response built with the template signer is the same bytes as the one xml-crypto signs (same IDs and clock; RSA
 * PKCS#1 v1.5 is deterministic, so the SignatureValues match too), and xmlsec1 verifies each signature.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyDeviation, parseDeviations, type DeviationInput } from '../../server/deviations.ts';
import { responseBuilder, type ResponseBuilder } from '../assertion-builder/builder.ts';
import { loadIdpKeys } from '../keys/key-store.ts';
import { PRESETS, PRESET_NAMES } from '../presets/presets.ts';
import type { DirectoryUser } from '../presets/directory-user.ts';
import type { SignatureAlgorithmName } from '../namespaces.ts';
import { parseXml, serialize } from '../xml.ts';
import { signElement } from './sign-element.ts';

vi.mock('./sign-element.ts', async (actual) => {
  const m = await actual<typeof import('./sign-element.ts')>();
  return { ...m, signElement: vi.fn(m.signElement) };
});

const clock = { now: () => new Date('2026-01-01T10:00:00Z') };
const keys = loadIdpKeys({ clock });
const alice: DirectoryUser = {
  id: '7f3c0000-0000-4000-8000-00000000a11c',
  email: 'alice@example.com',
  givenName: 'Alice',
  surname: 'O\'Brien & "Sons" <Ltd>',
  displayName: 'Zoë Ünïcode 🙂',
  login: 'alice@contoso.example',
  groups: ['admins', 'a>b', ''],
};

/** The Response from both signers, built with the same IDs. */
async function bothWays(configure: (b: ResponseBuilder) => ResponseBuilder): Promise<{ template: string; xmlCrypto: string }> {
  const build = (signer: 'template' | 'xml-crypto') => {
    let n = 0;
    const newId = () => `_id${++n}`;
    return configure(responseBuilder({ clock, keys, issuer: 'https://idp.test/metadata', signer, newId }).forSp('urn:sp', 'https://sp.test/acs')).build();
  };
  vi.mocked(signElement).mockClear();
  // Attacks add elements with random IDs of their own; those are the only bytes allowed to differ.
  const template = (await build('template')).xml.replace(RANDOM_ID, '_random');
  const xmlCrypto = (await build('xml-crypto')).xml.replace(RANDOM_ID, '_random');
  if (template === xmlCrypto) return { template, xmlCrypto };
  const at = [...template].findIndex((c, i) => c !== xmlCrypto[i]);
  return { template: template.slice(at - 80, at + 80), xmlCrypto: xmlCrypto.slice(at - 80, at + 80) };
}

const RANDOM_ID = /_[0-9a-f]{40}/g;
const xmlCryptoCalls = () => vi.mocked(signElement).mock.calls.length;

describe('template signer = xml-crypto, byte for byte', () => {
  beforeEach(() => {
    vi.mocked(signElement).mockClear();
  });

  it.each(PRESET_NAMES)('preset %s, Response and Assertion signed, without calling xml-crypto', async (name) => {
    const preset = PRESETS[name];
    const out = await bothWays((b) =>
      b
        .nameId(preset.nameId.from === 'login' ? alice.login : alice.email, preset.nameId.format)
        .attributes(preset.attributes(alice))
        .inResponseTo('_request-1'),
    );
    expect(out.template).toBe(out.xmlCrypto);
    expect(out.template).toContain('<ds:SignatureValue>');
  });

  it('took the template path for those (xml-crypto signed only the reference build)', async () => {
    let n = 0;
    await responseBuilder({ clock, keys, issuer: 'https://idp.test', newId: () => `_x${++n}` })
      .forSp('urn:sp', 'https://sp.test/acs')
      .nameId('a@example.com')
      .attributes(PRESETS.entra.attributes(alice))
      .build();
    expect(xmlCryptoCalls()).toBe(0);
  });

  it.each([
    ['response', 'sha256'],
    ['assertion', 'sha256'],
    ['both', 'sha1'],
    ['both', 'sha512'],
    ['none', 'sha256'],
  ] as const)('placement %s with %s', async (placement, algorithm: SignatureAlgorithmName) => {
    const out = await bothWays((b) => b.nameId('bob@example.com').signing(placement).signatureAlgorithm(algorithm).attribute('email', 'bob@example.com'));
    expect(out.template).toBe(out.xmlCrypto);
  });

  it.each([
    ['quotes, ampersands and angle brackets', [`'"&<>`, 'a]]>b'], 0],
    ['non-ASCII and an astral character', ['Zoë', '🙂', '中文'], 0],
    ['an empty value and no value at all', [''], 0],
    // A parser normalises these before canonicalising: the template signer leaves them to xml-crypto.
    ['a line feed', ['line 1\nline 2'], 2],
    ['a tab and a carriage return', ['a\tb\r\nc'], 2],
  ] as const)('attribute values with %s', async (_, values, xmlCryptoSignatures) => {
    const out = await bothWays((b) =>
      b
        .nameId(`x'y"&<z>@example.com`)
        .attribute('v', [...values], { nameFormat: 'uri', friendlyName: `f"'<>&` })
        .attribute('none', []),
    );
    expect(out.template).toBe(out.xmlCrypto);
    // Two signatures in each build: the reference build always goes through xml-crypto.
    expect(xmlCryptoCalls()).toBe(xmlCryptoSignatures + 2);
  });

  const deviations: DeviationInput[] = [
    'signResponseOnly',
    'signAssertionOnly',
    'omitSignature',
    'signWithRogueKey',
    { method: 'audience', args: ['urn:other'] },
    { method: 'recipient', args: ['https://other.test/acs'] },
    { method: 'destination', args: ['https://other.test/acs'] },
    { method: 'issuer', args: ['https://evil.test'] },
    { method: 'inResponseTo', args: ['_req'] },
    'unsolicited',
    { method: 'expiredBy', args: ['10m'] },
    { method: 'notYetValidFor', args: ['5m'] },
    { method: 'validFor', args: ['1h'] },
    { method: 'nameId', args: ['persistent-1', 'persistent'] },
    { method: 'attribute', args: ['groups', ['a', 'b'], { nameFormat: 'basic' }] },
    { method: 'withoutAttribute', args: ['email'] },
    { method: 'authnContextClassRef', args: ['urn:oasis:names:tc:SAML:2.0:ac:classes:X509'] },
    ...(['XSW1', 'XSW2', 'XSW3', 'XSW4', 'XSW5', 'XSW6', 'XSW7', 'XSW8'] as const).map((k) => ({ method: 'wrapSignature', args: [k] })),
    'tamperAfterSigning',
    'duplicateAssertion',
    'withDoctype',
    'emptySignatureValue',
    'rogueCertificateInKeyInfo',
    'hmacWithPublicCertificate',
    'assertionInExtensions',
    'assertionInAdvice',
    'assertionInSignatureObject',
    'duplicateId',
    'namespacePrefixConfusion',
    'xsltTransform',
    'xpathTransform',
    'withoutEnvelopedTransform',
    { method: 'nameIdCommentInjection', args: ['victim@example.com'] },
    { method: 'nameIdCdataInjection', args: ['victim@example.com'] },
    { method: 'externalEntity', args: ['http://127.0.0.1:9/x'] },
    'entityExpansion',
    { method: 'padTo', args: ['64k'] },
  ];
  it.each(deviations.map((d) => [typeof d === 'string' ? d : `${d.method}(${JSON.stringify(d.args)})`, d] as const))('deviation %s', async (_, input) => {
    const [deviation] = parseDeviations([input]);
    const out = await bothWays((b) => {
      const configured = b.nameId('alice@example.com').attribute('email', 'alice@example.com');
      applyDeviation(configured, deviation!, { previous: undefined });
      return configured;
    });
    expect(out.template).toBe(out.xmlCrypto);
  });
});

const xmlsec1 = spawnSync('xmlsec1', ['--version']).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'template-signer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!xmlsec1)('xmlsec1 (libxmlsec1/OpenSSL) verifies what the template signer signs', () => {
  const cert = join(scratch, 'idp.crt.pem');
  writeFileSync(cert, keys.signing.certificatePem);
  /** xmlsec1 checks the first Signature in the document, so the placement picks which one. */
  const verify = (xml: string) => {
    const file = join(scratch, 'response.xml');
    writeFileSync(file, xml);
    const ids = ['--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response', '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion'];
    return spawnSync('xmlsec1', ['--verify', ...ids, '--pubkey-cert-pem', cert, file], { encoding: 'utf8' }).status;
  };
  const build = (placement: 'response' | 'assertion' | 'both') =>
    responseBuilder({ clock, keys, issuer: 'https://idp.test' })
      .forSp('urn:sp', 'https://sp.test/acs')
      .nameId('alice@example.com')
      .attributes(PRESETS.entra.attributes(alice))
      .signing(placement)
      .build();

  it('an encrypted assertion inside a signed Response: xmldom form, verified, and xml-crypto not called', async () => {
    vi.mocked(signElement).mockClear();
    const sp = loadIdpKeys({ clock }).rogue;
    const built = await responseBuilder({ clock, keys, issuer: 'https://idp.test' })
      .forSp('urn:sp', 'https://sp.test/acs')
      .nameId('alice@example.com')
      .encryptTo(sp.certificatePem)
      .signResponseOnly()
      .build();
    expect(xmlCryptoCalls()).toBe(0);
    expect(built.xml).toContain('<saml:EncryptedAssertion');
    // What xml-crypto returned when it signed this Response: the document as xmldom serialises it.
    expect(serialize(parseXml(built.xml))).toBe(built.xml);
    expect(verify(built.xml)).toBe(0);
    expect(verify(built.xml.replace('urn:oasis:names:tc:SAML:2.0:status:Success', 'urn:oasis:names:tc:SAML:2.0:status:Requester'))).not.toBe(0);
  });

  it.each(['response', 'assertion', 'both'] as const)('signed %s: verified, and not once tampered', async (placement) => {
    vi.mocked(signElement).mockClear();
    const { xml } = await build(placement);
    expect(xmlCryptoCalls()).toBe(0);
    expect(verify(xml)).toBe(0);
    expect(verify(xml.replace('alice@example.com', 'mallory@example.com'))).not.toBe(0);
  });
});
