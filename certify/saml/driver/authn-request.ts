/*
 * Recognising and reading the SP's AuthnRequest where a browser would carry it to the IdP:
 * - HTTP-Redirect binding (saml-bindings §3.4): a redirect whose URL carries SAMLRequest (raw DEFLATE + base64),
 *   RelayState, and when signed SigAlg + Signature over the query string (§3.4.4.1)
 * - HTTP-POST binding (saml-bindings §3.5): an HTML form with a SAMLRequest field (base64), signed with an
 *   enveloped XML signature when signed (saml-core §5.4.2)
 * The request is decoded and parsed with the mock IdP's own binding code, and its signature is checked against
 * the certificate in the SP's metadata when the metadata says AuthnRequestsSigned — exactly what the IdP would
 * do. The harness never fetches the IdP's SSO URL itself.
 */
import { parseAuthnRequest, type AuthnRequestInfo } from '../../../mock-idp/saml/bindings/authn-request.ts';
import { decodePostRequest, verifyPostRequestSignature } from '../../../mock-idp/saml/bindings/post-binding.ts';
import { decodeRedirectRequest } from '../../../mock-idp/saml/bindings/redirect-binding.ts';
import { SamlCertifyError } from '../errors.ts';
import type { ResolvedSp } from '../target.ts';

/** How far a harness browser follows redirects: from the login URL to the AuthnRequest, and after the ACS POST. */
export const MAX_LOGIN_HOPS = 10;
export const MAX_ACS_HOPS = 5;

export interface SeenAuthnRequest {
  readonly binding: 'redirect' | 'post';
  /** Where the browser was sent (the IdP's SSO URL as the SP knows it). */
  readonly destination: string;
  readonly relayState: string | undefined;
  readonly signed: boolean;
  readonly xml: string;
  readonly info: Omit<AuthnRequestInfo, 'doc' | 'xml'>;
}

/** Whether a URL carries an HTTP-Redirect AuthnRequest. */
export function carriesSamlRequest(url: string): boolean {
  try {
    return new URL(url).searchParams.has('SAMLRequest');
  } catch {
    return false;
  }
}

function refused(error: unknown): SamlCertifyError {
  const code = (error as { code?: unknown }).code;
  return new SamlCertifyError('certify-saml/bad-authn-request', `the SP's AuthnRequest is not one an IdP accepts (${typeof code === 'string' ? code : 'unreadable'})`);
}

function strip({ doc: _doc, xml: _xml, ...info }: AuthnRequestInfo): Omit<AuthnRequestInfo, 'doc' | 'xml'> {
  return info;
}

export function readRedirectRequest(url: string, sp: ResolvedSp): SeenAuthnRequest {
  try {
    const parsed = new URL(url);
    const message = decodeRedirectRequest(parsed.search);
    if (sp.authnRequestsSigned) message.verify(sp.signingCertPem!);
    const info = parseAuthnRequest(message.xml);
    return { binding: 'redirect', destination: `${parsed.origin}${parsed.pathname}`, relayState: message.relayState, signed: message.signed, xml: message.xml, info: strip(info) };
  } catch (error) {
    throw refused(error);
  }
}

/** Finds the form that carries SAMLRequest in an HTML page; undefined when there is none. */
export function findRequestForm(html: string, pageUrl: string): { action: string; fields: Record<string, string> } | undefined {
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const fields: Record<string, string> = {};
    for (const input of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
      const name = /\bname\s*=\s*["']([^"']*)["']/i.exec(input[0])?.[1];
      const value = /\bvalue\s*=\s*["']([^"']*)["']/i.exec(input[0])?.[1];
      if (name !== undefined) fields[unescapeHtml(name)] = unescapeHtml(value ?? '');
    }
    if (fields['SAMLRequest'] === undefined) continue;
    const action = /\baction\s*=\s*["']([^"']*)["']/i.exec(form[1]!)?.[1] ?? pageUrl;
    return { action: new URL(unescapeHtml(action), pageUrl).href, fields };
  }
  return undefined;
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x2B;|&#43;/gi, '+')
    .replace(/&#x3D;|&#61;/gi, '=')
    .replace(/&#x2F;|&#47;/gi, '/')
    .replace(/&amp;/g, '&');
}

export function readPostRequest(form: { action: string; fields: Record<string, string> }, sp: ResolvedSp): SeenAuthnRequest {
  try {
    const decoded = decodePostRequest(form.fields);
    const info = parseAuthnRequest(decoded.xml);
    if (sp.authnRequestsSigned) verifyPostRequestSignature(info, sp.signingCertPem!);
    return { binding: 'post', destination: form.action, relayState: decoded.relayState, signed: /<(\w+:)?Signature\b/.test(decoded.xml), xml: decoded.xml, info: strip(info) };
  } catch (error) {
    throw refused(error);
  }
}
