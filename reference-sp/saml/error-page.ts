/*
 * The HTML a browser sees when the ACS refuses a response. The 'particle' style reproduces Particle's page
 * (seed 000: a "general non-success" error when the attributes are not recognised); the generic page names
 * the rejection code. Both carry the code in a data attribute so tests never match wording.
 */
import type { ErrorPageStyle } from '../config/saml-section.ts';
import type { SamlRejection } from './rejection.ts';
import { escapeXml } from './xml.ts';

export function errorPageHtml(style: ErrorPageStyle, rejection: SamlRejection): string {
  const code = escapeXml(rejection.code);
  const body =
    style === 'particle'
      ? `<h1>Single sign-on failed</h1><p>The identity provider returned a general non-success response.</p>` +
        `<p>Verify the spelling and capitalization of the required mapping attributes: <code>email</code>, <code>firstName</code>, and <code>lastName</code>.</p>`
      : `<h1>Sign-in refused</h1><p>${escapeXml(rejection.detail.message)}</p>`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in refused</title></head>` +
    `<body data-error-code="${code}">${body}<p><small>Error code: <code>${code}</code>${rejection.detail.spec ? ` (${escapeXml(rejection.detail.spec)})` : ''}</small></p></body></html>`
  );
}
