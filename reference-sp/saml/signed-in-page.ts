/*
 * The page a browser lands on after the ACS accepts a response: who is signed in to which tenant, and exactly
 * what the IdP sent (NameID and every attribute, names as received), so a person testing an IdP setup sees at
 * a glance whether a claim is misnamed. Everything from the assertion is escaped.
 */
import type { SsoUser } from '../store/sso-directory.ts';
import { escapeXml } from './xml.ts';

export interface SignedInView {
  readonly tenantId: string;
  readonly user: SsoUser;
  readonly nameId: string | undefined;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly created: boolean;
}

export function signedInPageHtml(view: SignedInView): string {
  const e = escapeXml;
  const rows = Object.entries(view.attributes)
    .map(([name, values]) => `<tr><td><code>${e(name)}</code></td><td>${values.map((v) => e(v)).join('<br>') || '<em>(no value)</em>'}</td></tr>`)
    .join('');
  const groups = view.user.groups.length ? view.user.groups.map((g) => e(g)).join(', ') : '<em>none</em>';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}table{border-collapse:collapse}</style></head>` +
    `<body data-user="${e(view.user.userName)}">` +
    `<h1>Signed in as ${e(view.user.userName)}</h1>` +
    `<p>Tenant <code>${e(view.tenantId)}</code>${view.created ? ' — the user was created at this sign-in (just-in-time)' : ''}. ` +
    `Groups: ${groups}. <a href="me">Session as JSON</a></p>` +
    `<h2>What the IdP sent</h2><p>NameID: <code>${e(view.nameId ?? '(none)')}</code></p>` +
    `<table><thead><tr><th>Attribute name</th><th>Values</th></tr></thead><tbody>${rows || '<tr><td colspan="2"><em>no attributes</em></td></tr>'}</tbody></table>` +
    `</body></html>`
  );
}
