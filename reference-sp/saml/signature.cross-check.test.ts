/*
 * Cross-check of ./signature.ts against two independent verifiers (issue 15). The SP verifies an enveloped
 * signature with xml-crypto's canonicalizers and algorithms but its own tree walks instead of xml-crypto's
 * checkSignature (see the file's opening comment for the measurement), so on every document here:
 * - xml-crypto's full checkSignature must give the same verdict, and on success the same verified bytes
 *   (getSignedReferences) the SP passes downstream;
 * - xmlsec1 (libxmlsec1 on OpenSSL, no code shared with xml-crypto) must give the same verdict. Skipped, with the
 *   reason, when the xmlsec1 binary is not installed (apt-get install xmlsec1).
 * The documents vary what the hand-written part decides: the ancestor namespaces of SignedInfo and of the
 * signed element, inclusive vs exclusive canonicalization, comments, the key, and every signed value.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { samlDefaults } from '../config/defaults.ts';
import { SamlRejection } from './rejection.ts';
import { verifyEnvelopedSignature } from './signature.ts';
import { responseXml, sign, type SignTarget } from './test-support/craft.ts';
import { attackerKeys, testIdpKeys } from './test-support/fixture.ts';
import { mintWithSamlify } from './test-support/samlify-idp.ts';
import { NS, child, children, parseXml } from './xml.ts';

type Target = 'Response' | 'Assertion';
const now = new Date('2026-01-01T00:00:00Z');
const base = { now, acsUrl: 'https://sp.test/acs', spEntityId: 'https://sp.test/metadata', idpEntityId: 'https://idp.test/metadata', nameId: 'alice@example.com.evil.test' };
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const INC = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const DS_DECL = ` xmlns:ds="${NS.ds}"`;

const XMLSEC1 = spawnSync('xmlsec1', ['--version']).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'sp-sig-xcheck-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function targetOf(xml: string, target: Target): Element {
  const root = parseXml(xml).documentElement!;
  return target === 'Response' ? root : child(root, NS.saml, 'Assertion')!;
}

/** The SP: the verified canonical XML, or false when it refuses with a SamlRejection. */
function sp(xml: string, target: Target, certificatePem: string): string | false {
  try {
    return verifyEnvelopedSignature(targetOf(xml, target), target, { ...samlDefaults, idp: { signingCertificates: [certificatePem] } })?.verifiedXml ?? false;
  } catch (e) {
    if (e instanceof SamlRejection) return false;
    throw e;
  }
}

/** xml-crypto's own checkSignature over the whole document, trusting only `certificatePem`. */
function xmlCrypto(xml: string, target: Target, certificatePem: string): string | false {
  const signature = children(targetOf(xml, target), NS.ds, 'Signature')[0]!;
  const sig = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  try {
    sig.loadSignature(signature);
    return sig.checkSignature(xml) ? (sig.getSignedReferences()[0] ?? false) : false;
  } catch {
    return false;
  }
}

function xmlsec1(xml: string, target: Target, certificatePem: string): boolean {
  const doc = join(scratch, 'signed.xml');
  const cert = join(scratch, 'signer.crt.pem');
  writeFileSync(doc, xml);
  writeFileSync(cert, certificatePem);
  const signature = target === 'Response' ? "/*/*[local-name()='Signature']" : "/*/*[local-name()='Assertion']/*[local-name()='Signature']";
  const args = ['--verify', '--id-attr:ID', `${NS.samlp}:Response`, '--id-attr:ID', `${NS.saml}:Assertion`, '--node-xpath', signature, '--pubkey-cert-pem', cert, doc];
  return spawnSync('xmlsec1', args).status === 0;
}

const idp = () => testIdpKeys();
const signed = (target: SignTarget, canonicalization = EXC, xml = responseXml(base)) => sign(xml, target, { privateKeyPem: idp().privateKeyPem, canonicalization });
/** A Response minted by samlify's IdP (another signer), Response and Assertion signed. */
const samlifyBoth = async () =>
  Buffer.from(
    await mintWithSamlify({
      idp: { entityId: base.idpEntityId, ssoUrl: 'https://idp.test/sso', keys: idp() },
      sp: { entityId: base.spEntityId, acsUrl: base.acsUrl },
      sign: 'both',
      now,
      nameId: 'alice@example.com',
    }),
    'base64',
  ).toString('utf8');
/** The Response signed with exactly these Reference transforms (xml-crypto digests it before the Signature is in). */
function signedWithTransforms(transforms: string[]): string {
  const sig = new SignedXml({ privateKey: idp().privateKeyPem, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: EXC });
  sig.addReference({ xpath: "/*[local-name(.)='Response']", transforms, digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
  sig.computeSignature(responseXml(base), { prefix: 'ds', location: { reference: "/*[local-name(.)='Response']/*[local-name(.)='Issuer']", action: 'after' } });
  return sig.getSignedXml();
}
/** Moves the ds namespace declaration from the Signature up to the Response: SignedInfo then inherits it. */
const dsOnRoot = (xml: string) => xml.replaceAll(DS_DECL, '').replace('<samlp:Response ', `<samlp:Response${DS_DECL} `);

interface Case {
  readonly name: string;
  readonly xml: () => string | Promise<string>;
  readonly target: Target;
  readonly certificate: () => string;
  readonly valid: boolean;
}

const cases: Case[] = [
  { name: 'Response signed, exclusive C14N', xml: () => signed('Response'), target: 'Response', certificate: () => idp().certificatePem, valid: true },
  { name: 'Assertion signed, exclusive C14N', xml: () => signed('Assertion'), target: 'Assertion', certificate: () => idp().certificatePem, valid: true },
  {
    name: 'Assertion signed, inclusive C14N (inherits the Response namespaces)',
    xml: () => signed('Assertion', INC),
    target: 'Assertion',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  { name: 'Response signed, inclusive C14N', xml: () => signed('Response', INC), target: 'Response', certificate: () => idp().certificatePem, valid: true },
  {
    name: 'Response signed, exclusive C14N with comments',
    xml: () => signed('Response', `${EXC}WithComments`),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  {
    name: 'both signed: the Response signature',
    xml: () => sign(signed('Assertion'), 'Response', { privateKeyPem: idp().privateKeyPem }),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  {
    name: 'both signed: the Assertion signature',
    xml: () => sign(signed('Assertion'), 'Response', { privateKeyPem: idp().privateKeyPem }),
    target: 'Assertion',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  {
    name: 'ds declared on the Response, Signature inherits it (Response)',
    xml: () => dsOnRoot(signed('Response')),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  {
    name: 'ds declared on the Response, Signature inherits it (Assertion)',
    xml: () => dsOnRoot(signed('Assertion')),
    target: 'Assertion',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  {
    name: 'a comment injected into the signed NameID (digest unchanged, the canonical text is read)',
    xml: () => signed('Assertion').replace('alice@example.com.evil.test', 'alice@example.com<!---->.evil.test'),
    target: 'Assertion',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  {
    name: 'samlify IdP, both signed (Assertion)',
    xml: samlifyBoth,
    target: 'Assertion',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  {
    name: 'samlify IdP, both signed (Response)',
    xml: samlifyBoth,
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: true,
  },
  { name: 'checked against another certificate', xml: () => signed('Response'), target: 'Response', certificate: () => attackerKeys().certificatePem, valid: false },
  {
    name: 'signed by another key that puts its own certificate in KeyInfo',
    xml: () => sign(responseXml(base), 'Response', { privateKeyPem: attackerKeys().privateKeyPem, certificatePem: attackerKeys().certificatePem }),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: false,
  },
  {
    name: 'NameID changed after signing',
    xml: () => signed('Assertion').replace('alice@example.com.evil.test', 'mallory@example.com'),
    target: 'Assertion',
    certificate: () => idp().certificatePem,
    valid: false,
  },
  {
    name: 'Destination changed after signing',
    xml: () => signed('Response').replace('https://sp.test/acs"', 'https://evil.test/acs"'),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: false,
  },
  {
    name: 'DigestValue changed',
    xml: () => signed('Response').replace(/<ds:DigestValue>./, '<ds:DigestValue>A'),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: false,
  },
  {
    name: 'SignatureValue changed',
    xml: () => signed('Response').replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: false,
  },
  {
    name: 'SignedInfo canonicalization switched after signing',
    xml: () => signed('Response').replace(`<ds:CanonicalizationMethod Algorithm="${EXC}"`, `<ds:CanonicalizationMethod Algorithm="${INC}"`),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: false,
  },
  {
    name: 'no enveloped-signature transform (the digest then covers the Signature itself)',
    xml: () => signedWithTransforms([EXC]),
    target: 'Response',
    certificate: () => idp().certificatePem,
    valid: false,
  },
  {
    name: 'the Assertion signature moved under a new Assertion ID',
    xml: () => signed('Assertion').replaceAll('_assertion1', '_assertion2'),
    target: 'Assertion',
    certificate: () => idp().certificatePem,
    valid: false,
  },
];

describe('enveloped signatures: the SP agrees with xml-crypto checkSignature', () => {
  it.each(cases)('$name', async ({ xml, target, certificate, valid }) => {
    const doc = await xml();
    const ours = sp(doc, target, certificate());
    const theirs = xmlCrypto(doc, target, certificate());
    expect(ours !== false).toBe(valid);
    expect(theirs !== false).toBe(valid);
    expect(ours).toBe(theirs); // the same verified bytes go downstream
  });
});

describe.skipIf(!XMLSEC1)('enveloped signatures: the SP agrees with xmlsec1 (skipped: xmlsec1 is not installed)', () => {
  it.each(cases)('$name', async ({ xml, target, certificate, valid }) => {
    const doc = await xml();
    expect(xmlsec1(doc, target, certificate())).toBe(valid);
    expect(sp(doc, target, certificate()) !== false).toBe(valid);
  });
});
