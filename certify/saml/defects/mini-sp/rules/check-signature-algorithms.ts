/*
 * - every ds:Signature in the message (and in a decrypted assertion) uses RSA-SHA256 or RSA-SHA512 with a SHA-256
 *   or SHA-512 digest (xmldsig-core1 §6.1: SHA-1 is deprecated for signatures; SAML 2.0 Errata, saml-core §5.4.1).
 *   RSA-SHA1 falls to chosen-prefix collisions (SHAttered 2017, Leurent & Peyrin 2020); HMAC with the public
 *   certificate as key (key confusion) is refused because only RSA is allowed.
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, at, descendants } from '../xml.ts';

export const STRONG_SIGNATURES = new Set(['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512']);
export const STRONG_DIGESTS = new Set(['http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmlenc#sha512']);

/** Every ds:Signature in the posted document and in the decrypted assertion's document. */
export function signaturesIn(state: Parameters<Rule>[0]): Element[] {
  const docs = new Set<Document>([need(state, 'doc')]);
  if (state.candidate?.ownerDocument) docs.add(state.candidate.ownerDocument);
  return [...docs].flatMap((d) => descendants(d, NS.ds, 'Signature'));
}

/** True when every signature in the message uses only the algorithms in the two sets. */
export function algorithmsAllowed(state: Parameters<Rule>[0], signatures: ReadonlySet<string>, digests: ReadonlySet<string>): boolean {
  return signaturesIn(state).every((signature) => {
    const signedInfo = at(signature, [NS.ds, 'SignedInfo']);
    const method = at(signedInfo, [NS.ds, 'SignatureMethod'])?.getAttribute('Algorithm') ?? '';
    const digestMethods = signedInfo ? descendants(signedInfo, NS.ds, 'DigestMethod').map((d) => d.getAttribute('Algorithm') ?? '') : [];
    return signatures.has(method) && digestMethods.every((d) => digests.has(d));
  });
}

export const checkSignatureAlgorithms: Rule = (state) => {
  if (!algorithmsAllowed(state, STRONG_SIGNATURES, STRONG_DIGESTS)) refuse('signature/algorithm');
};
