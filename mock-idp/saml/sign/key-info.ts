/*
 * The ds:KeyInfo content of the IdP's signatures (saml-core §5.4.5: the X.509 certificate), made by xml-crypto's
 * own getKeyInfoContent once per certificate instead of on every signature (it parses the certificate twice each
 * time; issue 15). Both signers use it: xml-crypto through its getKeyInfoContent option, and the template signer
 * (./template-signer.ts) as the certificates it lists.
 */
import { SignedXml } from 'xml-crypto';
import { boundedMemo } from '../keys/bounded-memo.ts';

/** `<ds:X509Data><ds:X509Certificate>…</ds:X509Certificate></ds:X509Data>` for a PEM certificate (null: none). */
export const keyInfoContent: (certificatePem: string) => string | null = boundedMemo((certificatePem) => SignedXml.getKeyInfoContent({ publicCert: certificatePem, prefix: 'ds' }));

/** The base64 certificates that content lists, in order (also computed once per certificate). */
export const keyInfoCertificates: (certificatePem: string) => readonly string[] = boundedMemo((certificatePem) =>
  Array.from((keyInfoContent(certificatePem) ?? '').matchAll(/<ds:X509Certificate>([^<]*)<\/ds:X509Certificate>/g), (m) => m[1]!),
);
