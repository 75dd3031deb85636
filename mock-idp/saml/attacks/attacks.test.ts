/*
 * Each attack's output has the property the attack needs: the signatures an attacker cannot forge still verify
 * where that is the point (comment and CDATA injection, the smuggling attacks, padding), the transform attacks
 * carry a SignatureValue by the genuine key over their changed SignedInfo, and the identity a careless reader
 * would take is the victim's.
 */
import { X509Certificate, createHash, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import xmlenc from 'xml-encryption';
import { responseBuilder } from '../assertion-builder/builder.ts';
import { DATA_ALGORITHMS, KEY_ALGORITHMS, type DataAlgorithmName } from '../encrypt/encrypt-assertion.ts';
import { generatedKeyPair, loadIdpKeys } from '../keys/key-store.ts';
import { ENVELOPED_SIGNATURE, NS } from '../namespaces.ts';
import { childElements, descendants, firstChild, parseXml, serialize } from '../xml.ts';
import { HMAC_SHA256, HmacSha256, hmacKeyFromCertificate } from './hmac-signature.ts';
import { INJECTION_SUFFIX, signedIdentity } from './name-id-injection.ts';
import { LOOK_ALIKE_NAMESPACE } from './namespace-prefix-confusion.ts';
import { canonicalSignedInfo } from './signed-info.ts';
import { XPATH_TRANSFORM } from './xpath-transform.ts';
import { XSLT_TRANSFORM } from './xslt-transform.ts';

const NOW = new Date('2026-01-01T10:00:00Z');
const clock = { now: () => NOW };
const keys = loadIdpKeys({ clock });
const VICTIM = 'victim@example.com';
const base = () =>
  responseBuilder({ clock, keys, issuer: 'https://idp.test' }).forSp('urn:sp', 'https://sp.test/acs').nameId('alice@example.com').attribute('email', 'alice@example.com');

/** xml-crypto, keyed with `cert` only (never KeyInfo), on the signature that references `id`. */
function verifies(xml: string, id: string, cert = keys.signing.certificatePem): boolean {
  const doc = parseXml(xml);
  const signature = descendants(doc, NS.ds, 'Signature').find((s) => descendants(s, NS.ds, 'Reference').some((r) => r.getAttribute('URI') === `#${id}`));
  if (!signature) return false;
  const sig = new SignedXml({ publicCert: cert, getCertFromKeyInfo: () => null });
  sig.loadSignature(signature);
  try {
    return sig.checkSignature(xml);
  } catch {
    return false;
  }
}

/** What a verifier computes, by hand: RSA over the canonical SignedInfo, and the Reference digest. */
function signatureParts(signature: Element) {
  const signedInfo = firstChild(signature, NS.ds, 'SignedInfo')!;
  const reference = firstChild(signedInfo, NS.ds, 'Reference')!;
  const transforms = childElements(firstChild(reference, NS.ds, 'Transforms')!, NS.ds, 'Transform').map((t) => t.getAttribute('Algorithm'));
  const value = firstChild(signature, NS.ds, 'SignatureValue')!.textContent!.replace(/\s+/g, '');
  const rsaValid = createVerify('RSA-SHA256').update(canonicalSignedInfo(signature)).verify(keys.signing.certificatePem, value, 'base64');
  return { transforms, digest: firstChild(reference, NS.ds, 'DigestValue')!.textContent!, rsaValid };
}

/** SHA-256 of the element without its own Signature (and without what `prune` removes), exclusive C14N. */
function honestDigest(element: Element, prune: (copy: Element) => void = () => {}): string {
  const copy = element.cloneNode(true) as Element;
  copy.removeChild(firstChild(copy, NS.ds, 'Signature')!);
  prune(copy);
  return createHash('sha256').update(new ExclusiveCanonicalization().process(copy, {}).toString()).digest('base64');
}

const firstNameIdText = (xml: string) => descendants(parseXml(xml), NS.assertion, 'NameID')[0]!.firstChild!.nodeValue;

describe('signature attacks', () => {
  it('emptySignatureValue empties every SignatureValue and keeps SignedInfo', async () => {
    const { xml } = await base().emptySignatureValue().build();
    const doc = parseXml(xml);
    expect(descendants(doc, NS.ds, 'SignatureValue').map((v) => v.textContent)).toEqual(['', '']);
    expect(descendants(doc, NS.ds, 'SignedInfo')).toHaveLength(2);
  });

  it('rogueCertificateInKeyInfo: valid for the certificate in KeyInfo, which copies the IdP name, not for the IdP key', async () => {
    const built = await base().rogueCertificateInKeyInfo().build();
    const inKeyInfo = descendants(parseXml(built.xml), NS.ds, 'X509Certificate')[0]!.textContent!;
    const smuggled = new X509Certificate(Buffer.from(inKeyInfo, 'base64'));
    const genuine = new X509Certificate(keys.signing.certificatePem);
    expect(smuggled.subject).toBe(genuine.subject);
    expect(smuggled.fingerprint256).not.toBe(genuine.fingerprint256);
    expect(verifies(built.xml, built.responseId, smuggled.toString())).toBe(true);
    expect(verifies(built.xml, built.responseId)).toBe(false);
  });

  it('hmacWithPublicCertificate: an HMAC-SHA256 keyed with the PEM text, which a key-confused verifier accepts', async () => {
    const built = await base().hmacWithPublicCertificate().build();
    const doc = parseXml(built.xml);
    expect(descendants(doc, NS.ds, 'SignatureMethod').map((m) => m.getAttribute('Algorithm'))).toEqual([HMAC_SHA256, HMAC_SHA256]);
    expect(descendants(doc, NS.ds, 'KeyInfo')).toHaveLength(0);
    const signature = childElements(doc.documentElement!, NS.ds, 'Signature')[0]!;
    const confused = new SignedXml({ publicCert: hmacKeyFromCertificate(keys.signing.certificatePem), getCertFromKeyInfo: () => null });
    confused.SignatureAlgorithms = { ...confused.SignatureAlgorithms, [HMAC_SHA256]: HmacSha256 };
    confused.loadSignature(signature);
    expect(confused.checkSignature(built.xml)).toBe(true);
    expect(verifies(built.xml, built.responseId)).toBe(false); // a verifier that allows RSA only
  });
});

describe('assertion smuggling: the genuine signature still verifies, a careless reader meets the attacker first', () => {
  it('assertionInExtensions (the evil copy names the victim in its NameID and in the e-mail that repeated it)', async () => {
    const built = await base().signAssertionOnly().assertionInExtensions(VICTIM).build();
    const doc = parseXml(built.xml);
    const extensions = childElements(doc.documentElement!, NS.protocol, 'Extensions')[0]!;
    const evil = descendants(doc, NS.assertion, 'Assertion')[0]!;
    expect(evil.parentNode).toBe(extensions);
    expect(descendants(evil, NS.assertion, 'AttributeValue').map((v) => v.textContent)).toEqual([VICTIM]);
    expect(firstNameIdText(built.xml)).toBe(VICTIM);
    expect(verifies(built.xml, built.assertionId)).toBe(true);
  });

  it('assertionInAdvice: schema-valid, the signed assertion inside the evil one', async () => {
    const built = await base().signAssertionOnly().assertionInAdvice(VICTIM).build();
    const top = childElements(parseXml(built.xml).documentElement!, NS.assertion, 'Assertion');
    expect(top).toHaveLength(1);
    expect(top[0]!.getAttribute('ID')).not.toBe(built.assertionId);
    expect((firstChild(top[0]!, NS.assertion, 'Advice')!.firstChild as Element).getAttribute('ID')).toBe(built.assertionId);
    expect(firstNameIdText(built.xml)).toBe(VICTIM);
    expect(verifies(built.xml, built.assertionId)).toBe(true);
  });

  it('assertionInSignatureObject keeps both signatures valid', async () => {
    const built = await base().signBoth().assertionInSignatureObject(VICTIM).build();
    expect(descendants(parseXml(built.xml), NS.ds, 'Object')).toHaveLength(1);
    expect(firstNameIdText(built.xml)).toBe(VICTIM);
    expect(verifies(built.xml, built.responseId)).toBe(true);
    expect(verifies(built.xml, built.assertionId)).toBe(true);
  });

  it('duplicateId: an evil assertion with the signed one’s ID; without it the signature verifies', async () => {
    const built = await base().signAssertionOnly().duplicateId(VICTIM).build();
    const doc = parseXml(built.xml);
    const [evil, genuine] = childElements(doc.documentElement!, NS.assertion, 'Assertion');
    expect(evil!.getAttribute('ID')).toBe(built.assertionId);
    expect(genuine!.getAttribute('ID')).toBe(built.assertionId);
    expect(firstNameIdText(built.xml)).toBe(VICTIM);
    doc.documentElement!.removeChild(evil!);
    expect(verifies(serialize(doc), built.assertionId)).toBe(true);
  });

  it.each(['assertion', 'both'] as const)('namespacePrefixConfusion (signed %s): saml: bound elsewhere, every signature valid', async (placement) => {
    const built = await base().signing(placement).namespacePrefixConfusion(VICTIM).build();
    const doc = parseXml(built.xml);
    const byQualifiedName = Array.from(doc.getElementsByTagName('saml:Assertion'));
    expect(byQualifiedName[0]!.namespaceURI).toBe(LOOK_ALIKE_NAMESPACE);
    expect(Array.from(doc.getElementsByTagName('saml:NameID'))[0]!.textContent).toBe(VICTIM);
    expect(descendants(doc, NS.assertion, 'Assertion')).toHaveLength(1);
    expect(verifies(built.xml, built.assertionId)).toBe(true);
    if (placement === 'both') expect(verifies(built.xml, built.responseId)).toBe(true);
  });

  it('smuggling needs an unencrypted assertion: a builder error, not a silent no-op', async () => {
    const sp = generatedKeyPair('attacks-test-sp', clock);
    await expect(base().encryptTo(sp.certificatePem).assertionInExtensions().build()).rejects.toMatchObject({ code: 'builder/invalid' });
    await expect(base().signResponseOnly().duplicateId().build()).rejects.toMatchObject({ code: 'builder/invalid' });
  });
});

describe('tampering names whom the caller asks for', () => {
  it('tamperAfterSigning(victim) changes the NameID and the e-mail after signing, so no signature verifies', async () => {
    const built = await base().tamperAfterSigning(VICTIM).build();
    const doc = parseXml(built.xml);
    expect(firstNameIdText(built.xml)).toBe(VICTIM);
    expect(descendants(doc, NS.assertion, 'AttributeValue').map((v) => v.textContent)).toEqual([VICTIM]);
    expect(verifies(built.xml, built.responseId)).toBe(false);
    expect(verifies(built.xml, built.assertionId)).toBe(false);
  });
});

describe('transform attacks: re-signed by the genuine key over the changed SignedInfo', () => {
  it('xsltTransform: an XSLT transform, the honest digest, a valid RSA signature value', async () => {
    const built = await base().xsltTransform().build();
    const doc = parseXml(built.xml);
    for (const element of [doc.documentElement!, childElements(doc.documentElement!, NS.assertion, 'Assertion')[0]!]) {
      const parts = signatureParts(firstChild(element, NS.ds, 'Signature')!);
      expect(parts.transforms).toContain(XSLT_TRANSFORM);
      expect(parts.digest).toBe(honestDigest(element));
      expect(parts.rsaValid).toBe(true);
    }
  });

  it('xpathTransform: the digest leaves the Subject out, so the attacker NameID sits beside a valid signature', async () => {
    const built = await base().xpathTransform(VICTIM).build();
    const doc = parseXml(built.xml);
    const withoutSubject = (copy: Element) => {
      for (const s of descendants(copy, NS.assertion, 'Subject')) s.parentNode!.removeChild(s);
    };
    for (const element of [doc.documentElement!, childElements(doc.documentElement!, NS.assertion, 'Assertion')[0]!]) {
      const parts = signatureParts(firstChild(element, NS.ds, 'Signature')!);
      expect(parts.transforms).toEqual([ENVELOPED_SIGNATURE, XPATH_TRANSFORM, 'http://www.w3.org/2001/10/xml-exc-c14n#']);
      expect(parts.digest).toBe(honestDigest(element, withoutSubject));
      expect(parts.rsaValid).toBe(true);
    }
    expect(firstNameIdText(built.xml)).toBe(VICTIM);
  });

  it('withoutEnvelopedTransform: only exclusive C14N left, a valid RSA signature value, which a literal verifier refuses', async () => {
    const built = await base().withoutEnvelopedTransform().build();
    const doc = parseXml(built.xml);
    const parts = signatureParts(firstChild(doc.documentElement!, NS.ds, 'Signature')!);
    expect(parts.transforms).toEqual(['http://www.w3.org/2001/10/xml-exc-c14n#']);
    expect(parts.digest).toBe(honestDigest(doc.documentElement!));
    expect(parts.rsaValid).toBe(true);
    expect(verifies(built.xml, built.responseId)).toBe(false);
  });
});

describe('NameID injection (CVE-2017-11427 family): the signature covers the whole text', () => {
  it.each([
    ['nameIdCommentInjection', 8],
    ['nameIdCdataInjection', 4],
  ] as const)('%s: first node is the victim, the signed text is victim + suffix, both signatures verify', async (method, nodeType) => {
    const built = await base()[method](VICTIM).build();
    const nameId = descendants(parseXml(built.xml), NS.assertion, 'NameID')[0]!;
    expect(nameId.firstChild!.nodeValue).toBe(VICTIM);
    expect(Array.from(nameId.childNodes).some((n) => n.nodeType === nodeType)).toBe(true);
    expect(nameId.textContent).toBe(signedIdentity(VICTIM));
    expect(signedIdentity(VICTIM)).toBe(VICTIM + INJECTION_SUFFIX);
    expect(verifies(built.xml, built.assertionId)).toBe(true);
    expect(verifies(built.xml, built.responseId)).toBe(true);
    // The e-mail attribute that repeated the NameID carries the same text.
    expect(descendants(parseXml(built.xml), NS.assertion, 'AttributeValue')[0]!.textContent).toBe(signedIdentity(VICTIM));
  });
});

describe('DTD attacks and padding', () => {
  it('externalEntity declares a SYSTEM entity and uses it as the NameID (our own parser refuses it)', async () => {
    const { xml } = await base().externalEntity('http://127.0.0.1:9/xxe').build();
    expect(xml.startsWith('<!DOCTYPE samlp:Response [<!ENTITY x SYSTEM "http://127.0.0.1:9/xxe">]>')).toBe(true);
    expect(xml).toMatch(/<saml:NameID [^>]*>&x;<\/saml:NameID>/);
    expect(() => parseXml(xml)).toThrow(expect.objectContaining({ code: 'request/doctype-forbidden' }));
  });

  it('externalEntity can add a parameter entity fetched from the DOCTYPE, or leave the signed content untouched', async () => {
    const probe = await base().externalEntity('http://127.0.0.1:9/x', { parameterEntityUrl: 'http://127.0.0.1:9/p' }).build();
    expect(probe.xml.startsWith('<!DOCTYPE samlp:Response [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">%p;<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>')).toBe(true);
    expect(probe.xml).toMatch(/<saml:NameID [^>]*>&x;<\/saml:NameID>/);
    const declared = await base().externalEntity('http://127.0.0.1:9/x', { referenced: false }).build();
    expect(declared.xml).not.toContain('&x;');
    const body = declared.xml.slice(declared.xml.indexOf(']>') + 2);
    expect(verifies(body, declared.assertionId)).toBe(true);
    expect(verifies(body, declared.responseId)).toBe(true);
    expect(() => base().externalEntity('http://127.0.0.1:9/x', { parameterEntityUrl: 'a"b' })).toThrow(expect.objectContaining({ code: 'builder/invalid' }));
  });

  it('entityExpansion nests a bounded billion laughs and expands it in the NameID', async () => {
    const { xml } = await base().entityExpansion().build();
    expect(xml).toContain('<!ENTITY lol0 "lol">');
    expect(xml).toContain(`<!ENTITY lol4 "${'&lol3;'.repeat(10)}">`);
    expect(xml).toMatch(/<saml:NameID [^>]*>&lol4;<\/saml:NameID>/);
  });

  it('two DOCTYPE attacks on one response are a builder error', async () => {
    await expect(base().withDoctype().entityExpansion().build()).rejects.toMatchObject({ code: 'builder/invalid' });
  });

  it.each([
    ['2000000', 2_000_000],
    ['2m', 2 * 1024 * 1024],
    ['64k', 64 * 1024],
  ])('padTo(%s) reaches at least %i bytes and keeps every signature valid', async (size, bytes) => {
    const built = await base().padTo(size).build();
    expect(Buffer.byteLength(built.xml, 'utf8')).toBeGreaterThanOrEqual(bytes);
    expect(Buffer.byteLength(built.xml, 'utf8')).toBeLessThan(bytes + 16);
    expect(verifies(built.xml, built.responseId)).toBe(true);
    expect(verifies(built.xml, built.assertionId)).toBe(true);
  });

  it('padTo refuses a size it cannot read, at once', () => {
    expect(() => base().padTo('two megabytes')).toThrow(expect.objectContaining({ code: 'builder/invalid' }));
    expect(() => base().padTo('1g')).toThrow(expect.objectContaining({ code: 'builder/invalid' }));
  });
});

describe('deviations an external SP meets as they are', () => {
  const sp = generatedKeyPair('attacks-test-sp', clock);
  const oaepPairs = (Object.keys(DATA_ALGORITHMS) as DataAlgorithmName[]).map((data) => [data, 'rsa-oaep'] as const);

  it.each(oaepPairs)('encryptTo %s / %s decrypts with the SP key to the signed assertion', async (dataAlgorithm, keyAlgorithm) => {
    const built = await base().signAssertionOnly().encryptTo(sp.certificatePem, { dataAlgorithm, keyAlgorithm }).build();
    const encrypted = descendants(parseXml(built.xml), NS.xenc, 'EncryptedData')[0]!;
    expect(firstChild(encrypted, NS.xenc, 'EncryptionMethod')!.getAttribute('Algorithm')).toBe(DATA_ALGORITHMS[dataAlgorithm]);
    const plain = await new Promise<string>((resolve, reject) =>
      xmlenc.decrypt(serialize(encrypted), { key: sp.privateKeyPem, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false }, (e, r) =>
        e ? reject(e) : resolve(r as string),
      ),
    );
    expect(verifies(plain, built.assertionId)).toBe(true);
  });

  it.each(Object.keys(DATA_ALGORITHMS) as DataAlgorithmName[])('encryptTo %s / rsa-1_5 names RSA-1_5 key transport', async (dataAlgorithm) => {
    const built = await base().encryptTo(sp.certificatePem, { dataAlgorithm, keyAlgorithm: 'rsa-1_5' }).build();
    const methods = descendants(parseXml(built.xml), NS.xenc, 'EncryptionMethod').map((m) => m.getAttribute('Algorithm'));
    expect(methods).toContain(KEY_ALGORITHMS['rsa-1_5']);
    expect(methods).toContain(DATA_ALGORITHMS[dataAlgorithm]);
  });
});
