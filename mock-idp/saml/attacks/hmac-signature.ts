/*
 * HMAC key confusion ("HMAC with the public key"): the message is signed with HMAC-SHA256 (xmldsig-more
 * hmac-sha256, RFC 6931 §2.3.2) keyed with the IdP's PUBLIC certificate. A verifier that takes the algorithm
 * from the message and the key from its trust store computes the same HMAC with the certificate it trusts and
 * accepts a signature anybody could have made: xml-crypto ≤ 1.5.3 (GHSA-c27r-x354-4m68, HMAC-SHA1 "valid using
 * only knowledge of the RSA public key"), the class CVE-2021-21239 is counted in, and the JWT alg-confusion bugs.
 * The key is the certificate's PEM text (not its DER bytes), UTF-8, normalised to "-----BEGIN CERTIFICATE-----",
 * 64-column base64 lines and "-----END CERTIFICATE-----", each ended by "\n": SP libraries are configured with
 * a PEM string (passport-saml `cert`, xml-crypto `publicCert`), and that string is what they would key it with.
 * The digest of the Reference stays the honest digest of the element, so only the signature method is forged.
 * A correct SP refuses it for its algorithm (saml-core §5.4.1 profiles RSA signatures; xmldsig-core1 §6.1).
 */
import { createHmac, timingSafeEqual, type BinaryLike, type KeyLike } from 'node:crypto';
import type { SignatureAlgorithm } from 'xml-crypto';
import { certToPem, pemBody } from '../xml.ts';

export const HMAC_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256';

/** The HMAC key an SP configured with this certificate would use: its normalised PEM text. */
export function hmacKeyFromCertificate(certificatePem: string): Buffer {
  return Buffer.from(certToPem(pemBody(certificatePem)), 'utf8');
}

/** HMAC-SHA256 as an xml-crypto signature algorithm (xml-crypto 6 ships HMAC-SHA1 only, and only on request). */
export class HmacSha256 implements SignatureAlgorithm {
  getSignature(signedInfo: BinaryLike, key: KeyLike): string;
  getSignature(signedInfo: BinaryLike, key: KeyLike, callback?: (err: Error | null, value?: string) => void): void;
  getSignature(signedInfo: BinaryLike, key: KeyLike, callback?: (err: Error | null, value?: string) => void): string | undefined {
    const value = createHmac('sha256', key as BinaryLike)
      .update(signedInfo)
      .digest('base64');
    if (callback) {
      callback(null, value);
      return undefined;
    }
    return value;
  }
  verifySignature(material: string, key: KeyLike, signatureValue: string): boolean;
  verifySignature(material: string, key: KeyLike, signatureValue: string, callback?: (err: Error | null, ok?: boolean) => void): void;
  verifySignature(material: string, key: KeyLike, signatureValue: string, callback?: (err: Error | null, ok?: boolean) => void): boolean | undefined {
    const expected = Buffer.from(this.getSignature(material, key), 'base64');
    const actual = Buffer.from(signatureValue, 'base64');
    const ok = expected.length === actual.length && timingSafeEqual(expected, actual);
    if (callback) {
      callback(null, ok);
      return undefined;
    }
    return ok;
  }
  getAlgorithmName(): string {
    return HMAC_SHA256;
  }
}
