/*
 * The page a browser lands on after the ACS accepts a response: who is signed in to which tenant, and exactly
 * what the IdP sent (NameID and every attribute, names as received), so a person testing an IdP setup sees at
 * a glance whether a claim is misnamed. Everything from the assertion is escaped. With `signOutUrl`, a Sign out
 * button that starts Single Logout there (GET /saml/{tenant}/logout, SAML Profiles §4.4: ./logout/).
 */
import type { SsoUser } from '../store/sso-directory.ts';
import { spPage } from './page-style.ts';
import { escapeXml } from './xml.ts';

export interface SignedInView {
  readonly tenantId: string;
  readonly user: SsoUser;
  readonly nameId: string | undefined;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly created: boolean;
  /** Where the Sign out button goes (the tenant's SP-initiated logout); absent, no button. */
  readonly signOutUrl?: string | undefined;
}

export function signedInPageHtml(view: SignedInView): string {
  const e = escapeXml;
  const rows = Object.entries(view.attributes)
    .map(([name, values]) => `<tr><td><code>${e(name)}</code></td><td>${values.map((v) => e(v)).join('<br>') || '<em>(no value)</em>'}</td></tr>`)
    .join('');
  const groups = view.user.groups.length ? view.user.groups.map((g) => e(g)).join(', ') : '<em>none</em>';
  const body =
    `<section class="card"><h1>Signed in as ${e(view.user.userName)}</h1>` +
    `<dl class="facts"><dt>Tenant</dt><dd><code>${e(view.tenantId)}</code>${view.created ? ' <span class="tag warn">created at this sign-in (just-in-time)</span>' : ''}</dd>` +
    `<dt>Groups</dt><dd>${groups}</dd><dt>Session</dt><dd><a href="me">as JSON</a></dd></dl>` +
    (view.signOutUrl === undefined ? '' : `<form method="get" action="${e(view.signOutUrl)}"><button type="submit" data-action="sign-out">Sign out</button></form>`) +
    `</section>` +
    `<section class="card"><h2>What the IdP sent</h2><p>NameID: <code>${e(view.nameId ?? '(none)')}</code></p>` +
    `<table><thead><tr><th>Attribute name</th><th>Values</th></tr></thead><tbody>${rows || '<tr><td colspan="2"><em>no attributes</em></td></tr>'}</tbody></table></section>`;
  return spPage('Signed in', body, ` data-user="${e(view.user.userName)}"`);
}
