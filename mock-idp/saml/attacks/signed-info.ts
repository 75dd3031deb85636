/*
 * Re-digesting and re-signing after a deliberate change to a Signature's Reference, for the attacks that must
 * keep a signature made by the genuine key (xmldsig-core1 §3.1.2: the SignatureValue covers the canonical
 * SignedInfo; §4.4.3: a Reference's digest is taken after its transforms). The transform attacks
 * (xsltTransform, xpathTransform, withoutEnvelopedTransform) change the Transforms and re-sign, so a correct SP
 * refuses them for the transform rule of saml-core §5.4.4, never for a broken signature value.
 */
import { SignedXml } from 'xml-crypto';
import { idpError } from '../errors.ts';
import { EXC_C14N, NS } from '../namespaces.ts';
import { descendants, firstChild } from '../xml.ts';
import { removeSignature } from './evil-assertion.ts';

export interface SignedElement {
  readonly element: Element;
  readonly signature: Element;
}

function depth(n: Node): number {
  let d = 0;
  for (let p = n.parentNode; p; p = p.parentNode) d++;
  return d;
}

/** Every element that carries its own ds:Signature, innermost first: an outer digest covers the inner signature. */
export function signedElements(doc: Document, attack: string): SignedElement[] {
  const out = descendants(doc, NS.ds, 'Signature')
    .filter((s) => s.parentNode?.nodeType === 1)
    .map((signature) => ({ element: signature.parentNode as Element, signature }))
    .sort((a, b) => depth(b.element) - depth(a.element));
  if (out.length === 0) throw idpError('builder/invalid', `${attack} needs a signed Response or Assertion`);
  return out;
}

function child(parent: Element, localName: string): Element {
  const el = firstChild(parent, NS.ds, localName);
  if (!el) throw idpError('builder/invalid', `the signature has no ds:${localName}`);
  return el;
}

export function reference(signature: Element): Element {
  return child(child(signature, 'SignedInfo'), 'Reference');
}

/** The Reference's ds:Transforms, created when absent. */
export function transformsOf(signature: Element): Element {
  const ref = reference(signature);
  const existing = firstChild(ref, NS.ds, 'Transforms');
  if (existing) return existing;
  const created = ref.ownerDocument!.createElementNS(NS.ds, 'ds:Transforms');
  ref.insertBefore(created, ref.firstChild);
  return created;
}

function setText(el: Element, value: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument!.createTextNode(value));
}

/**
 * Sets the Reference's DigestValue to the digest of `element` without its own Signature (the enveloped
 * transform), after `prune` took out whatever the attack's transform excludes, canonicalized with exclusive C14N.
 */
export function redigest(target: SignedElement, prune?: (copy: Element) => void): void {
  const copy = target.element.cloneNode(true) as Element;
  removeSignature(copy);
  prune?.(copy);
  const ref = reference(target.signature);
  const algorithm = child(ref, 'DigestMethod').getAttribute('Algorithm') ?? '';
  const tools = new SignedXml();
  const Hash = tools.HashAlgorithms[algorithm];
  if (!Hash) throw idpError('builder/invalid', 'unknown digest algorithm');
  setText(child(ref, 'DigestValue'), new Hash().getHash(tools.getCanonXml([EXC_C14N], copy)));
}

/** The canonical SignedInfo, as a verifier computes it before checking the SignatureValue. */
export function canonicalSignedInfo(signature: Element): string {
  const signedInfo = child(signature, 'SignedInfo');
  const c14n = child(signedInfo, 'CanonicalizationMethod').getAttribute('Algorithm') ?? EXC_C14N;
  return new SignedXml().getCanonXml([c14n], signedInfo);
}

/** Recomputes the SignatureValue over the (changed) SignedInfo with the signer's private key. */
export function resign(signature: Element, privateKeyPem: string): void {
  const method = child(child(signature, 'SignedInfo'), 'SignatureMethod').getAttribute('Algorithm') ?? '';
  const Signer = new SignedXml().SignatureAlgorithms[method];
  if (!Signer) throw idpError('builder/invalid', 'unknown signature algorithm');
  setText(child(signature, 'SignatureValue'), new Signer().getSignature(canonicalSignedInfo(signature), privateKeyPem));
}
