/*
 * The reference SP as one Express 5 app: SAML routes under /saml/{tenant}/… and the SCIM 2.0 router.
 * Every client error answers with a precise 4xx (JSON or HTML by the Accept header); a 500 is reserved for a
 * genuine server fault and never echoes internals.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Clock } from '../clock.ts';
import type { ReferenceSpConfig } from '../config/types.ts';
import { silentLogger, type Logger } from '../log.ts';
import { loadOrCreateSpKeys, type SpKeys } from '../saml/keys.ts';
import { storedReplayCache, type ReplayCache } from '../saml/replay-cache.ts';
import { storedOutstandingRequests, type OutstandingRequests } from '../sign-in/request-store.ts';
import { createSamlRouter } from '../saml/routes.ts';
import { wantsJson } from '../sign-in/route-helpers.ts';
import { createSessionStore, type SessionStore } from '../sign-in/session.ts';
import { createScimRouter } from '../scim/router.ts';
import { createOidcRouter } from '../oidc/routes.ts';
import { landingPage } from './landing-page.ts';
import type { Store } from '../store/types.ts';

export interface ReferenceSpDeps {
  readonly config: ReferenceSpConfig;
  readonly clock: Clock;
  /** The user store: the SCIM server's, which the SAML side reads through the SsoDirectory port. */
  readonly store: Store;
  /** Token for the admin API (Aritma's flow); defaults to SSO_HARNESS_ADMIN_TOKEN. */
  readonly adminToken?: string | undefined;
  readonly log?: Logger;
  /** Reuse keys (e.g. to keep metadata stable across app instances in a test); else from config.dataDir. */
  readonly spKeys?: SpKeys;
}

export interface ReferenceSp {
  readonly app: Express;
  readonly config: ReferenceSpConfig;
  readonly spKeys: SpKeys;
  readonly requests: OutstandingRequests;
  readonly replay: ReplayCache;
  readonly sessions: SessionStore;
}

export function createReferenceSp(deps: ReferenceSpDeps): ReferenceSp {
  const { config, clock, store } = deps;
  const log = deps.log ?? silentLogger;
  const spKeys = deps.spKeys ?? loadOrCreateSpKeys(config.dataDir, clock.now());
  for (const t of config.tenants) store.ensureTenant(t.id, t.profile);
  // The SAML side's state lives in the store, so a restart keeps pending sign-ins, the replay cache and sessions.
  const requests = storedOutstandingRequests(store, clock);
  const replay = storedReplayCache(store, clock);
  const sessions = createSessionStore(clock, store);

  const app = express();
  app.disable('x-powered-by');
  // SCIM first: provisioning sends the most requests by far (a 100k-user initial cycle is 230k of them), and
  // behind the landing page and the SAML and OIDC routers each one was matched against every browser route
  // first. No path is shared: SCIM serves /scim/v2, /v1/orgs, /ws/scim/v2 and /admin/v1, the others / , /saml, /oidc.
  app.use(createScimRouter({ config, clock, store, adminToken: deps.adminToken }));
  app.use(landingPage(config, store));
  app.use(
    createSamlRouter({
      tenants: config.tenants,
      clock,
      spKeys,
      directory: store,
      requests,
      replay,
      sessions,
      log,
      ssoState: store,
      durable: () => store.durable(),
      logoutStore: store,
    }),
  );
  app.use(
    createOidcRouter({
      tenants: config.tenants,
      clock,
      spPrivateKeyPem: spKeys.privateKeyPem,
      directory: store,
      requests,
      sessions,
      tokens: store,
      ssoState: store,
      log,
      durable: () => store.durable(),
    }),
  );
  app.use((req: Request, res: Response) => {
    if (wantsJson(req)) res.status(404).json({ error: 'route/unknown', detail: { message: `no route ${req.method} ${req.path}` } });
    else res.status(404).type('text/plain').send(`no route ${req.method} ${req.path}`);
  });

  // Body parser failures (malformed or oversized bodies) are the client's: 4xx, never 500.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown })?.status === 'number' ? (err as { status: number }).status : 500;
    if (status < 500) {
      const type = String((err as { type?: unknown }).type ?? 'request/invalid');
      const detail = { message: err instanceof Error ? err.message : 'bad request', type };
      log.log('warn', 'http.client-error', { method: req.method, path: req.path, status, type });
      if (wantsJson(req)) res.status(status).json({ error: status === 413 ? 'request/too-large' : 'request/invalid', detail });
      else res.status(status).type('text/plain').send(detail.message);
      return;
    }
    log.log('error', 'http.server-error', { method: req.method, path: req.path, error: err instanceof Error ? err.message : String(err) });
    res.status(500).json({ error: 'server/error', detail: { message: 'internal error' } });
  });

  return { app, config, spKeys, requests, replay, sessions };
}
