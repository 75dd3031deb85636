/*
 * HTTP-POST binding (saml-bindings §3.5):
 * - receiving: SAMLRequest is plain base64 (no DEFLATE, §3.5.4). Leniency on purpose: node-saml / passport-saml
 *   deflate it anyway unless told `skipRequestCompression`, so bytes that are not XML are tried as raw DEFLATE
 * - a signed request carries an enveloped XML
 *   signature whose single Reference points at the AuthnRequest's own ID (saml-core §5.4.2), checked against
 *   the SP's registered certificate only
 * - sending: an HTML form that posts SAMLResponse (and RelayState) to the ACS and submits itself (§3.5.4);
 *   values are HTML-escaped
 * - parsePostForm reads such a form back, for steps and tests that play the browser
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { checkEnvelopedSignature, type EnvelopedVerdict, type SignedMessage } from '../sign/verify-enveloped.ts';
import { childElements } from '../xml.ts';
import { decodeBase64, inflate } from './decode.ts';

export function decodePostRequest(body: Record<string, unknown>): { xml: string; relayState: string | undefined } {
  const value = body['SAMLRequest'];
  if (typeof value !== 'string' || value === '') throw idpError('request/missing', 'no SAMLRequest in the form');
  const relay = body['RelayState'];
  const bytes = decodeBase64(value, 'SAMLRequest');
  const text = bytes.toString('utf8');
  return {
    xml: text.trimStart().startsWith('<') ? text : inflate(bytes, 'SAMLRequest'),
    relayState: typeof relay === 'string' ? relay : undefined,
  };
}

export function isPostRequestSigned(request: SignedMessage): boolean {
  return childElements(request.doc.documentElement!, NS.ds, 'Signature').length > 0;
}

const SIGNATURE_PROBLEM: Record<Exclude<EnvelopedVerdict, 'ok' | 'missing'>, string> = {
  'not-enveloped': 'exactly one Signature, a child of the AuthnRequest, is allowed',
  'wrong-reference': 'the signature must reference the AuthnRequest ID',
  invalid: 'the AuthnRequest XML signature does not verify',
};

/** Throws request/signature-missing or request/signature-invalid unless `certificatePem` signed the request. */
export function verifyPostRequestSignature(request: SignedMessage, certificatePem: string): void {
  const verdict = checkEnvelopedSignature(request, certificatePem);
  if (verdict === 'missing') throw idpError('request/signature-missing', 'the SP must sign its AuthnRequest (AuthnRequestsSigned)');
  if (verdict !== 'ok') throw idpError('request/signature-invalid', SIGNATURE_PROBLEM[verdict]);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function autoPostForm(action: string, fields: Record<string, string | undefined>): string {
  const inputs = Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}"/>`)
    .join('\n      ');
  return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>Signing in…</title></head>
  <body onload="document.forms[0].submit()">
    <form method="post" action="${escapeHtml(action)}">
      ${inputs}
      <noscript><button type="submit">Continue</button></noscript>
    </form>
  </body>
</html>
`;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Reads the first form of an auto-submitting page: its action and hidden fields. */
export function parsePostForm(html: string): { action: string; fields: Record<string, string> } {
  const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error('no <form action="…"> in the page');
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined) fields[unescapeHtml(name)] = unescapeHtml(value ?? '');
  }
  return { action: unescapeHtml(form[1]!), fields };
}
