/*
 * The OpenID Connect routes of every tenant with an `oidc` section, under /oidc/{tenant}/ (the reference SP as a
 * relying party, on openid-client):
 * - GET  login        authorization code flow (OIDC Core §3.1.2.1) with PKCE S256, state and nonce
 *                     (./request-secrets.ts); the state is remembered with this browser's binding cookie
 *                     (../sign-in/browser-binding.ts, ../sign-in/request-store.ts), in the store: it survives a restart
 * - GET  callback     the ordered checks of ./callback.ts (SSO enablement included), then a session (cookie on /oidc/{tenant}); JSON or
 *                     HTML by the Accept header; answered only once its writes are on disk
 * - GET  me           the signed-in user, subject and claims; none once the account is deleted or deactivated
 * - POST refresh      the stored refresh token at the token endpoint (RFC 6749 §6); answers the new claims, and
 *                     re-runs group sync when they carry the groups claim (./refresh-group-sync.ts)
 * - GET|POST logout   ends the session here and sends the browser to the OP's end_session_endpoint with
 *                     id_token_hint and post_logout_redirect_uri (OIDC RP-Initiated Logout §2)
 * - GET  logged-out   where the OP sends the browser back
 * - GET  test-connection  the JSON of the last sign-in of this browser (../sign-in/test-connection-result.ts), or
 *                     the code that refused it; GET test-connection/start signs in for the test
 * Every refusal is an OidcRejection answered as { error, detail, tenant } or the shared refusal page; every
 * callback decision is logged as exactly one structured line, with no token content.
 */
import express, { type Request, type Response, type Router } from 'express';
import * as client from 'openid-client';
import type { Clock } from '../clock.ts';
import type { OidcTenantConfig } from '../config/oidc-section.ts';
import type { TenantConfig } from '../config/types.ts';
import type { Logger } from '../log.ts';
import { bindingCookie, bindingSetCookie, newBindingValue, validBindingValue } from '../sign-in/browser-binding.ts';
import { cookieHash } from '../sign-in/cookie-hash.ts';
import { spPage } from '../saml/page-style.ts';
import type { AuthnRequestPurpose, OutstandingRequests } from '../sign-in/request-store.ts';
import type { SessionStore, SpSession } from '../sign-in/session.ts';
import type { SsoEnablementStore } from '../sign-in/sso-enablement.ts';
import { signedInPageHtml } from '../saml/signed-in-page.ts';
import { answerUnknownTenant, onDisk, readCookie, wantsJson } from '../sign-in/route-helpers.ts';
import { escapeXml } from '../saml/xml.ts';
import type { SsoDirectory, SsoUser } from '../store/sso-directory.ts';
import { runCallback } from './callback.ts';
import { oidcErrorPageHtml } from './error-page.ts';
import { mapClientError } from './map-client-error.ts';
import { createOidcProviders, type OidcProviders } from './provider.ts';
import { OIDC_ADVICE } from './error-page.ts';
import { type OidcRejection, type OidcRejectionCode, reject } from './rejection.ts';
import { requestSecrets } from './request-secrets.ts';
import type { OidcSessionTokens, OidcTokenStore } from './store/token-store.ts';
import { syncGroupsOnRefresh } from './refresh-group-sync.ts';
import { oidcTestConnectionResult } from './test-connection.ts';

export interface OidcRouterDeps {
  readonly tenants: readonly TenantConfig[];
  readonly clock: Clock;
  /** The SP's private key: the nonce and PKCE verifier derive from it (./request-secrets.ts). */
  readonly spPrivateKeyPem: string;
  readonly directory: SsoDirectory;
  readonly requests: OutstandingRequests;
  readonly sessions: SessionStore;
  readonly tokens: OidcTokenStore;
  readonly log: Logger;
  /** Resolves once the state written so far is on disk; answers wait for it. */
  readonly durable?: () => Promise<void>;
  /** The admin's SSO Enable per tenant (../sign-in/sso-enablement.ts); absent: the configured ssoEnabled. */
  readonly ssoState?: SsoEnablementStore | undefined;
  /** The OPs the tenants trust; by default discovered over global fetch. */
  readonly providers?: OidcProviders;
}

export const OIDC_SESSION_COOKIE = 'sp_oidc_session';
/** The code that refused this browser's last Test Connection (a fixed vocabulary, checked when read back). */
export const OIDC_TEST_COOKIE = 'sp_oidc_test';

type OidcTenant = TenantConfig & { readonly oidc: OidcTenantConfig };

const base = (tenantId: string) => `/oidc/${encodeURIComponent(tenantId)}`;

function publicUser(u: SsoUser) {
  return { id: u.id, userName: u.userName, active: u.active, email: u.email, givenName: u.givenName, familyName: u.familyName, displayName: u.displayName, groups: u.groups };
}

export function createOidcRouter(deps: OidcRouterDeps): Router {
  const router = express.Router();
  const byId = new Map(deps.tenants.filter((t): t is OidcTenant => t.oidc !== undefined).map((t) => [t.id, t]));
  const providers = deps.providers ?? createOidcProviders(deps.clock);
  const secrets = requestSecrets(deps.spPrivateKeyPem);

  const tenantOf = (req: Request, res: Response): OidcTenant | undefined => {
    const tenant = byId.get(String(req.params['tenant']));
    if (!tenant) answerUnknownTenant(res, wantsJson(req), 'this SP has no OpenID Connect tenant of that name');
    return tenant;
  };

  const reply = (req: Request, res: Response, tenant: OidcTenant, rejection: OidcRejection) => {
    res.setHeader('Cache-Control', 'no-store');
    if (wantsJson(req)) res.status(rejection.status).json({ error: rejection.code, detail: rejection.detail, tenant: tenant.id });
    else res.status(rejection.status).type('html').send(oidcErrorPageHtml(tenant.id, rejection));
  };

  const durable = (res: Response, tenant: OidcTenant, step: string) => onDisk(deps.durable, deps.log, 'oidc.store', res, tenant.id, step);

  const secure = (t: OidcTenant) => (t.oidc.redirectUri.startsWith('https:') ? '; Secure' : '');
  const expectedOf = (t: OidcTenant) => ({ clientId: t.oidc.clientId, issuer: t.oidc.issuer.issuer, algorithms: t.oidc.allowedSigningAlgorithms });

  /** The browser's signed-in OIDC session with its tokens, or undefined (logged out, expired, account gone). */
  const signedIn = (req: Request, tenant: OidcTenant): { session: SpSession; tokens: OidcSessionTokens; user: SsoUser } | undefined => {
    const session = deps.sessions.get(readCookie(req, OIDC_SESSION_COOKIE), tenant.id);
    if (!session) return undefined;
    const tokens = deps.tokens.findOidcTokens(cookieHash(session.id), tenant.id, deps.clock.now());
    const user = deps.directory.findUserByUserName(tenant.id, session.userName);
    // A session is one account's: deleted over SCIM (even if re-provisioned since) or deactivated, it signs nobody in.
    if (!tokens || !user || user.id !== session.userId || !user.active) return undefined;
    return { session, tokens, user };
  };

  const startSignIn = async (req: Request, res: Response, purpose: AuthnRequestPurpose) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    let config: client.Configuration;
    try {
      config = await providers.configuration(tenant.id, tenant.oidc);
    } catch (e) {
      const rejection = mapClientError(e, expectedOf(tenant));
      deps.log.log('warn', 'oidc.login', { tenant: tenant.id, outcome: 'rejected', code: rejection.code });
      reply(req, res, tenant, rejection);
      return;
    }
    const request = await secrets.create();
    const cookie = bindingCookie(tenant.oidc.redirectUri);
    const binding = validBindingValue(readCookie(req, cookie.name)) ?? newBindingValue();
    const ttl = tenant.oidc.requestTtlSeconds;
    deps.requests.remember(tenant.id, request.state, ttl, cookieHash(binding), purpose);
    if (!(await durable(res, tenant, 'authorization-request'))) return;
    const url = client.buildAuthorizationUrl(config, {
      response_type: 'code',
      redirect_uri: tenant.oidc.redirectUri,
      scope: tenant.oidc.scopes.join(' '),
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    });
    deps.log.log('info', 'oidc.authorization-request', { tenant: tenant.id, purpose });
    res.setHeader('Set-Cookie', bindingSetCookie(cookie, binding, ttl));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url.href);
  };

  router.get('/oidc/:tenant/login', (req, res) => startSignIn(req, res, 'sign-in'));
  router.get('/oidc/:tenant/test-connection/start', (req, res) => startSignIn(req, res, 'test-connection'));

  router.get('/oidc/:tenant/callback', async (req, res) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const sentBinding = validBindingValue(readCookie(req, bindingCookie(tenant.oidc.redirectUri).name));
    const result = await runCallback({
      tenant,
      oidc: tenant.oidc,
      deps: { requests: deps.requests, secrets, providers, directory: deps.directory, ssoState: deps.ssoState },
      params: new URLSearchParams(query),
      browserBinding: sentBinding === undefined ? null : cookieHash(sentBinding),
      now: deps.clock.now(),
    });
    const state = result.state;
    const testPath = `${base(tenant.id)}/test-connection`;
    const testCookie = (value: string, maxAge: number) => `${OIDC_TEST_COOKIE}=${value}; Path=${testPath}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure(tenant)}`;
    if (!result.ok) {
      const cause = result.rejection.cause instanceof Error ? result.rejection.cause.name : undefined;
      deps.log.log('warn', 'oidc.callback', { tenant: tenant.id, outcome: 'rejected', code: result.rejection.code, purpose: state.purpose, cause });
      // A consumed state or a JIT user may have been written before the refusal: on disk before answering.
      if (!(await durable(res, tenant, 'callback-rejected'))) return;
      if (state.purpose === 'test-connection') res.setHeader('Set-Cookie', testCookie(result.rejection.code, 600));
      reply(req, res, tenant, result.rejection);
      return;
    }
    const user = state.user!;
    const mapped = state.mapped!;
    const claims = state.claims!;
    const subject = String(claims['sub']);
    const ttl = tenant.oidc.sessionTtlSeconds;
    const session = deps.sessions.create({ tenantId: tenant.id, userId: user.id, userName: user.userName, attributes: mapped.attributes, nameId: subject }, ttl);
    deps.tokens.saveOidcTokens(
      cookieHash(session.id),
      tenant.id,
      { claims, idToken: state.idToken!, refreshToken: state.refreshToken },
      new Date(session.expiresAt),
      deps.clock.now(),
    );
    if (!(await durable(res, tenant, 'callback-accepted'))) return;
    const cookies = [`${OIDC_SESSION_COOKIE}=${encodeURIComponent(session.id)}; Path=${base(tenant.id)}; HttpOnly; SameSite=Lax; Max-Age=${ttl}${secure(tenant)}`];
    if (state.purpose === 'test-connection') cookies.push(testCookie('', 0));
    res.setHeader('Set-Cookie', cookies);
    res.setHeader('Cache-Control', 'no-store');
    deps.log.log('info', 'oidc.callback', {
      tenant: tenant.id,
      outcome: 'accepted',
      userName: user.userName,
      purpose: state.purpose,
      jitCreated: state.userCreated === true,
      profileUpdated: state.profileUpdated,
      groupsAdded: state.groups?.added,
      groupsRemoved: state.groups?.removed,
      groupSyncSkipped: state.groups?.skipped,
    });
    if (wantsJson(req)) {
      res.json({
        user: publicUser(user),
        session: { expiresAt: session.expiresAt },
        subject,
        claims,
        created: state.userCreated === true,
        profileUpdated: state.profileUpdated ?? [],
        groupSync: state.groups ?? null,
        purpose: state.purpose,
      });
      return;
    }
    if (state.purpose === 'test-connection') {
      res.redirect(303, testPath);
      return;
    }
    res.type('html').send(signedInPageHtml({ tenantId: tenant.id, user, nameId: subject, attributes: mapped.attributes, created: state.userCreated === true }));
  });

  router.get('/oidc/:tenant/me', (req, res) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    const current = signedIn(req, tenant);
    res.setHeader('Cache-Control', 'no-store');
    if (!current) {
      res.status(401).json({ error: 'session/none', detail: { message: 'not signed in to this tenant over OpenID Connect' } });
      return;
    }
    res.json({ user: publicUser(current.user), session: { expiresAt: current.session.expiresAt }, subject: current.session.nameId, claims: current.tokens.claims });
  });

  router.post('/oidc/:tenant/refresh', async (req, res) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    const current = signedIn(req, tenant);
    if (!current) {
      res.status(401).json({ error: 'session/none', detail: { message: 'not signed in to this tenant over OpenID Connect' } });
      return;
    }
    const refreshToken = current.tokens.refreshToken;
    let outcome: { claims: Record<string, unknown>; idToken: string; refreshToken: string | undefined; idTokenRefreshed: boolean };
    try {
      if (!refreshToken) throw reject('oidc/no-refresh-token', { message: 'this session holds no refresh token', spec: 'RFC 6749 §6' });
      const config = await providers.configuration(tenant.id, tenant.oidc);
      try {
        const tokens = await client.refreshTokenGrant(config, refreshToken);
        const fresh = tokens.claims();
        // OIDC Core §12.2: a refreshed ID token's iss and sub are the original's (openid-client checks iss).
        if (fresh && fresh.sub !== current.session.nameId) throw reject('oidc/sub-mismatch', { message: 'the refreshed ID token names another subject', spec: 'OIDC Core §12.2' });
        outcome = {
          claims: fresh ? { ...fresh } : { ...current.tokens.claims },
          idToken: tokens.id_token ?? current.tokens.idToken,
          refreshToken: tokens.refresh_token ?? refreshToken,
          idTokenRefreshed: fresh !== undefined,
        };
      } finally {
        providers.keepJwks(tenant.id, config);
      }
    } catch (e) {
      const rejection = mapClientError(e, expectedOf(tenant));
      deps.log.log('warn', 'oidc.refresh', { tenant: tenant.id, outcome: 'rejected', code: rejection.code });
      reply(req, res, tenant, rejection);
      return;
    }
    deps.tokens.updateOidcTokens(cookieHash(current.session.id), tenant.id, outcome, deps.clock.now());
    // Refreshed claims that carry the groups claim re-run the sign-in's group sync (./refresh-group-sync.ts).
    const groups = outcome.idTokenRefreshed ? syncGroupsOnRefresh(deps.directory, tenant.id, current.user.id, tenant.oidc, outcome.claims) : undefined;
    if (!(await durable(res, tenant, 'refresh'))) return;
    deps.log.log('info', 'oidc.refresh', {
      tenant: tenant.id,
      outcome: 'refreshed',
      userName: current.user.userName,
      idTokenRefreshed: outcome.idTokenRefreshed,
      groupsAdded: groups?.added,
      groupsRemoved: groups?.removed,
      groupSyncSkipped: groups?.skipped,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      subject: current.session.nameId,
      claims: outcome.claims,
      idTokenRefreshed: outcome.idTokenRefreshed,
      refreshTokenRotated: outcome.refreshToken !== refreshToken,
      groupSync: groups ?? null,
    });
  });

  const logout = async (req: Request, res: Response) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    const session = deps.sessions.get(readCookie(req, OIDC_SESSION_COOKIE), tenant.id);
    const tokens = session && deps.tokens.findOidcTokens(cookieHash(session.id), tenant.id, deps.clock.now());
    if (session) deps.tokens.deleteOidcTokens(cookieHash(session.id), tenant.id);
    let endSessionUrl: string | null = null;
    if (tokens) {
      try {
        const config = await providers.configuration(tenant.id, tenant.oidc);
        if (config.serverMetadata().end_session_endpoint) {
          endSessionUrl = client.buildEndSessionUrl(config, {
            id_token_hint: tokens.idToken,
            post_logout_redirect_uri: tenant.oidc.postLogoutRedirectUri,
            client_id: tenant.oidc.clientId,
          }).href;
        }
      } catch {
        endSessionUrl = null; // the OP is unreachable: this SP's session ends anyway
      }
    }
    if (!(await durable(res, tenant, 'logout'))) return;
    deps.log.log('info', 'oidc.logout', { tenant: tenant.id, signedIn: tokens !== undefined, endSession: endSessionUrl !== null });
    res.setHeader('Set-Cookie', `${OIDC_SESSION_COOKIE}=; Path=${base(tenant.id)}; HttpOnly; SameSite=Lax; Max-Age=0${secure(tenant)}`);
    res.setHeader('Cache-Control', 'no-store');
    if (wantsJson(req)) res.json({ loggedOut: true, endSessionUrl });
    else res.redirect(303, endSessionUrl ?? `${base(tenant.id)}/logged-out`);
  };
  router.get('/oidc/:tenant/logout', logout);
  router.post('/oidc/:tenant/logout', logout);

  router.get('/oidc/:tenant/logged-out', (req, res) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    if (wantsJson(req)) res.json({ loggedOut: true, tenant: tenant.id });
    else
      res
        .type('html')
        .send(
          spPage(
            'Signed out',
            `<section class="card"><h1>Signed out</h1><p>You are signed out of <code>${escapeXml(tenant.id)}</code>. <a href="${escapeXml(base(tenant.id))}/login">Sign in again</a></p></section>`,
          ),
        );
  });

  router.get('/oidc/:tenant/test-connection', (req, res) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    res.setHeader('Cache-Control', 'no-store');
    const refused = readCookie(req, OIDC_TEST_COOKIE);
    const code = refused !== undefined && Object.hasOwn(OIDC_ADVICE, refused) ? (refused as OidcRejectionCode) : undefined;
    const current = code ? undefined : signedIn(req, tenant);
    const result = current && oidcTestConnectionResult(tenant.id, tenant.oidc, current.tokens.claims);
    if (wantsJson(req)) {
      if (code)
        res
          .status(reject(code, { message: '' }).status)
          .json({ error: code, detail: { message: OIDC_ADVICE[code].what, spec: OIDC_ADVICE[code].spec }, tenant: tenant.id, protocol: 'oidc' });
      else if (result) res.json(result);
      else res.status(404).json({ error: 'test-connection/not-run', detail: { message: 'no sign-in of this browser to this tenant: select Test Connection first' } });
      return;
    }
    const e = escapeXml;
    const outcome = code
      ? `<p data-test-connection="refused">Refused: <code class="error-code">${e(code)}</code> — ${e(OIDC_ADVICE[code].what)}</p>`
      : result
        ? `<p><span class="tag ok">received</span> Verify the JSON: in particular the email and the groups.</p><pre id="test-connection-result" data-test-connection="received"><code>${e(JSON.stringify(result, null, 2))}</code></pre>`
        : `<p class="muted" data-test-connection="not-run">No test has run in this browser yet.</p>`;
    res
      .type('html')
      .send(
        spPage(
          'Test Connection',
          `<section class="card"><h1>Test SSO (OpenID Connect) — <code>${e(tenant.id)}</code></h1><p><a class="button" id="test-connection" href="${e(base(tenant.id))}/test-connection/start">Test Connection</a></p>${outcome}</section>`,
        ),
      );
  });

  return router;
}
