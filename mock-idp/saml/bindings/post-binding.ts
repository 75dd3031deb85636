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
import { SignedXml } from 'xml-crypto';
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { childElements, descendants } from '../xml.ts';
import type { AuthnRequestInfo } from './authn-request.ts';
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

export function isPostRequestSigned(request: AuthnRequestInfo): boolean {
  return childElements(request.doc.documentElement!, NS.ds, 'Signature').length > 0;
}

export function verifyPostRequestSignature(request: AuthnRequestInfo, certificatePem: string): void {
  const root = request.doc.documentElement!;
  const signatures = descendants(request.doc, NS.ds, 'Signature');
  if (signatures.length === 0) throw idpError('request/signature-missing', 'the SP must sign its AuthnRequest (AuthnRequestsSigned)');
  if (signatures.length > 1 || signatures[0]!.parentNode !== root) {
    throw idpError('request/signature-invalid', 'exactly one Signature, a child of the AuthnRequest, is allowed');
  }
  const refs = descendants(signatures[0] as Element, NS.ds, 'Reference');
  if (refs.length !== 1 || refs[0]!.getAttribute('URI') !== `#${request.id}`) {
    throw idpError('request/signature-invalid', 'the signature must reference the AuthnRequest ID');
  }
  const sig = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  let ok = false;
  try {
    sig.loadSignature(signatures[0]!);
    ok = sig.checkSignature(request.xml);
  } catch {
    ok = false;
  }
  if (!ok) throw idpError('request/signature-invalid', 'the AuthnRequest XML signature does not verify');
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
