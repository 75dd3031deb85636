/*
 * XSW1–XSW8 keep what makes them dangerous: for every signature left in the document, some element with the
 * referenced ID still has exactly the signed digest (the moved or copied original), and the SignatureValue is
 * the IdP's over that SignedInfo, so a verifier that resolves the reference anywhere finds a valid signature;
 * and the Response's first Assertion, where a careless reader looks, names the attacker.
 */
import { createHash, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { canonicalSignedInfo } from '../attacks/signed-info.ts';
import { loadIdpKeys } from '../keys/key-store.ts';
import { NS } from '../namespaces.ts';
import { childElements, descendants, firstChild, parseXml } from '../xml.ts';
import { responseBuilder } from './builder.ts';
import { XSW_KINDS } from './wrap-signature.ts';

const NOW = new Date('2026-01-01T10:00:00Z');
const clock = { now: () => NOW };
const keys = loadIdpKeys({ clock });
const MALLORY = 'mallory@example.com';

function digestWithoutOwnSignature(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const s of childElements(copy, NS.ds, 'Signature')) copy.removeChild(s);
  return createHash('sha256').update(new ExclusiveCanonicalization().process(copy, {}).toString()).digest('base64');
}

describe.each(XSW_KINDS)('%s', (kind) => {
  it('the original still verifies somewhere in the document, and the attacker is read first', async () => {
    const placement = kind === 'XSW1' || kind === 'XSW2' ? 'response' : 'assertion';
    const built = await responseBuilder({ clock, keys, issuer: 'https://idp.test' })
      .forSp('urn:sp', 'https://sp.test/acs')
      .nameId('alice@example.com')
      .signing(placement)
      .wrapSignature(kind, MALLORY)
      .build();
    const doc = parseXml(built.xml);
    const signatures = descendants(doc, NS.ds, 'Signature');
    expect(signatures.length).toBeGreaterThan(0);
    for (const signature of signatures) {
      const signedInfo = firstChild(signature, NS.ds, 'SignedInfo')!;
      const reference = firstChild(signedInfo, NS.ds, 'Reference')!;
      const id = reference.getAttribute('URI')!.slice(1);
      const digest = firstChild(reference, NS.ds, 'DigestValue')!.textContent;
      const candidates = Array.from(doc.getElementsByTagName('*')).filter((e) => e.getAttribute('ID') === id);
      expect(candidates.some((e) => digestWithoutOwnSignature(e) === digest)).toBe(true);
      const value = firstChild(signature, NS.ds, 'SignatureValue')!.textContent!.replace(/\s+/g, '');
      expect(createVerify('RSA-SHA256').update(canonicalSignedInfo(signature)).verify(keys.signing.certificatePem, value, 'base64')).toBe(true);
    }
    // What a reader of Response/Assertion[1]/Subject/NameID takes.
    const first = childElements(doc.documentElement!, NS.assertion, 'Assertion')[0]!;
    expect(firstChild(firstChild(first, NS.assertion, 'Subject')!, NS.assertion, 'NameID')!.textContent).toBe(MALLORY);
  });
});
