/*
 * The HTML a browser sees when the ACS refuses a response:
 * - the generic page names the code, what happened (fixed text per code: ./error-advice.ts), the spec section
 *   and what to do next, with links to this tenant's own login, metadata, ACS or SCIM URL
 * - the 'particle' style reproduces Particle's page (seed 000) for attribute errors only: its "general
 *   non-success" text is what Particle shows when the attributes are not recognised; any other refusal on a
 *   Particle tenant gets the generic page
 * Nothing the sender wrote is shown: the code, fixed text, the rejection's message (fixed text or values the
 * SP computed or the trusted IdP signed: ./rejection.ts), the spec section and `expected` (the SP's own
 * configuration); never `actual`. Every value is escaped anyway. The code is in a data
 * attribute so tests never match wording. The page itself is both protocols' (../sign-in/refusal-page.ts).
 */
import type { ErrorPageStyle } from '../config/saml-section.ts';
import { refusalPageHtml } from '../sign-in/refusal-page.ts';
import { ADVICE, type AdviceLinks } from './error-advice.ts';
import type { SamlRejection } from './rejection.ts';

/** The tenant's own URLs the advice links to (paths on this SP). */
export function adviceLinks(tenantId: string): AdviceLinks {
  const base = `/saml/${encodeURIComponent(tenantId)}`;
  return {
    tenantId,
    login: `${base}/login`,
    metadata: `${base}/metadata`,
    acs: `${base}/acs`,
    scimUsers: `/scim/v2/${encodeURIComponent(tenantId)}/Users`,
    testConnection: `${base}/test-connection`,
    enableSso: `/admin/v1/tenants/${encodeURIComponent(tenantId)}/sso/enable`,
  };
}

function particleBody(): string {
  return (
    `<h1>Single sign-on failed</h1><p>The identity provider returned a general non-success response.</p>` +
    `<p>Verify the spelling and capitalization of the required mapping attributes: <code>email</code>, <code>firstName</code>, and <code>lastName</code>.</p>`
  );
}

export function errorPageHtml(style: ErrorPageStyle, rejection: SamlRejection, links: AdviceLinks = adviceLinks('')): string {
  const particle = style === 'particle' && rejection.code === 'attributes/missing';
  return refusalPageHtml(
    rejection,
    ADVICE[rejection.code],
    links,
    links.tenantId,
    particle ? (facts) => `<section class="card refused" data-style="particle">${particleBody()}${facts}</section>` : undefined,
  );
}
