/*
 * The IdP's small login page: pick a user, see exactly the attributes that will be sent, sign in. Plain
 * server-rendered HTML; every value that comes from outside is HTML-escaped.
 */
import type { SamlAttribute } from '../saml/assertion-builder/builder.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';
import type { SpRegistration } from '../saml/sp-registry/sp-registration.ts';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export interface LoginPageInput {
  readonly entityId: string;
  readonly users: readonly DirectoryUser[];
  readonly sps: readonly SpRegistration[];
  /** The SP the sign-in is for: the requesting SP, or the one chosen for IdP-initiated sign-in. */
  readonly sp: SpRegistration | undefined;
  readonly pendingId: string | undefined;
  readonly relayState: string | undefined;
  readonly attributesFor: (sp: SpRegistration, user: DirectoryUser) => { nameId: string; attributes: SamlAttribute[] };
}

export function loginPage(p: LoginPageInput): string {
  const e = escapeHtml;
  const heading = p.pendingId
    ? `Sign in to <strong>${e(p.sp?.entityId ?? '')}</strong>`
    : 'IdP-initiated sign-in';
  const spChoice = p.pendingId
    ? `<input type="hidden" name="pending" value="${e(p.pendingId)}"/>`
    : `<p><label>Service provider
        <select name="sp">${p.sps
          .map((sp) => `<option value="${e(sp.entityId)}"${sp === p.sp ? ' selected' : ''}>${e(sp.entityId)}</option>`)
          .join('')}</select></label> <a href="?">(attributes below are for the selected SP: reload with ?sp=…)</a></p>
      ${p.relayState !== undefined ? `<input type="hidden" name="RelayState" value="${e(p.relayState)}"/>` : ''}`;
  const users = p.users
    .map((u, i) => {
      const preview = p.sp ? p.attributesFor(p.sp, u) : undefined;
      const rows = preview
        ? preview.attributes
            .map((a) => `<tr><td><code>${e(a.name)}</code></td><td>${a.values.map((v) => e(v)).join('<br/>') || '<em>(no value)</em>'}</td></tr>`)
            .join('')
        : '';
      return `<li>
        <label><input type="radio" name="user" value="${e(u.login)}"${i === 0 ? ' checked' : ''}/>
          ${e(u.displayName)} &lt;${e(u.email)}&gt;</label>
        ${preview ? `<details><summary>Will send NameID <code>${e(preview.nameId)}</code> and ${preview.attributes.length} attributes</summary>
          <table><thead><tr><th>Attribute</th><th>Values</th></tr></thead><tbody>${rows}</tbody></table></details>` : ''}
      </li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>sso-harness mock IdP</title>
    <style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto}li{margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}table{border-collapse:collapse}</style>
  </head>
  <body>
    <h1>sso-harness mock IdP</h1>
    <p>${heading}</p>
    <p><small>IdP entity ID: <code>${e(p.entityId)}</code></small></p>
    ${p.users.length === 0 ? '<p>No users in the directory. Add some with <code>POST /control/users</code>.</p>' : ''}
    ${!p.pendingId && p.sps.length === 0 ? '<p>No SPs registered. Register one with <code>POST /control/sps</code>.</p>' : ''}
    <form method="post" action="/login">
      ${spChoice}
      <ul>${users}</ul>
      <button type="submit"${p.users.length === 0 || (!p.pendingId && p.sps.length === 0) ? ' disabled' : ''}>Sign in</button>
    </form>
  </body>
</html>
`;
}
