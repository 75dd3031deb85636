/*
 * The SAML routes of every tenant, under /saml/{tenant}/:
 * - GET  metadata  SP metadata (./metadata.ts)
 * - login and acs read the tenant's IdP through ./idp-metadata-refresh.ts (metadata from a URL, refreshed when due)
 * - GET  login     SP-initiated sign-in: redirect to the IdP with an AuthnRequest (./authn-request.ts) whose
 *                  ID is remembered with this browser's binding cookie (./browser-binding.ts); a RelayState
 *                  the ACS would not follow (./relay-state.ts) is not sent along; with authnRequestBinding 'post'
 *                  an auto-posting form carries it instead (./authn-request-post.ts, saml-bindings §3.5)
 * - GET|POST acs   SAMLart of the HTTP-Artifact binding (saml-bindings §3.6) is resolved first (./artifact/)
 * - POST acs       HTTP-POST binding ACS (saml-bindings §3.5): the check pipeline (./pipeline.ts) with the
 *                  posting browser's binding, then group sync and a session cookie; JSON or HTML by the
 *                  Accept header; answered only once its writes are on disk; never a 500 for client input
 * - GET  me        the signed-in user of this tenant's session; none once its account is deleted or deactivated
 * - GET  logout, GET|POST slo  Single Logout, SP- and IdP-initiated (./logout/logout-routes.ts, saml-profiles §4.4)
 * - GET  test-connection  SonarQube's Test Connection: the JSON of what the last sign-in received (./test-connection-route.ts);
 *                  GET test-connection/start sends an AuthnRequest whose purpose is the Test Connection
 * Every ACS decision is logged as exactly one structured line.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../clock.ts';
import type { TenantConfig } from '../config/types.ts';
import type { Logger } from '../log.ts';
import type { SsoDirectory, SsoUser } from '../store/sso-directory.ts';
import { buildRedirectRequest } from './authn-request.ts';
import { buildPostRequest } from './authn-request-post.ts';
import { bindingCookie, bindingSetCookie, newBindingValue, validBindingValue } from '../sign-in/browser-binding.ts';
import { cookieHash } from '../sign-in/cookie-hash.ts';
import { adviceLinks, errorPageHtml } from './error-page.ts';
import { syncGroups, type GroupSyncOutcome } from '../sign-in/group-sync.ts';
import { createIdpTrust, type IdpTrust } from './idp-metadata-refresh.ts';
import type { SpKeys } from './keys.ts';
import { spMetadataXml } from './metadata.ts';
import { metadataExpiry } from './metadata-trust/check-metadata-valid.ts';
import { runAcsPipeline } from './pipeline.ts';
import { acsPipelineFor } from './artifact/acs-message.ts';
import type { SamlRejection } from './rejection.ts';
import type { ReplayCache } from './replay-cache.ts';
import type { AuthnRequestPurpose, OutstandingRequests } from '../sign-in/request-store.ts';
import { type SsoEnablementStore, ssoEnabled } from '../sign-in/sso-enablement.ts';
import { SESSION_COOKIE, type SessionStore, TEST_CONNECTION_COOKIE, TEST_CONNECTION_SESSION_SECONDS } from '../sign-in/session.ts';
import { resolveRelayState, spOrigins } from './relay-state.ts';
import { signedInPageHtml } from './signed-in-page.ts';
import { testConnectionPath } from './test-connection-page.ts';
import { registerTestConnectionRoute } from './test-connection-route.ts';
import { registerLogoutRoutes } from './logout/logout-routes.ts';
import { logoutKeyOf } from './logout/session-index.ts';
import type { SamlLogoutStore } from '../store/saml-logout.ts';
import type { ReplayStore } from '../store/replay-store.ts';
import { answerUnknownTenant, onDisk, readCookie, wantsJson } from '../sign-in/route-helpers.ts';
import { hasSaml } from '../config/oidc-only.ts';

export interface SamlRouterDeps {
  readonly tenants: readonly TenantConfig[];
  readonly clock: Clock;
  readonly spKeys: SpKeys;
  readonly directory: SsoDirectory;
  readonly requests: OutstandingRequests;
  readonly replay: ReplayCache;
  readonly sessions: SessionStore;
  readonly log: Logger;
  /** Resolves once the state written so far is on disk (the store's group commit); answers wait for it. */
  readonly durable?: () => Promise<void>;
  /** The admin's Enable of each tenant's SSO (./sso-enablement.ts); absent: the configured state alone. */
  readonly ssoState?: SsoEnablementStore;
  /** The IdP each tenant trusts now; by default metadata from a URL is refreshed with global fetch. */
  readonly idpTrust?: IdpTrust;
  /** Single Logout's state (./logout/); absent: no /logout and /slo routes, sessions keep no SessionIndex. */
  readonly logoutStore?: SamlLogoutStore & ReplayStore;
}

function publicUser(u: SsoUser) {
  return { id: u.id, userName: u.userName, active: u.active, email: u.email, givenName: u.givenName, familyName: u.familyName, displayName: u.displayName, groups: u.groups };
}

export function createSamlRouter(deps: SamlRouterDeps): Router {
  const router = express.Router();
  const byId = new Map(deps.tenants.map((t) => [t.id, t]));
  const idpTrust = deps.idpTrust ?? createIdpTrust(deps.tenants, { clock: deps.clock, log: deps.log });

  const tenantOf = (req: Request, res: Response): TenantConfig | undefined => {
    const tenant = byId.get(String(req.params['tenant']));
    if (!tenant) answerUnknownTenant(res, wantsJson(req), 'this SP has no tenant of that name');
    else if (!hasSaml(tenant)) {
      // An OpenID Connect-only tenant (../config/oidc-only.ts): no SAML route reads its (IdP-less) SAML section.
      answerUnknownTenant(res, wantsJson(req), 'this tenant signs in with OpenID Connect only (its /oidc/ routes)', 'tenant/no-saml');
      return undefined;
    }
    return tenant;
  };

  router.get('/saml/:tenant/metadata', (req, res) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    res.type('application/samlmetadata+xml').send(spMetadataXml(tenant, deps.spKeys));
  });

  const durable = (res: Response, tenant: TenantConfig, step: string) => onDisk(deps.durable, deps.log, 'saml.store', res, tenant.id, step);

  // An AuthnRequest remembered with this browser's binding and what it is for: a user's sign-in (GET login) or
  // the administrator's Test Connection (GET test-connection/start, the only sign-in a tenant whose SSO is not
  // enabled yet accepts: ./checks/check-sso-enabled.ts).
  const startSignIn = async (req: Request, res: Response, purpose: AuthnRequestPurpose, asked: string | undefined) => {
    const named = tenantOf(req, res);
    if (!named) return;
    const tenant = await idpTrust.current(named); // metadata from a URL, refreshed when due (./idp-metadata-refresh.ts)
    const expired = metadataExpiry(tenant.saml.idp, deps.clock.now()); // no AuthnRequest to an IdP whose metadata lapsed
    if (expired) return reply(req, res, tenant, expired);
    const next = resolveRelayState(asked, spOrigins(tenant.saml.acsUrls));
    if (!next.follow && next.reason !== 'absent') {
      deps.log.log('warn', 'saml.relay-state', { tenant: tenant.id, outcome: 'dropped', at: 'login', reason: next.reason, length: asked?.length });
    }
    const build = tenant.saml.authnRequestBinding === 'post' ? buildPostRequest : buildRedirectRequest;
    const request = build(tenant, deps.spKeys, deps.clock.now(), next.follow ? asked : undefined);
    const cookie = bindingCookie(tenant.saml.acsUrls[0]!);
    const binding = validBindingValue(readCookie(req, cookie.name)) ?? newBindingValue();
    const ttl = tenant.saml.authnRequestTtlSeconds;
    deps.requests.remember(tenant.id, request.id, ttl, cookieHash(binding), purpose, tenant.saml.requestedAuthnContext);
    if (!(await durable(res, tenant, 'authn-request'))) return;
    deps.log.log('info', 'saml.authn-request', { tenant: tenant.id, requestId: request.id, purpose });
    res.setHeader('Set-Cookie', bindingSetCookie(cookie, binding, ttl));
    res.setHeader('Cache-Control', 'no-store');
    if ('html' in request) res.status(200).type('html').send(request.html);
    else res.redirect(302, request.url);
  };

  router.get('/saml/:tenant/login', (req, res) => startSignIn(req, res, 'sign-in', typeof req.query['RelayState'] === 'string' ? req.query['RelayState'] : undefined));

  const reply = (req: Request, res: Response, tenant: TenantConfig, rejection: SamlRejection) => {
    if (wantsJson(req)) res.status(rejection.status).json({ error: rejection.code, detail: rejection.detail, tenant: tenant.id });
    else
      res
        .status(rejection.status)
        .type('html')
        .send(errorPageHtml(tenant.saml.errorPage, rejection, adviceLinks(tenant.id)));
  };

  const acs = async (req: Request, res: Response) => {
    const named = tenantOf(req, res);
    if (!named) return;
    const tenant = await idpTrust.current(named);
    const body = (req.method === 'GET' ? req.query : (req.body ?? {})) as Record<string, unknown>;
    const relayState = typeof body['RelayState'] === 'string' ? body['RelayState'] : undefined;
    const sentBinding = validBindingValue(readCookie(req, bindingCookie(tenant.saml.acsUrls[0]!).name));
    const browserBinding = sentBinding === undefined ? null : cookieHash(sentBinding);
    const result = await runAcsPipeline({ tenant, samlResponse: body['SAMLResponse'], relayState }, { ...deps, browserBinding }, acsPipelineFor(req.method, body));
    const assertionId = result.state.assertion?.getAttribute('ID') ?? undefined;
    if (!result.ok) {
      // An unexpected exception inside a check (a bug, never the sender's doing) is kept for this log line only.
      const cause = result.rejection.cause instanceof Error ? result.rejection.cause.message.slice(0, 200) : undefined;
      deps.log.log('warn', 'saml.acs', { tenant: tenant.id, outcome: 'rejected', code: result.rejection.code, detail: result.rejection.detail.message, assertionId, cause });
      // A JIT user or a consumed request may have been written before the refusal: on disk before answering.
      if (!(await durable(res, tenant, 'acs-rejected'))) return;
      reply(req, res, tenant, result.rejection);
      return;
    }
    const state = result.state;
    const user = state.user!;
    const attributes = state.attributes ?? {};
    let groups: GroupSyncOutcome | undefined;
    try {
      groups = syncGroups(deps.directory, tenant.id, user.id, tenant.saml, attributes);
    } catch (e) {
      deps.log.log('error', 'saml.acs', { tenant: tenant.id, outcome: 'error', step: 'group-sync', error: e instanceof Error ? e.message : String(e) });
      res.status(500).json({ error: 'server/error', detail: { message: 'group synchronisation failed' } });
      return;
    }
    if (groups?.skipped) {
      deps.log.log('warn', 'saml.group-sync', { tenant: tenant.id, userName: user.userName, skipped: groups.skipped, link: groups.link });
    }
    const current = groups ? (deps.directory.findUserByUserName(tenant.id, user.userName) ?? user) : user;
    // Before the administrator enables SSO (NinjaOne's step 7), the Test Connection's sign-in is only a test: its
    // session reaches the Test Connection page alone (its own cookie, on that path, for at most ten minutes), never
    // the application, so starting a Test Connection is no way to sign in early.
    const testOnly = state.requestPurpose === 'test-connection' && !ssoEnabled(deps.ssoState, tenant);
    const ttlSeconds = testOnly ? Math.min(tenant.saml.sessionTtlSeconds, TEST_CONNECTION_SESSION_SECONDS) : tenant.saml.sessionTtlSeconds;
    const session = deps.sessions.create({ tenantId: tenant.id, userId: current.id, userName: current.userName, attributes, nameId: state.nameId }, ttlSeconds);
    // Single Logout names this session by the assertion's SessionIndex and NameID Format (./logout/session-index.ts).
    const logoutKey = logoutKeyOf(state.assertion);
    deps.logoutStore?.setSessionLogoutKey(cookieHash(session.id), logoutKey.sessionIndex, logoutKey.nameIdFormat);
    // The assertion ID, the consumed request, a JIT user, group changes and the session: all on disk before
    // the browser is told it is signed in, so a crash right after cannot re-open the replay window.
    if (!(await durable(res, tenant, 'acs-accepted'))) return;
    const secure = tenant.saml.acsUrls[0]!.startsWith('https:') ? '; Secure' : '';
    res.setHeader(
      'Set-Cookie',
      testOnly
        ? `${TEST_CONNECTION_COOKIE}=${encodeURIComponent(session.id)}; Path=${testConnectionPath(tenant.id)}; HttpOnly; SameSite=Lax; Max-Age=${ttlSeconds}${secure}`
        : `${SESSION_COOKIE}=${encodeURIComponent(session.id)}; Path=/saml/${tenant.id}; HttpOnly; SameSite=Lax; Max-Age=${ttlSeconds}${secure}`,
    );
    deps.log.log('info', 'saml.acs', {
      tenant: tenant.id,
      outcome: 'accepted',
      userName: current.userName,
      assertionId,
      solicited: state.solicited,
      jitCreated: state.userCreated === true,
      profileUpdated: state.profileUpdated,
      groupsAdded: groups?.added,
      groupsRemoved: groups?.removed,
      groupSyncSkipped: groups?.skipped,
    });
    if (wantsJson(req)) {
      res.status(200).json({
        user: publicUser(current),
        session: { expiresAt: session.expiresAt },
        attributes,
        nameId: state.nameId,
        created: state.userCreated === true,
        profileUpdated: state.profileUpdated ?? [],
        groupSync: groups ?? null,
        relayState: relayState ?? null,
      });
      return;
    }
    const next = resolveRelayState(relayState, spOrigins(tenant.saml.acsUrls));
    if (next.follow) {
      res.redirect(303, next.location);
      return;
    }
    if (next.reason !== 'absent') {
      // Dropped, never followed (./relay-state.ts); only its length is logged, not the sender's text.
      deps.log.log('warn', 'saml.relay-state', { tenant: tenant.id, outcome: 'dropped', reason: next.reason, length: relayState?.length });
    }
    res
      .status(200)
      .type('html')
      .send(
        signedInPageHtml({
          tenantId: tenant.id,
          user: current,
          nameId: state.nameId,
          attributes,
          created: state.userCreated === true,
          signOutUrl: deps.logoutStore ? `/saml/${tenant.id}/logout` : undefined,
        }),
      );
  };
  // SAMLResponse (HTTP-POST) or SAMLart (HTTP-Artifact, by POST form or by redirect): ./artifact/acs-message.ts.
  router.post('/saml/:tenant/acs', express.urlencoded({ extended: false, limit: '2mb' }), acs);
  router.get('/saml/:tenant/acs', acs);

  router.get('/saml/:tenant/me', (req, res) => {
    const tenant = tenantOf(req, res);
    if (!tenant) return;
    const session = deps.sessions.get(readCookie(req, SESSION_COOKIE), tenant.id);
    if (!session) {
      res.status(401).json({ error: 'session/none', detail: { message: 'not signed in to this tenant' } });
      return;
    }
    const user = deps.directory.findUserByUserName(tenant.id, session.userName);
    // A session is one account's: deleted over SCIM (even when a new account of that userName was provisioned
    // since) or deactivated, it signs nobody in (../config/identity-policy.ts).
    if (!user || user.id !== session.userId || !user.active) {
      res.status(401).json({ error: 'session/none', detail: { message: 'the account of this session was deleted or deactivated' } });
      return;
    }
    res.json({ user: publicUser(user), session: { expiresAt: session.expiresAt }, attributes: session.attributes });
  });

  registerTestConnectionRoute(router, {
    sessions: deps.sessions,
    tenantOf,
    sessionCookie: (req) => readCookie(req, TEST_CONNECTION_COOKIE) ?? readCookie(req, SESSION_COOKIE),
    wantsJson,
    start: (req, res, relayState) => startSignIn(req, res, 'test-connection', relayState),
  });

  if (deps.logoutStore) {
    registerLogoutRoutes(router, {
      clock: deps.clock,
      spKeys: deps.spKeys,
      store: deps.logoutStore,
      sessions: deps.sessions,
      log: deps.log,
      durable: () => deps.durable?.() ?? Promise.resolve(),
      tenant: async (req, res) => {
        const named = tenantOf(req, res);
        return named && idpTrust.current(named);
      },
      cookie: readCookie,
      wantsJson,
    });
  }

  return router;
}
