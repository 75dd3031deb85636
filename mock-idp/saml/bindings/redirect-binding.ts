/*
 * HTTP-Redirect binding, receiving side (saml-bindings §3.4):
 * - SAMLRequest is base64 of raw DEFLATE (§3.4.4.1); RelayState rides along untouched (§3.4.3)
 * - a signed request carries SigAlg and Signature; the signed octets are
 *   "SAMLRequest=<v>&RelayState=<v>&SigAlg=<v>" built from the values exactly as URL-encoded in the query
 *   string received (§3.4.4.1), RelayState only when present
 * - the signature is checked against the SP's registered certificate only — never a key the message brings
 * - an SP registered with AuthnRequestsSigned must sign; an unsigned request from it is refused
 * checkRedirectSignature is the one query-signature check, for AuthnRequests here and logout messages
 * (../logout/bindings.ts); each caller turns its verdict into its own stable code.
 */
import { createVerify } from 'node:crypto';
import { idpError } from '../errors.ts';
import { certificatePublicKey } from '../keys/key-objects.ts';
import { decodeBase64, inflate } from './decode.ts';

export const REDIRECT_SIG_ALGS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'RSA-SHA1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'RSA-SHA256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'RSA-SHA512',
};

export interface RedirectMessage {
  readonly xml: string;
  readonly relayState: string | undefined;
  readonly signed: boolean;
  /** Checks the query-string signature; throws request/signature-* when it does not hold. */
  verify(certificatePem: string): void;
}

/** Raw (still URL-encoded) values of a query string, by name; the first occurrence wins. */
export function rawQueryParams(rawQuery: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of rawQuery.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decodeURIComponent(eq === -1 ? part : part.slice(0, eq));
    if (!out.has(name)) out.set(name, eq === -1 ? '' : part.slice(eq + 1));
  }
  return out;
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw idpError('request/bad-base64', 'query string is not valid percent-encoding');
  }
}

/** The parts of an HTTP-Redirect message a signature covers, as received (still URL-encoded). */
export interface RedirectSignedQuery {
  readonly param: 'SAMLRequest' | 'SAMLResponse';
  readonly value: string;
  readonly relayState: string | undefined;
  readonly sigAlg: string | undefined;
  readonly signature: string | undefined;
}

export type RedirectSignatureVerdict = 'ok' | 'missing' | 'incomplete' | 'unsupported-alg' | 'invalid';

/**
 * Checks the query-string signature with the registered certificate: the octets are
 * "<param>=<v>[&RelayState=<v>]&SigAlg=<v>" exactly as received (saml-bindings §3.4.4.1). `decode` undoes the
 * URL-encoding of SigAlg and Signature (its error code is the caller's).
 */
export function checkRedirectSignature(q: RedirectSignedQuery, certificatePem: string, decode: (raw: string) => string): RedirectSignatureVerdict {
  if (q.sigAlg === undefined && q.signature === undefined) return 'missing';
  if (q.sigAlg === undefined || q.signature === undefined) return 'incomplete';
  const algorithm = REDIRECT_SIG_ALGS[decode(q.sigAlg)];
  if (!algorithm) return 'unsupported-alg';
  const octets = `${q.param}=${q.value}` + (q.relayState !== undefined ? `&RelayState=${q.relayState}` : '') + `&SigAlg=${q.sigAlg}`;
  const signature = decodeBase64(decode(q.signature), 'Signature');
  return createVerify(algorithm).update(octets).verify(certificatePublicKey(certificatePem), signature) ? 'ok' : 'invalid';
}

const REQUEST_SIGNATURE_PROBLEM: Record<Exclude<RedirectSignatureVerdict, 'ok' | 'missing' | 'unsupported-alg'>, string> = {
  incomplete: 'SigAlg and Signature must both be present',
  invalid: 'the AuthnRequest query-string signature does not verify',
};

export function decodeRedirectRequest(rawQuery: string): RedirectMessage {
  const raw = rawQueryParams(rawQuery);
  const samlRequest = raw.get('SAMLRequest');
  if (samlRequest === undefined || samlRequest === '') throw idpError('request/missing', 'no SAMLRequest in the query string');
  const xml = inflate(decodeBase64(decodeParam(samlRequest), 'SAMLRequest'), 'SAMLRequest');
  const relayRaw = raw.get('RelayState');
  const sigAlgRaw = raw.get('SigAlg');
  const signatureRaw = raw.get('Signature');
  const signed = sigAlgRaw !== undefined || signatureRaw !== undefined;
  return {
    xml,
    relayState: relayRaw === undefined ? undefined : decodeParam(relayRaw),
    signed,
    verify(certificatePem: string) {
      const query = { param: 'SAMLRequest', value: samlRequest, relayState: relayRaw, sigAlg: sigAlgRaw, signature: signatureRaw } as const;
      const verdict = checkRedirectSignature(query, certificatePem, decodeParam);
      if (verdict === 'missing') throw idpError('request/signature-missing', 'the SP must sign its AuthnRequest (AuthnRequestsSigned)');
      // The SigAlg is the sender's text: named as unsupported, never repeated back.
      if (verdict === 'unsupported-alg') throw idpError('request/unsupported-sig-alg', 'the SigAlg is not RSA-SHA1, RSA-SHA256 or RSA-SHA512');
      if (verdict !== 'ok') throw idpError('request/signature-invalid', REQUEST_SIGNATURE_PROBLEM[verdict]);
    },
  };
}
