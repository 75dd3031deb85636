/*
 * - the SignatureMethod must be one of the tenant's allowedSignatureAlgorithms (RSA-SHA1 refusable)
 * - every Reference DigestMethod must be one of the tenant's allowedDigestAlgorithms (SHA-1 refusable)
 * xmldsig-core §6.2 (digests), §6.4 (signature algorithms); SHA-1 is collision-broken, so a tenant can
 * refuse it before any cryptography runs on it.
 */
import { DIGEST_ALGORITHMS, SIGNATURE_ALGORITHMS, type SamlTenantConfig } from '../../config/saml-section.ts';
import { reject } from '../rejection.ts';
import { NS, attr, children, path } from '../xml.ts';

export function checkSignatureAlgorithm(signature: Element, saml: Pick<SamlTenantConfig, 'allowedSignatureAlgorithms' | 'allowedDigestAlgorithms'>): {
  signatureAlgorithm: string;
  digestAlgorithms: string[];
} {
  const signedInfo = path(signature, NS.ds, 'SignedInfo');
  const signatureAlgorithm = attr(signedInfo && path(signedInfo, NS.ds, 'SignatureMethod'), 'Algorithm') ?? '';
  const allowed = saml.allowedSignatureAlgorithms.map((n) => SIGNATURE_ALGORITHMS[n]);
  if (!allowed.includes(signatureAlgorithm as (typeof allowed)[number])) {
    throw reject('signature/algorithm-refused', {
      message: `signature algorithm ${signatureAlgorithm || '(none)'} is not allowed`,
      expected: allowed,
      actual: signatureAlgorithm,
      spec: 'xmldsig-core §6.4',
    });
  }
  const allowedDigests = saml.allowedDigestAlgorithms.map((n) => DIGEST_ALGORITHMS[n]);
  const digestAlgorithms = (signedInfo ? children(signedInfo, NS.ds, 'Reference') : []).map(
    (ref) => attr(path(ref, NS.ds, 'DigestMethod'), 'Algorithm') ?? '',
  );
  for (const d of digestAlgorithms) {
    if (!allowedDigests.includes(d as (typeof allowedDigests)[number])) {
      throw reject('signature/algorithm-refused', {
        message: `digest algorithm ${d || '(none)'} is not allowed`,
        expected: allowedDigests,
        actual: d,
        spec: 'xmldsig-core §6.2',
      });
    }
  }
  return { signatureAlgorithm, digestAlgorithms };
}
