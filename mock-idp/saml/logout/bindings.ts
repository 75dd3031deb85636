/*
 * Logout messages on the wire, both front-channel bindings the IdP's SingleLogoutService serves:
 * - HTTP-Redirect (SAML Bindings §3.4): DEFLATE + base64 in SAMLRequest / SAMLResponse; the signature covers
 *   "SAMLRequest=…&RelayState=…&SigAlg=…" exactly as URL-encoded (§3.4.4.1) and rides as SigAlg + Signature
 * - HTTP-POST (§3.5): plain base64 in an auto-posting form; the signature is enveloped in the XML (§3.5.4,
 *   Core §5.4), a single Reference to the message's own ID
 * Receiving: a signature is verified against the sender's registered certificate only, never a key the
 * message carries; no signature at all is logout/signature-missing (Profiles §4.4.4.1: the IdP MUST
 * authenticate the request; §4.4.3.2/§4.4.4.2 the same for responses).
 */
import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { idpError } from '../errors.ts';
import { autoPostForm } from '../bindings/post-binding.ts';
import { decodeBase64, inflate } from '../bindings/decode.ts';
import { checkRedirectSignature, rawQueryParams, type RedirectSignatureVerdict } from '../bindings/redirect-binding.ts';
import type { KeyPair } from '../keys/key-store.ts';
import { BINDING, NS, SIGNATURE_ALGORITHM } from '../namespaces.ts';
import { signElement } from '../sign/sign-element.ts';
import { checkEnvelopedSignature, type EnvelopedVerdict } from '../sign/verify-enveloped.ts';
import { descendants } from '../xml.ts';
import { parseLogoutMessage, type ReceivedLogoutMessage } from './parse.ts';

export type LogoutBinding = 'redirect' | 'post';
export const LOGOUT_BINDING_URI: Record<LogoutBinding, string> = { redirect: BINDING.redirect, post: BINDING.post };

/** What the browser is given to deliver a message: a redirect, or a page with a form that posts itself. */
export type Delivery =
  | { readonly kind: 'redirect'; readonly url: string }
  | { readonly kind: 'post'; readonly url: string; readonly fields: Record<string, string>; readonly html: string };

export interface OutgoingMessage {
  readonly id: string;
  readonly xml: string;
  readonly kind: 'LogoutRequest' | 'LogoutResponse';
  readonly to: string;
  readonly binding: LogoutBinding;
  readonly relayState?: string | undefined;
  /** Absent: sent unsigned (a deviation). */
  readonly key?: KeyPair | undefined;
}

const RSA_SHA256 = SIGNATURE_ALGORITHM.sha256.signature;

export function deliver(m: OutgoingMessage): Delivery {
  const param = m.kind === 'LogoutRequest' ? 'SAMLRequest' : 'SAMLResponse';
  if (m.binding === 'post') {
    const xml = m.key ? signElement(m.xml, { id: m.id, localName: m.kind, key: m.key, algorithm: 'sha256' }) : m.xml;
    const fields: Record<string, string> = { [param]: Buffer.from(xml, 'utf8').toString('base64'), ...(m.relayState !== undefined ? { RelayState: m.relayState } : {}) };
    return { kind: 'post', url: m.to, fields, html: autoPostForm(m.to, fields) };
  }
  let query = `${param}=${encodeURIComponent(deflateRawSync(Buffer.from(m.xml, 'utf8')).toString('base64'))}`;
  if (m.relayState !== undefined) query += `&RelayState=${encodeURIComponent(m.relayState)}`;
  if (m.key) {
    query += `&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
    query += `&Signature=${encodeURIComponent(createSign('RSA-SHA256').update(query).sign(m.key.privateKeyPem, 'base64'))}`;
  }
  return { kind: 'redirect', url: m.to + (m.to.includes('?') ? '&' : '?') + query };
}

export interface ReceivedOverBinding {
  readonly message: ReceivedLogoutMessage;
  readonly binding: LogoutBinding;
  readonly relayState: string | undefined;
  /** Throws logout/signature-missing or logout/signature-invalid unless `certificatePem` signed the message. */
  verify(certificatePem: string | undefined): void;
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw idpError('logout/malformed', 'the query string is not valid percent-encoding');
  }
}

const missing = () => idpError('logout/signature-missing', 'the logout message is not signed');
const invalid = (why: string) => idpError('logout/signature-invalid', `the logout message signature ${why}`);

const REDIRECT_PROBLEM: Record<Exclude<RedirectSignatureVerdict, 'ok' | 'missing'>, string> = {
  incomplete: 'cannot be checked: SigAlg, Signature or a registered certificate is missing',
  'unsupported-alg': 'uses an unsupported SigAlg',
  invalid: 'does not verify against the registered certificate',
};

export function receiveRedirect(rawQuery: string): ReceivedOverBinding {
  const raw = rawQueryParams(rawQuery);
  const param = raw.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse';
  const value = raw.get(param);
  if (!value) throw idpError('logout/malformed', 'no SAMLRequest or SAMLResponse in the query string');
  const message = parseLogoutMessage(inflate(decodeBase64(decodeParam(value), param), param));
  const relayRaw = raw.get('RelayState');
  const sigAlgRaw = raw.get('SigAlg');
  const signatureRaw = raw.get('Signature');
  return {
    message,
    binding: 'redirect',
    relayState: relayRaw === undefined ? undefined : decodeParam(relayRaw),
    verify(certificatePem) {
      const query = { param, value, relayState: relayRaw, sigAlg: sigAlgRaw, signature: signatureRaw } as const;
      if (query.sigAlg === undefined && query.signature === undefined) throw missing();
      if (!certificatePem) throw invalid(REDIRECT_PROBLEM.incomplete);
      const verdict = checkRedirectSignature(query, certificatePem, decodeParam);
      if (verdict !== 'ok' && verdict !== 'missing') throw invalid(REDIRECT_PROBLEM[verdict]);
    },
  };
}

const ENVELOPED_PROBLEM: Record<Exclude<EnvelopedVerdict, 'ok' | 'missing'> | 'no-certificate', string> = {
  'no-certificate': 'cannot be checked: no certificate is registered',
  'not-enveloped': 'must be exactly one enveloped Signature',
  'wrong-reference': 'must reference the message ID',
  invalid: 'does not verify against the registered certificate',
};

export function receivePost(body: Record<string, unknown>): ReceivedOverBinding {
  const param = typeof body['SAMLRequest'] === 'string' ? 'SAMLRequest' : 'SAMLResponse';
  const value = body[param];
  if (typeof value !== 'string' || value === '') throw idpError('logout/malformed', 'no SAMLRequest or SAMLResponse in the form');
  const message = parseLogoutMessage(decodeBase64(value, param).toString('utf8'));
  const relay = body['RelayState'];
  return {
    message,
    binding: 'post',
    relayState: typeof relay === 'string' ? relay : undefined,
    verify(certificatePem) {
      const verdict = certificatePem ? checkEnvelopedSignature(message, certificatePem) : descendants(message.doc, NS.ds, 'Signature').length ? 'no-certificate' : 'missing';
      if (verdict === 'missing') throw missing();
      if (verdict !== 'ok') throw invalid(ENVELOPED_PROBLEM[verdict]);
    },
  };
}
