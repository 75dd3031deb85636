/*
 * The IdP's login page: pick the service provider (IdP-initiated) and a user, see exactly the NameID and
 * attributes that will be sent to THAT SP, then sign in or review the assertion first. Plain server-rendered
 * HTML; choosing another SP reloads the page with ?sp=… (a GET form, auto-submitted on change). Every value
 * that comes from outside is HTML-escaped.
 * Two ways to sign in: "Sign in" (a password: PasswordProtectedTransport) and "Sign in with MFA"
 * (MobileTwoFactorContract); a request whose RequestedAuthnContext one of them cannot satisfy is offered the other
 * only (../saml/request-policy/decide-answer.ts).
 */
import type { SamlAttribute } from '../saml/assertion-builder/builder.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';
import type { SpRegistration } from '../saml/sp-registry/sp-registration.ts';
import { escapeHtml } from './html.ts';
import { page } from './page-style.ts';
import type { AuthnMethod } from '../saml/request-policy/authn-context-classes.ts';

export { escapeHtml } from './html.ts';

export interface LoginPageInput {
  readonly entityId: string;
  readonly users: readonly DirectoryUser[];
  readonly sps: readonly SpRegistration[];
  /** The SP the sign-in is for: the requesting SP, or the one chosen for IdP-initiated sign-in. */
  readonly sp: SpRegistration | undefined;
  readonly pendingId: string | undefined;
  readonly relayState: string | undefined;
  readonly attributesFor: (sp: SpRegistration, user: DirectoryUser) => { nameId: string; attributes: SamlAttribute[] };
  /** The sign-in methods offered; absent: both. */
  readonly authnMethods?: readonly AuthnMethod[] | undefined;
  /** The login of this browser's IdP session, if any: the page offers "Sign out everywhere" (Single Logout). */
  readonly signedInAs?: string | undefined;
}

const e = escapeHtml;

function preview(p: LoginPageInput, user: DirectoryUser): string {
  if (!p.sp) return '';
  const { nameId, attributes } = p.attributesFor(p.sp, user);
  const rows = attributes.map((a) => `<tr><td><code>${e(a.name)}</code></td><td>${a.values.map((v) => e(v)).join('<br/>') || '<em>(no value)</em>'}</td></tr>`).join('');
  return `<table class="preview" data-sp="${e(p.sp.entityId)}"><thead><tr><th>Sent to this SP</th><th>Values</th></tr></thead><tbody>
          <tr><td><code>NameID</code></td><td><code>${e(nameId)}</code></td></tr>${rows || '<tr><td colspan="2"><em>no attributes</em></td></tr>'}</tbody></table>`;
}

function spPicker(p: LoginPageInput): string {
  if (p.pendingId) return '';
  const options = p.sps.map((sp) => `<option value="${e(sp.entityId)}"${sp === p.sp ? ' selected' : ''}>${e(sp.entityId)}</option>`).join('');
  return `<form method="get" action="/" class="sp-picker">
        <label class="field" for="sp">Service provider</label>
        <select id="sp" name="sp" onchange="this.form.submit()">${options}</select>
        ${p.relayState !== undefined ? `<input type="hidden" name="RelayState" value="${e(p.relayState)}"/>` : ''}
        <noscript><button type="submit" class="secondary">Show its attributes</button></noscript>
      </form>`;
}

export function loginPage(p: LoginPageInput): string {
  const heading = p.pendingId
    ? `<h1>Sign in to <code>${e(p.sp?.entityId ?? '')}</code></h1><p class="muted">The SP asked for this sign-in (SP-initiated).</p>`
    : `<h1>IdP-initiated sign-in</h1><p class="muted">Choose the service provider and the user; the response goes to the SP's ACS without a request.</p>`;
  const hidden = p.pendingId
    ? `<input type="hidden" name="pending" value="${e(p.pendingId)}"/>`
    : `${p.sp ? `<input type="hidden" name="sp" value="${e(p.sp.entityId)}"/>` : ''}${p.relayState !== undefined ? `<input type="hidden" name="RelayState" value="${e(p.relayState)}"/>` : ''}`;
  const users = p.users
    .map(
      (u, i) => `<label class="user" data-login="${e(u.login)}">
          <input type="radio" name="user" value="${e(u.login)}"${i === 0 ? ' checked' : ''}/>
          <span class="name">${e(u.displayName)}</span><span class="email">${e(u.email)}</span>
          ${preview(p, u)}
        </label>`,
    )
    .join('\n        ');
  const disabled = p.users.length === 0 || !p.sp;
  const signOut = p.signedInAs
    ? `<form method="post" action="/saml/logout" class="sign-out"><p class="muted">Signed in at the IdP as <code>${e(p.signedInAs)}</code>.</p><button type="submit" class="secondary">Sign out everywhere</button></form>`
    : '';
  const body = `      <section class="card">
      ${heading}
      ${signOut}
      ${p.users.length === 0 ? '<p>No users in the directory. Add some with <code>POST /control/users</code>.</p>' : ''}
      ${!p.pendingId && p.sps.length === 0 ? '<p>No SPs registered. Register one with <code>POST /control/sps</code>.</p>' : ''}
      ${spPicker(p)}
      <form method="post" action="/login" class="sign-in">
        ${hidden}
        <h2>User</h2>
        <div class="users">
        ${users}
        </div>
        <div class="actions">
          ${(p.authnMethods ?? ['password']).includes('password') ? `<button type="submit" class="primary" name="action" value="send"${disabled ? ' disabled' : ''}>Sign in</button>` : ''}
          ${(p.authnMethods ?? ['mfa']).includes('mfa') ? `<button type="submit" class="primary" name="action" value="mfa"${disabled ? ' disabled' : ''}>Sign in with MFA</button>` : ''}
          <button type="submit" class="secondary" name="action" value="review"${disabled ? ' disabled' : ''}>Review the assertion first</button>
        </div>
      </form>
      </section>`;
  return page('sso-harness mock IdP', body, p.entityId);
}
