/*
 * The reference SP's HTTP-POST binding page (saml-bindings §3.5.4): an HTML form whose hidden fields carry the
 * base64 message (SAMLRequest or SAMLResponse) and RelayState, posted to the peer by itself on load, with a
 * button for browsers without JavaScript. Every value is HTML-escaped. Used for the AuthnRequest
 * (./authn-request-post.ts) and the logout messages (./logout/send.ts).
 */
import { escapeXml } from './xml.ts';

export interface PostForm {
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
  /** The page title, e.g. "Signing in…". */
  readonly title: string;
  /** The label of the button shown without JavaScript. */
  readonly button: string;
}

export function autoPostPage(form: PostForm): string {
  const inputs = Object.entries(form.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
    .join('');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(form.title)}</title></head>` +
    `<body onload="document.forms[0].submit()"><form method="post" action="${escapeXml(form.action)}">${inputs}` +
    `<noscript><button type="submit">${escapeXml(form.button)}</button></noscript></form></body></html>`
  );
}
