/*
 * Single Logout at the reference SP (SAML Profiles §4.4), per tenant:
 * - GET  /saml/{tenant}/logout  SP-initiated: the session ends here at once (cookie cleared, row deleted), then
 *                               a signed LogoutRequest naming the session's NameID and SessionIndex goes to the
 *                               IdP's SingleLogoutService by the tenant's binding (singleLogout.binding); its ID is
 *                               remembered for the answer. An IdP without a SingleLogoutService: local logout only.
 * - GET|POST /saml/{tenant}/slo a LogoutRequest from the IdP (IdP-initiated or propagated): authenticated
 *                               (./receive.ts), then Issuer, Destination, NotOnOrAfter, replay, and the sessions it
 *                               names ended; answered with a signed LogoutResponse, Success or Requester + a
 *                               second-level status and the refusal's code (./logout-rejection.ts)
 *                               a LogoutResponse to our request: authenticated, Issuer, Destination, InResponseTo;
 *                               the user sees whether the IdP signed them out everywhere (Success) or not
 *                               (PartialLogout, Core §3.7.3.2)
 * Every decision is one structured log line; JSON or HTML by the Accept header; never a 500 for client input.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../../clock.ts';
import type { TenantConfig } from '../../config/types.ts';
import type { Logger } from '../../log.ts';
import type { SamlLogoutStore } from '../../store/saml-logout.ts';
import type { ReplayStore } from '../../store/replay-store.ts';
import { cookieHash } from '../../sign-in/cookie-hash.ts';
import type { SpKeys } from '../keys.ts';
import { SESSION_COOKIE, type SessionStore } from '../../sign-in/session.ts';
import { NS, attr, child, escapeXml } from '../xml.ts';
import { checkLogoutDestination } from './checks/check-destination.ts';
import { checkLogoutInResponseTo } from './checks/check-in-response-to.ts';
import { checkLogoutIssuer } from './checks/check-issuer.ts';
import { checkLogoutNotOnOrAfter } from './checks/check-not-on-or-after.ts';
import { endNamedSessions } from './checks/end-sessions.ts';
import { rejectLogoutReplay } from './checks/reject-replay.ts';
import { spSloUrl } from './endpoints.ts';
import { LogoutRejection, SAML_STATUS } from './logout-rejection.ts';
import { spLogoutRequest, spLogoutResponse } from './messages.ts';
import { receivePostLogout, receiveRedirectLogout, type ReceivedLogout } from './receive.ts';
import { sendLogout, type LogoutDelivery } from './send.ts';

export interface LogoutRouteDeps {
  readonly clock: Clock;
  readonly spKeys: SpKeys;
  readonly store: SamlLogoutStore & ReplayStore;
  readonly sessions: SessionStore;
  readonly log: Logger;
  readonly durable: () => Promise<void>;
  /** The named tenant with its current IdP (refreshed metadata), or undefined once a 404 was sent. */
  readonly tenant: (req: Request, res: Response) => Promise<TenantConfig | undefined>;
  readonly cookie: (req: Request, name: string) => string | undefined;
  readonly wantsJson: (req: Request) => boolean;
}

/** The verdict the IdP gave on our LogoutRequest, by its status codes (Core §3.2.2.2, §3.7.3.2). */
function verdictOf(response: Element): 'Success' | 'PartialLogout' | 'Failed' {
  const top = child(child(response, NS.samlp, 'Status') ?? response, NS.samlp, 'StatusCode');
  const sub = top ? attr(child(top, NS.samlp, 'StatusCode'), 'Value') : undefined;
  if (sub === SAML_STATUS.partialLogout) return 'PartialLogout';
  return attr(top, 'Value') === SAML_STATUS.success ? 'Success' : 'Failed';
}

export function registerLogoutRoutes(router: Router, deps: LogoutRouteDeps): void {
  const deliver = (res: Response, d: LogoutDelivery) => {
    res.setHeader('Cache-Control', 'no-store');
    if (d.kind === 'redirect') res.redirect(302, d.url);
    else res.type('html').send(d.html);
  };

  const signedOutPage = (req: Request, res: Response, tenant: TenantConfig, outcome: Record<string, unknown>) => {
    if (deps.wantsJson(req)) res.json({ tenant: tenant.id, ...outcome });
    else
      res
        .type('html')
        .send(
          `<!doctype html><title>Signed out</title><p data-logout="${escapeXml(String(outcome['logout']))}">You are signed out of ${escapeXml(tenant.id)}` +
            `${outcome['logout'] === 'PartialLogout' ? ', but the IdP could not sign you out of every application' : ''}.</p>`,
        );
  };

  const refuse = (req: Request, res: Response, tenant: TenantConfig, e: LogoutRejection) => {
    deps.log.log('warn', 'saml.logout', { tenant: tenant.id, outcome: 'rejected', code: e.code });
    if (deps.wantsJson(req)) res.status(e.status).json({ error: e.code, detail: { message: e.message, spec: e.spec }, tenant: tenant.id });
    else
      res
        .status(e.status)
        .type('html')
        .send(`<!doctype html><title>Logout refused</title><p data-error-code="${e.code}">${escapeXml(e.message)}</p>`);
  };

  router.get('/saml/:tenant/logout', async (req, res) => {
    const tenant = await deps.tenant(req, res);
    if (!tenant) return;
    const session = deps.sessions.get(deps.cookie(req, SESSION_COOKIE), tenant.id);
    if (!session) {
      res.status(401).json({ error: 'session/none', detail: { message: 'not signed in to this tenant' } });
      return;
    }
    const now = deps.clock.now();
    const hash = cookieHash(session.id);
    const key = deps.store.sessionLogoutKey(hash, tenant.id, now);
    deps.store.endSession(hash, tenant.id);
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/saml/${tenant.id}; HttpOnly; SameSite=Lax; Max-Age=0`);
    const idpSlo = tenant.saml.idp.sloUrl;
    if (!idpSlo || !key?.nameId) {
      await deps.durable();
      deps.log.log('info', 'saml.logout', { tenant: tenant.id, outcome: 'local-only' });
      signedOutPage(req, res, tenant, { logout: 'local' });
      return;
    }
    const request = spLogoutRequest({
      issuer: tenant.saml.spEntityId,
      destination: idpSlo,
      now,
      validForSeconds: tenant.saml.authnRequestTtlSeconds,
      nameId: key.nameId,
      nameIdFormat: key.nameIdFormat,
      sessionIndex: key.sessionIndex,
    });
    deps.store.rememberLogoutRequest(tenant.id, request.id, new Date(now.getTime() + tenant.saml.authnRequestTtlSeconds * 1000), now);
    await deps.durable();
    deps.log.log('info', 'saml.logout-request', { tenant: tenant.id, requestId: request.id, binding: tenant.saml.singleLogout.binding });
    deliver(res, sendLogout({ kind: 'LogoutRequest', ...request, to: idpSlo, binding: tenant.saml.singleLogout.binding }, deps.spKeys));
  });

  /** Answers the IdP's LogoutRequest with a signed LogoutResponse, Success or the refusal's status. */
  const answerIdp = (res: Response, tenant: TenantConfig, inResponseTo: string | undefined, relayState: string | undefined, refusal?: LogoutRejection) => {
    const to = tenant.saml.idp.sloUrl!;
    const response = spLogoutResponse({
      issuer: tenant.saml.spEntityId,
      destination: to,
      now: deps.clock.now(),
      inResponseTo,
      status: refusal ? SAML_STATUS.requester : SAML_STATUS.success,
      subStatus: refusal?.subStatus,
      code: refusal?.code,
    });
    deliver(res, sendLogout({ kind: 'LogoutResponse', ...response, to, binding: tenant.saml.singleLogout.binding, relayState }, deps.spKeys));
  };

  const handle = async (req: Request, res: Response, read: (tenant: TenantConfig) => ReceivedLogout) => {
    const tenant = await deps.tenant(req, res);
    if (!tenant) return;
    const now = deps.clock.now();
    let received: ReceivedLogout | undefined;
    try {
      received = read(tenant);
      checkLogoutIssuer(received.root, tenant.saml);
      checkLogoutDestination(received.root, spSloUrl(tenant));
      if (received.kind === 'LogoutResponse') {
        checkLogoutInResponseTo(received.root, tenant.id, deps.store, now);
        await deps.durable();
        const verdict = verdictOf(received.root);
        deps.log.log('info', 'saml.logout', { tenant: tenant.id, outcome: 'idp-answered', verdict });
        signedOutPage(req, res, tenant, { logout: verdict });
        return;
      }
      checkLogoutNotOnOrAfter(received.root, now, tenant.saml.clockSkewSeconds);
      rejectLogoutReplay(received.root, tenant.id, deps.store, now, tenant.saml.clockSkewSeconds);
      const ended = endNamedSessions(received.root, tenant.id, deps.store, now);
      await deps.durable();
      deps.log.log('info', 'saml.logout', { tenant: tenant.id, outcome: 'sessions-ended', ended });
      if (!tenant.saml.idp.sloUrl) signedOutPage(req, res, tenant, { logout: 'Success', ended });
      else answerIdp(res, tenant, attr(received.root, 'ID'), received.relayState);
    } catch (e) {
      if (!(e instanceof LogoutRejection)) throw e;
      await deps.durable();
      const kind = received?.kind ?? e.messageKind;
      // A refused LogoutRequest still gets its LogoutResponse, so the IdP can go on and report a partial logout.
      // Its InResponseTo repeats the request's ID only when that is a plain xs:ID (./request-id.ts): nothing else
      // the sender wrote goes back.
      if (kind === 'LogoutRequest' && tenant.saml.idp.sloUrl) {
        deps.log.log('warn', 'saml.logout', { tenant: tenant.id, outcome: 'rejected', code: e.code });
        answerIdp(res, tenant, received ? attr(received.root, 'ID') : e.requestId, received?.relayState, e);
      } else refuse(req, res, tenant, e);
    }
  };

  router.get('/saml/:tenant/slo', (req, res) => {
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    return handle(req, res, (tenant) => receiveRedirectLogout(query, tenant.saml));
  });
  router.post('/saml/:tenant/slo', express.urlencoded({ extended: false, limit: '512kb' }), (req, res) =>
    handle(req, res, (tenant) => receivePostLogout((req.body ?? {}) as Record<string, unknown>, tenant.saml)),
  );
}
