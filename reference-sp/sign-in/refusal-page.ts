/*
 * The HTML page a browser sees when a sign-in is refused, whichever protocol carried it (the SAML ACS through
 * ../saml/error-page.ts, the OIDC callback through ../oidc/error-page.ts): the code, what happened (fixed
 * text per code), the spec section, what to do next with links to the tenant's own URLs, and what the SP
 * expects (its own configuration). Nothing the sender wrote is shown: never `actual`, never a token's or an
 * assertion's content; every value is escaped anyway. The code is in a data attribute so tests never match
 * wording.
 */
import { spPage } from '../saml/page-style.ts';
import { escapeXml } from '../saml/xml.ts';
import type { RejectionDetail } from './rejection.ts';

/** Fixed text for one code, and the next step: parts of a sentence, a `{ href }` part shown as a link to itself. */
export interface RefusalAdvice<L> {
  readonly what: string;
  readonly next: (links: L) => ReadonlyArray<string | { readonly href: string }>;
  /** Used when the rejection itself names no section. */
  readonly spec?: string;
}

export interface Refusal {
  readonly code: string;
  readonly detail: RejectionDetail;
}

/** The facts list of a refusal: code, spec section, tenant, and what the SP expects. */
export function refusalFactsHtml(rejection: Refusal, spec: string | undefined, tenantId: string): string {
  const e = escapeXml;
  const expected = rejection.detail.expected === undefined ? [] : [rejection.detail.expected].flat();
  return (
    `<dl class="facts"><dt>Error code</dt><dd><code class="error-code">${e(rejection.code)}</code></dd>` +
    (spec ? `<dt>Specification</dt><dd>${e(spec)}</dd>` : '') +
    (tenantId ? `<dt>Tenant</dt><dd><code>${e(tenantId)}</code></dd>` : '') +
    (expected.length ? `<dt>This SP expects</dt><dd>${expected.map((x) => `<code>${e(x)}</code>`).join(', ')}</dd>` : '') +
    `</dl>`
  );
}

/** The generic refusal page; `body` replaces its card (a vendor's own wording, e.g. Particle's). */
export function refusalPageHtml<L>(rejection: Refusal, advice: RefusalAdvice<L>, links: L, tenantId: string, body?: (facts: string) => string): string {
  const e = escapeXml;
  const facts = refusalFactsHtml(rejection, rejection.detail.spec ?? advice.spec, tenantId);
  const next = advice
    .next(links)
    .map((part) => (typeof part === 'string' ? e(part) : `<a href="${e(part.href)}"><code>${e(part.href)}</code></a>`))
    .join('');
  const card =
    body?.(facts) ??
    `<section class="card refused" data-style="generic"><h1>Sign-in refused</h1><p>${e(advice.what)}</p>` +
      `<p class="detail muted">${e(rejection.detail.message)}</p>` +
      `<h2>What to do next</h2><p class="next">${next}</p>${facts}</section>`;
  return spPage('Sign-in refused', card, ` data-error-code="${e(rejection.code)}"`);
}
