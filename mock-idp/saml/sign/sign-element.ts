/*
 * Enveloped XML signature over one SAML element, as saml-core §5.4 profiles XML-DSig:
 * - exactly one Reference, URI="#<ID of the signed element>" (§5.4.2)
 * - transforms: enveloped-signature then exclusive c14n (§5.4.4); SignedInfo canonicalised with exc-c14n (§5.4.3)
 * - the ds:Signature is placed right after the element's saml:Issuer, where the schema puts it (§3.2.1, §2.3.3)
 * - KeyInfo carries the X.509 certificate (§5.4.5 allows it; SPs must still pin the key from metadata)
 * - `hmacWithCertificate` is the key-confusion attack (../attacks/hmac-signature.ts): HMAC-SHA256 keyed with
 *   the certificate's PEM text instead of an RSA signature, and no KeyInfo (an HMAC has no certificate)
 * Cost (issue 15): the private key is a KeyObject parsed once per PEM (../keys/key-objects.ts), and the KeyInfo
 * text xml-crypto would rebuild from the certificate on every signature (two X.509 parses) is made once per
 * certificate by xml-crypto's own getKeyInfoContent and handed back to it (./key-info.ts). The Response builder
 * signs what it built itself with ./template-signer.ts and comes here for everything else.
 */
import { SignedXml } from 'xml-crypto';
import { ENVELOPED_SIGNATURE, EXC_C14N, SIGNATURE_ALGORITHM, type SignatureAlgorithmName } from '../namespaces.ts';
import type { KeyPair } from '../keys/key-store.ts';
import { HMAC_SHA256, HmacSha256, hmacKeyFromCertificate } from '../attacks/hmac-signature.ts';
import { privateKeyObject } from '../keys/key-objects.ts';
import { keyInfoContent } from './key-info.ts';

export interface SignElementOptions {
  /** The ID attribute value of the element to sign. */
  readonly id: string;
  /** 'Response' or 'Assertion' — the element's local name, used to locate its Issuer. */
  readonly localName: 'Response' | 'Assertion' | 'AuthnRequest' | 'EntityDescriptor' | 'ArtifactResolve' | 'ArtifactResponse' | 'LogoutRequest' | 'LogoutResponse';
  readonly key: KeyPair;
  readonly algorithm: SignatureAlgorithmName;
  /** Sign with HMAC-SHA256 keyed with `key.certificatePem` (an attack), the digest still from `algorithm`. */
  readonly hmacWithCertificate?: boolean;
}

export function signElement(xml: string, options: SignElementOptions): string {
  const alg = SIGNATURE_ALGORITHM[options.algorithm];
  const hmac = options.hmacWithCertificate === true;
  const sig = new SignedXml({
    privateKey: hmac ? hmacKeyFromCertificate(options.key.certificatePem) : privateKeyObject(options.key.privateKeyPem),
    ...(hmac ? {} : { publicCert: options.key.certificatePem, getKeyInfoContent: () => keyInfoContent(options.key.certificatePem) }),
    signatureAlgorithm: hmac ? HMAC_SHA256 : alg.signature,
    canonicalizationAlgorithm: EXC_C14N,
  });
  if (hmac) sig.SignatureAlgorithms = { ...sig.SignatureAlgorithms, [HMAC_SHA256]: HmacSha256 };
  const element = `//*[local-name()='${options.localName}' and @ID='${options.id}']`;
  sig.addReference({ xpath: element, transforms: [ENVELOPED_SIGNATURE, EXC_C14N], digestAlgorithm: alg.digest });
  const hasIssuer = options.localName !== 'EntityDescriptor';
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: hasIssuer ? { reference: `${element}/*[local-name()='Issuer']`, action: 'after' } : { reference: element, action: 'prepend' },
  });
  return sig.getSignedXml();
}
