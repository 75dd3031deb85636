/*
 * - the SignatureMethod must be one of the tenant's allowedSignatureAlgorithms (RSA-SHA1 refusable)
 * - every Reference DigestMethod must be one of the tenant's allowedDigestAlgorithms (SHA-1 refusable)
 * xmldsig-core §6.2 (digests), §6.4 (signature algorithms); SHA-1 is collision-broken, so a tenant can
 * refuse it before any cryptography runs on it.
 * The refusal says which algorithm arrived only when it is one this SP knows by name (e.g. "rsa-sha1"): the
 * URI is unauthenticated input, so anything else is reported as unrecognised, never echoed.
 */
import { DIGEST_ALGORITHMS, SIGNATURE_ALGORITHMS, type SamlTenantConfig } from '../../config/saml-section.ts';
import { reject } from '../rejection.ts';
import { NS, attr, children, path } from '../xml.ts';

const KNOWN_SIGNATURE = new Map<string, string>(Object.entries(SIGNATURE_ALGORITHMS).map(([name, uri]) => [uri, name]));
const KNOWN_DIGEST = new Map<string, string>(Object.entries(DIGEST_ALGORITHMS).map(([name, uri]) => [uri, name]));
const named = (known: ReadonlyMap<string, string>, uri: string): string => (uri ? (known.get(uri) ?? 'an unrecognised algorithm') : '(none)');

export function checkSignatureAlgorithm(
  signature: Element,
  saml: Pick<SamlTenantConfig, 'allowedSignatureAlgorithms' | 'allowedDigestAlgorithms'>,
): {
  signatureAlgorithm: string;
  digestAlgorithms: string[];
} {
  const signedInfo = path(signature, NS.ds, 'SignedInfo');
  const signatureAlgorithm = attr(signedInfo && path(signedInfo, NS.ds, 'SignatureMethod'), 'Algorithm') ?? '';
  const allowed = saml.allowedSignatureAlgorithms.map((n) => SIGNATURE_ALGORITHMS[n]);
  if (!allowed.includes(signatureAlgorithm as (typeof allowed)[number])) {
    throw reject('signature/algorithm-refused', {
      message: `signature algorithm ${named(KNOWN_SIGNATURE, signatureAlgorithm)} is not allowed`,
      expected: allowed,
      ...(KNOWN_SIGNATURE.has(signatureAlgorithm) ? { actual: signatureAlgorithm } : {}),
      spec: 'xmldsig-core §6.4',
    });
  }
  const allowedDigests = saml.allowedDigestAlgorithms.map((n) => DIGEST_ALGORITHMS[n]);
  const digestAlgorithms = (signedInfo ? children(signedInfo, NS.ds, 'Reference') : []).map((ref) => attr(path(ref, NS.ds, 'DigestMethod'), 'Algorithm') ?? '');
  for (const d of digestAlgorithms) {
    if (!allowedDigests.includes(d as (typeof allowedDigests)[number])) {
      throw reject('signature/algorithm-refused', {
        message: `digest algorithm ${named(KNOWN_DIGEST, d)} is not allowed`,
        expected: allowedDigests,
        ...(KNOWN_DIGEST.has(d) ? { actual: d } : {}),
        spec: 'xmldsig-core §6.2',
      });
    }
  }
  return { signatureAlgorithm, digestAlgorithms };
}
