/*
 * GET /style.css — the one stylesheet of the SP's pages (../saml/page-style.ts).
 * GET / — the reference SP's front door: every tenant with its SP-initiated sign-in link, SP metadata, SCIM
 * base URL(s), whether it accepts IdP-initiated sign-in, and whether its users must be provisioned before they
 * can sign in (no just-in-time creation: a sign-in of an unknown user is refused with user/unknown), with how
 * many users it holds now; a tenant whose SSO is not enabled yet (NinjaOne's step 7, ../sign-in/sso-enablement.ts)
 * says so, with where to enable it. JSON for a client that asks for it. Every value is escaped.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { ReferenceSpConfig, TenantConfig } from '../config/types.ts';
import { SP_PAGE_CSS, SP_STYLESHEET_PATH, spPage } from '../saml/page-style.ts';
import { ssoEnabled, type SsoEnablementStore } from '../sign-in/sso-enablement.ts';
import { escapeXml } from '../saml/xml.ts';
import { hasSaml } from '../config/oidc-only.ts';

/** The part of the store the page reads. */
export interface LandingDirectory extends SsoEnablementStore {
  countUsers(tenantId: string): number;
}

export interface TenantSummary {
  readonly id: string;
  readonly profile: string;
  readonly login: string;
  readonly metadata: string;
  readonly acs: string;
  readonly scim: readonly string[];
  readonly idpInitiated: boolean;
  readonly provisionFirst: boolean;
  readonly users: number;
  readonly requiredAttributes: readonly string[];
  /** SonarQube's Test Connection page (../saml/test-connection-route.ts). */
  readonly testConnection: string;
  /** False until the admin enables the tenant's SSO: only the Test Connection signs in (tenant/sso-not-enabled). */
  readonly ssoEnabled: boolean;
  /** The admin API's Enable (POST, admin token). */
  readonly enableSso: string;
  /** False for an OpenID Connect-only tenant (../config/oidc-only.ts): its SAML routes answer tenant/no-saml. */
  readonly saml: boolean;
  /** OpenID Connect sign-in (../oidc/routes.ts), when the tenant has an oidc section. */
  readonly oidc: { readonly login: string; readonly callback: string; readonly testConnection: string } | null;
}

export function tenantSummary(baseUrl: string, t: TenantConfig, directory: LandingDirectory): TenantSummary {
  const base = baseUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(t.id);
  const scim = [`${base}/scim/v2/${id}`];
  if (t.scim.layout === 'particle') scim.push(`${base}/v1/orgs/${encodeURIComponent(t.scim.orgSlug ?? t.id)}/team/provision`);
  if (t.scim.layout === 'ninjaone') scim.push(`${base}/ws/scim/v2 (tenant from the token)`);
  return {
    id: t.id,
    profile: t.profile,
    login: `${base}/saml/${id}/login`,
    metadata: `${base}/saml/${id}/metadata`,
    acs: t.saml.acsUrls[0]!,
    scim,
    idpInitiated: t.saml.allowUnsolicited,
    provisionFirst: !t.saml.autoProvisioningEnabled,
    users: directory.countUsers(t.id),
    requiredAttributes: t.saml.requiredAttributes,
    testConnection: `${base}/saml/${id}/test-connection`,
    ssoEnabled: ssoEnabled(directory, t),
    enableSso: `${base}/admin/v1/tenants/${id}/sso/enable`,
    saml: hasSaml(t),
    oidc: t.oidc ? { login: `${base}/oidc/${id}/login`, callback: t.oidc.redirectUri, testConnection: `${base}/oidc/${id}/test-connection` } : null,
  };
}

function row(s: TenantSummary): string {
  const e = escapeXml;
  const link = (url: string) => `<a href="${e(url)}"><code>${e(url)}</code></a>`;
  const users = s.provisionFirst
    ? s.users > 0
      ? `<span class="tag ok">provision first</span> <span class="muted">${s.users} user(s) provisioned</span>`
      : `<span class="tag bad">provision first</span> <span class="muted">no users yet: sign-in answers <code>user/unknown</code> until a user is created over SCIM</span>`
    : `<span class="tag ok">created at sign-in</span> <span class="muted">${s.users} user(s)</span>`;
  return `<tr data-tenant="${e(s.id)}">
<td><strong>${e(s.id)}</strong><br><span class="muted">${e(s.profile)}</span></td>
<td>${
    s.saml
      ? `<a class="button" href="${e(s.login)}" data-sign-in="${e(s.id)}">Sign in</a> <a href="${e(s.testConnection)}" data-test-connection="${e(s.id)}">Test Connection</a><br><span class="muted">IdP-initiated: ${s.idpInitiated ? '<span class="tag ok">accepted</span>' : '<span class="tag warn">refused</span>'}</span>`
      : '<span class="muted">OpenID Connect only</span>'
  }${
    s.ssoEnabled
      ? ''
      : `<br><span class="tag warn" data-sso-enabled="false">SSO not enabled yet</span> <span class="muted">only Test Connection signs in; enable at POST <code>${e(s.enableSso)}</code> (admin token)</span>`
  }${
    s.oidc
      ? `<br><a class="button" href="${e(s.oidc.login)}" data-oidc-sign-in="${e(s.id)}">Sign in with OpenID Connect</a> <a href="${e(s.oidc.testConnection)}">OIDC Test Connection</a><br><span class="muted">Callback URL</span> <code>${e(s.oidc.callback)}</code>`
      : ''
  }</td>
<td>${s.saml ? `${link(s.metadata)}<br><span class="muted">ACS</span> <code>${e(s.acs)}</code>` : '<span class="muted">no SAML</span>'}${s.requiredAttributes.length ? `<br><span class="muted">requires</span> ${s.requiredAttributes.map((a) => `<code>${e(a)}</code>`).join(', ')}` : ''}</td>
<td>${s.scim.map((u) => `<code>${e(u)}</code>`).join('<br>')}</td>
<td data-provision-first="${s.provisionFirst}">${users}</td>
</tr>`;
}

export function landingPageHtml(summaries: readonly TenantSummary[]): string {
  const body = `<section class="card"><h1>Reference SP tenants</h1>
<p class="muted">Each tenant is a SAML service provider and a SCIM 2.0 server with one vendor's behaviour. "Sign in" starts an
SP-initiated sign-in at the mock IdP. Tenants marked <em>provision first</em> sign in only users that already exist (created
over SCIM with the tenant's token); the others create the user at the first sign-in.</p>
<table><thead><tr><th>Tenant</th><th>Sign in</th><th>SAML metadata</th><th>SCIM base URL</th><th>Users</th></tr></thead>
<tbody>${summaries.map(row).join('\n')}</tbody></table></section>`;
  return spPage('sso-harness reference SP', body);
}

export function landingPage(config: ReferenceSpConfig, directory: LandingDirectory): Router {
  const router = express.Router();
  router.get(SP_STYLESHEET_PATH, (_req: Request, res: Response) => {
    res.type('text/css').setHeader('Cache-Control', 'max-age=300').send(SP_PAGE_CSS);
  });
  router.get('/', (req: Request, res: Response) => {
    const summaries = config.tenants.map((t) => tenantSummary(config.baseUrl, t, directory));
    if (req.accepts(['html', 'json']) === 'json') res.json({ tenants: summaries });
    else res.type('html').send(landingPageHtml(summaries));
  });
  return router;
}
