/*
 * The OpenID Provider's login page: the same look as the SAML login page (../../server/page-style.ts) — the
 * directory's users as cards, each showing exactly the claims this client would receive — posting the chosen user
 * back to the interaction. Every value from outside is HTML-escaped.
 */
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import { escapeHtml as e } from '../../server/html.ts';
import { page } from '../../server/page-style.ts';

export interface OidcLoginPageInput {
  readonly issuer: string;
  readonly clientId: string;
  readonly action: string;
  readonly users: readonly DirectoryUser[];
  readonly claimsFor: (user: DirectoryUser) => Record<string, unknown>;
  /** Why the page is shown (prompt=login, max_age, no session). */
  readonly reason: string;
}

function preview(claims: Record<string, unknown>): string {
  const rows = Object.entries(claims)
    .map(([k, v]) => `<tr><td><code>${e(k)}</code></td><td><code>${e(typeof v === 'string' ? v : JSON.stringify(v))}</code></td></tr>`)
    .join('');
  return `<table class="preview"><thead><tr><th>Claim</th><th>Value</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function oidcLoginPage(p: OidcLoginPageInput): string {
  const users = p.users
    .map(
      (u, i) => `<label class="user" data-login="${e(u.login)}">
          <input type="radio" name="user" value="${e(u.login)}"${i === 0 ? ' checked' : ''}/>
          <span class="name">${e(u.displayName)}</span><span class="email">${e(u.email)}</span>
          ${preview(p.claimsFor(u))}
        </label>`,
    )
    .join('\n        ');
  const body = `      <section class="card">
      <h1>Sign in to <code>${e(p.clientId)}</code></h1>
      <p class="muted">OpenID Connect sign-in at <code>${e(p.issuer)}</code> (${e(p.reason)}).</p>
      ${p.users.length === 0 ? '<p>No users in the directory. Add some with <code>POST /control/users</code>.</p>' : ''}
      <form method="post" action="${e(p.action)}" class="sign-in">
        <h2>User</h2>
        <div class="users">
        ${users}
        </div>
        <div class="actions">
          <button type="submit" class="primary"${p.users.length === 0 ? ' disabled' : ''}>Sign in</button>
        </div>
      </form>
      </section>`;
  return page('sso-harness mock IdP — OpenID Connect', body, p.issuer);
}

/** The OP's HTML error page (oidc-provider's renderError), with the OAuth error code as the stable code. */
export function oidcErrorPage(issuer: string, code: string, description: string | undefined): string {
  return page(
    'IdP error',
    `<section class="card"><h1>The IdP refused this request</h1><p><code class="error-code" data-error-code="${e(code)}">${e(code)}</code></p>${description ? `<p>${e(description)}</p>` : ''}</section>`,
    issuer,
  );
}

/** RP-initiated logout's confirmation (OIDC RP-Initiated Logout §2): submitted at once, as Okta and Entra sign out without asking. */
export function logoutPage(issuer: string, form: string): string {
  return page(
    'Signing out',
    `<section class="card"><h1>Signing out</h1>${form}<div class="actions"><button type="submit" class="primary" form="op.logoutForm" name="logout" value="yes">Sign out</button></div>
<script>var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script></section>`,
    issuer,
  );
}
