/*
 * GET /saml/{tenant}/test-connection (SonarQube's "Test Connection", ./test-connection.ts):
 * - Accept: application/json → 200 with the result of the last sign-in of this browser to the tenant, or 404
 *   `test-connection/not-run` when this browser has no session of the tenant (no test ran, or it was refused:
 *   the ACS showed why);
 * - otherwise the page (./test-connection-page.ts) with the Test Connection button and the result, if any.
 * GET /saml/{tenant}/test-connection/start (the button): an SP-initiated sign-in whose AuthnRequest is recorded as
 * the Test Connection's, coming back to this page. It is the only sign-in a tenant whose SSO is not enabled yet
 * accepts (NinjaOne's step 7, ./checks/check-sso-enabled.ts): the request, not the RelayState, makes it a test.
 */
import type { Request, Response, Router } from 'express';
import type { TenantConfig } from '../config/types.ts';
import type { SessionStore } from '../sign-in/session.ts';
import { testConnectionPageHtml, testConnectionPath } from './test-connection-page.ts';
import { testConnectionResult } from './test-connection.ts';

export interface TestConnectionDeps {
  readonly sessions: SessionStore;
  /** The tenant the request names, or undefined once a 404 was answered. */
  readonly tenantOf: (req: Request, res: Response) => TenantConfig | undefined;
  /** The session cookie's value, if the browser sent one. */
  readonly sessionCookie: (req: Request) => string | undefined;
  readonly wantsJson: (req: Request) => boolean;
  /** Sends a Test Connection AuthnRequest to the IdP (../routes.ts), with `relayState` to come back to. */
  readonly start: (req: Request, res: Response, relayState: string) => Promise<void>;
}

export function registerTestConnectionRoute(router: Router, deps: TestConnectionDeps): void {
  router.get('/saml/:tenant/test-connection/start', (req, res) => deps.start(req, res, testConnectionPath(String(req.params['tenant']))));

  router.get('/saml/:tenant/test-connection', (req, res) => {
    const tenant = deps.tenantOf(req, res);
    if (!tenant) return;
    const session = deps.sessions.get(deps.sessionCookie(req), tenant.id);
    const result = session && testConnectionResult(tenant.id, tenant.saml, session.attributes, session.nameId);
    res.setHeader('Cache-Control', 'no-store');
    if (deps.wantsJson(req)) {
      if (result) res.json(result);
      else res.status(404).json({ error: 'test-connection/not-run', detail: { message: 'no sign-in of this browser to this tenant: select Test Connection first' } });
      return;
    }
    res.type('html').send(testConnectionPageHtml(tenant.id, result));
  });
}
