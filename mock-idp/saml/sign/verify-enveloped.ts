/*
 * The mock IdP's one check of an enveloped XML signature on a message an SP sent it: a POSTed AuthnRequest
 * (../bindings/post-binding.ts), a POSTed LogoutRequest/LogoutResponse (../logout/bindings.ts) and an
 * ArtifactResolve (../artifact/artifact-resolve.ts). The rules, as saml-core §5.4 profiles XML-DSig:
 * - exactly one ds:Signature in the whole message, and it is a child of the root element (enveloped, §5.4.1):
 *   a second signature elsewhere is the start of a wrapping attack
 * - exactly one Reference, URI="#<the root's ID>" (§5.4.2)
 * - it verifies with the SP's registered certificate only, never a key the message carries (KeyInfo ignored)
 * It returns a verdict; each caller turns it into its own stable error code.
 */
import { SignedXml } from 'xml-crypto';
import { NS } from '../namespaces.ts';
import { childElements, descendants } from '../xml.ts';

/** A received message: its root's ID, the document, and the exact XML text the signature was made over. */
export interface SignedMessage {
  readonly id: string;
  readonly doc: Document;
  readonly xml: string;
}

export type EnvelopedVerdict = 'ok' | 'missing' | 'not-enveloped' | 'wrong-reference' | 'invalid';

export function checkEnvelopedSignature(message: SignedMessage, certificatePem: string): EnvelopedVerdict {
  const all = descendants(message.doc, NS.ds, 'Signature');
  if (all.length === 0) return 'missing';
  const own = childElements(message.doc.documentElement!, NS.ds, 'Signature');
  if (all.length !== 1 || own.length !== 1) return 'not-enveloped';
  const refs = descendants(own[0]!, NS.ds, 'Reference');
  if (refs.length !== 1 || refs[0]!.getAttribute('URI') !== `#${message.id}`) return 'wrong-reference';
  const sig = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  try {
    sig.loadSignature(own[0]!);
    return sig.checkSignature(message.xml) ? 'ok' : 'invalid';
  } catch {
    return 'invalid';
  }
}
