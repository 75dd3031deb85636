/*
 * HTTP-Redirect binding, receiving side (saml-bindings §3.4):
 * - SAMLRequest is base64 of raw DEFLATE (§3.4.4.1); RelayState rides along untouched (§3.4.3)
 * - a signed request carries SigAlg and Signature; the signed octets are
 *   "SAMLRequest=<v>&RelayState=<v>&SigAlg=<v>" built from the values exactly as URL-encoded in the query
 *   string received (§3.4.4.1), RelayState only when present
 * - the signature is checked against the SP's registered certificate only — never a key the message brings
 * - an SP registered with AuthnRequestsSigned must sign; an unsigned request from it is refused
 */
import { createVerify, X509Certificate } from 'node:crypto';
import { idpError } from '../errors.ts';
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
      if (!signed) throw idpError('request/signature-missing', 'the SP must sign its AuthnRequest (AuthnRequestsSigned)');
      if (sigAlgRaw === undefined || signatureRaw === undefined) {
        throw idpError('request/signature-invalid', 'SigAlg and Signature must both be present');
      }
      const algorithm = REDIRECT_SIG_ALGS[decodeParam(sigAlgRaw)];
      if (!algorithm) throw idpError('request/unsupported-sig-alg', `unsupported SigAlg ${decodeParam(sigAlgRaw)}`);
      const octets = `SAMLRequest=${samlRequest}` + (relayRaw !== undefined ? `&RelayState=${relayRaw}` : '') + `&SigAlg=${sigAlgRaw}`;
      const signature = decodeBase64(decodeParam(signatureRaw), 'Signature');
      const ok = createVerify(algorithm).update(octets).verify(new X509Certificate(certificatePem).publicKey, signature);
      if (!ok) throw idpError('request/signature-invalid', 'the AuthnRequest query-string signature does not verify');
    },
  };
}
