/*
 * The ds:KeyInfo content of the IdP's signatures (saml-core §5.4.5: the X.509 certificate), made by xml-crypto's
 * own getKeyInfoContent once per certificate instead of on every signature (it parses the certificate twice each
 * time; issue 15). Both signers use it: xml-crypto through its getKeyInfoContent option, and the template signer
 * (./template-signer.ts) as the certificates it lists.
 */
import { SignedXml } from 'xml-crypto';

const MAX_CACHED = 64;
const contents = new Map<string, string | null>();

/** `<ds:X509Data><ds:X509Certificate>…</ds:X509Certificate></ds:X509Data>` for a PEM certificate (null: none). */
export function keyInfoContent(certificatePem: string): string | null {
  let content = contents.get(certificatePem);
  if (content === undefined) {
    content = SignedXml.getKeyInfoContent({ publicCert: certificatePem, prefix: 'ds' });
    if (contents.size >= MAX_CACHED) contents.delete(contents.keys().next().value!);
    contents.set(certificatePem, content);
  }
  return content;
}

const certificateLists = new Map<string, readonly string[]>();

/** The base64 certificates that content lists, in order (also computed once per certificate). */
export function keyInfoCertificates(certificatePem: string): readonly string[] {
  let list = certificateLists.get(certificatePem);
  if (list === undefined) {
    const content = keyInfoContent(certificatePem) ?? '';
    list = Array.from(content.matchAll(/<ds:X509Certificate>([^<]*)<\/ds:X509Certificate>/g), (m) => m[1]!);
    if (certificateLists.size >= MAX_CACHED) certificateLists.delete(certificateLists.keys().next().value!);
    certificateLists.set(certificatePem, list);
  }
  return list;
}
