/*
 * HTTP surface of the mock IdP (express 5):
 *   GET  /metadata, /saml/metadata ...... IdP metadata (saml-metadata)
 *   GET  /saml/sso ...................... SP-initiated, HTTP-Redirect binding (saml-bindings §3.4)
 *   POST /saml/sso ...................... SP-initiated, HTTP-POST binding (saml-bindings §3.5)
 *   GET  /saml/idp-initiated?sp=&user= .. IdP-initiated (unsolicited) sign-in (saml-profiles §4.1.5)
 *   GET  /?sp=&RelayState=  POST /login . the login page (attributes previewed for the chosen SP) and its form;
 *                                        action=review answers with the assertion inspector instead of posting
 *   POST /saml/artifact ................. ArtifactResolutionService, SOAP (saml-bindings §3.6, ./artifact-routes.ts)
 *   /saml/slo, /saml/logout ............. Single Logout (./logout-routes.ts, saml-profiles §4.4)
 *   /control/* .......................... JSON control API (see docs/mock-idp.md); POST /control/sps/assignment-required
 *                                        and POST /control/assignments model Entra's user assignment
 * A request that names a queued user (PUT /control/next-sign-in) is answered at once with the auto-posting
 * form; so is one from a browser with a live IdP session (./idp-session.ts) unless it says ForceAuthn="true"
 * (saml-core §3.4.1); otherwise it waits on the login page, where signing in starts an IdP session. Every refusal
 * is a 4xx with a stable code: never a 500 for bad input.
 * The request policies (../saml/request-policy/decide-answer.ts) decide between those answers: IsPassive, a
 * RequestedAuthnContext the session or no sign-in method satisfies; a request the IdP will not honour is answered
 * with a signed Response carrying its Status (NoPassive, NoAuthnContext, InvalidNameIDPolicy) posted to the ACS.
 * The login page signs in with a password ("Sign in") or with MFA ("Sign in with MFA", action=mfa).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { IdpError, idpError } from '../saml/errors.ts';
import { parseAuthnRequest, type AuthnRequestInfo } from '../saml/bindings/authn-request.ts';
import { decodeRedirectRequest } from '../saml/bindings/redirect-binding.ts';
import { decodePostRequest, isPostRequestSigned, verifyPostRequestSignature } from '../saml/bindings/post-binding.ts';
import type { MetadataSource } from '../saml/sp-registry/sp-registry.ts';
import { registerArtifactRoutes } from './artifact-routes.ts';
import type { IssuedResponse, MockIdpControl } from './control.ts';
import { escapeHtml } from './html.ts';
import { registerKeyRoutes } from './key-routes.ts';
import { IDP_SESSION_COOKIE, readCookie } from './idp-session.ts';
import { loginPage } from './login-page.ts';
import { registerLogoutRoutes } from './logout-routes.ts';
import { page } from './page-style.ts';
import { reviewPage } from './review-page.ts';
import { CLASS_OF_METHOD, type AuthnMethod } from '../saml/request-policy/authn-context-classes.ts';
import { decideAnswer, methodsFor } from '../saml/request-policy/decide-answer.ts';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The browser takes the answer to the SP: by the self-posting form, or by redirect when an artifact goes that way. */
function deliver(res: Response, issued: IssuedResponse): void {
  if (issued.redirect !== undefined) res.redirect(302, issued.redirect);
  else res.type('html').send(issued.html);
}

export function buildRoutes(control: MockIdpControl): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const form = express.urlencoded({ extended: false, limit: '512kb' });
  const json = express.json({ limit: '1mb' });

  const sendMetadata = (_req: Request, res: Response) => {
    res.type('application/samlmetadata+xml').send(control.publishedMetadataXml()); // ./key-routes.ts: validity, signature, rollover keys
  };
  app.get('/metadata', sendMetadata);
  app.get('/saml/metadata', sendMetadata);
  // HTTP-Artifact binding: the ArtifactResolutionService (SOAP) and its control endpoints (./artifact-routes.ts).
  registerArtifactRoutes(app, control);

  const renderLogin = (res: Response, opts: { pendingId?: string; spEntityId?: string; relayState?: string; authnMethods?: readonly AuthnMethod[] }) => {
    // A named SP must exist (a typo is a refusal, not a silent switch to another SP); none named → the first.
    const sp = opts.spEntityId ? control.requireSp(opts.spEntityId) : control.sps.list()[0];
    res.type('html').send(
      loginPage({
        entityId: control.ctx.entityId,
        users: control.listUsers(),
        sps: control.sps.list(),
        sp,
        pendingId: opts.pendingId,
        relayState: opts.relayState,
        authnMethods: opts.authnMethods,
        attributesFor: (s, u) => ({ nameId: control.nameIdFor(s, u).value, attributes: control.attributesFor(s, u) }),
        signedInAs: control.sessions.find(readCookie(res.req.headers.cookie, IDP_SESSION_COOKIE))?.login,
      }),
    );
  };

  /** Common tail of both bindings: known SP, signature policy, then answer or hold for the login page. */
  const receive = async (
    req: Request,
    res: Response,
    request: AuthnRequestInfo,
    relayState: string | undefined,
    signature: { signed: boolean; verify: (certPem: string) => void },
  ) => {
    const sp = control.requireSp(request.issuer);
    if (signature.signed) {
      // A signature that is present is checked even when the SP need not sign: a bad one is never ignored.
      if (!sp.signingCertPem) throw idpError('request/signature-invalid', `${sp.entityId} has no registered signing certificate`);
      signature.verify(sp.signingCertPem);
    } else if (sp.authnRequestsSigned) {
      throw idpError('request/signature-missing', `${sp.entityId} is registered with AuthnRequestsSigned; the request is unsigned`);
    }
    // A live IdP session answers at once, unless the SP asked the IdP to authenticate the user again.
    const session = control.sessions.find(readCookie(req.headers.cookie, IDP_SESSION_COOKIE));
    const answer = decideAnswer({ request, session, queued: control.hasQueuedUser(), sp });
    if (answer.kind === 'refuse') {
      if (control.hasQueuedUser() && !request.isPassive) control.clearNextSignIn(); // the attempt used it
      res.type('html').send(control.refuseRequest({ spEntityId: sp.entityId, request, relayState, refusal: answer.refusal }).html);
      return;
    }
    if (answer.kind === 'queued') {
      const issued = await control.issue({ spEntityId: sp.entityId, request, relayState });
      deliver(res, issued);
      return;
    }
    if (session && answer.kind === 'session') {
      const authnMethod: AuthnMethod = session.authnContextClassRef === CLASS_OF_METHOD.mfa ? 'mfa' : 'password';
      const issued = await control.issue({ spEntityId: sp.entityId, user: session.login, request, relayState, sessionIndex: session.sessionIndex, authnMethod });
      deliver(res, issued);
      return;
    }
    const held = control.holdRequest(sp.entityId, request, relayState);
    renderLogin(res, { pendingId: held.id, spEntityId: sp.entityId, ...(answer.kind === 'login' ? { authnMethods: answer.methods } : {}) });
  };

  app.get('/saml/sso', async (req, res) => {
    const rawQuery = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const message = decodeRedirectRequest(rawQuery);
    const request = parseAuthnRequest(message.xml);
    await receive(req, res, request, message.relayState, { signed: message.signed, verify: (c) => message.verify(c) });
  });

  app.post('/saml/sso', form, async (req, res) => {
    const message = decodePostRequest((req.body ?? {}) as Record<string, unknown>);
    const request = parseAuthnRequest(message.xml);
    await receive(req, res, request, message.relayState, {
      signed: isPostRequestSigned(request),
      verify: (c) => verifyPostRequestSignature(request, c),
    });
  });

  app.get('/saml/idp-initiated', async (req, res) => {
    const sp = str(req.query['sp']);
    const user = str(req.query['user']);
    const relayState = str(req.query['RelayState']);
    if (!sp) throw idpError('request/unknown-sp', 'name the SP: /saml/idp-initiated?sp=<entity ID>');
    control.requireSp(sp);
    if (!user && !control.hasQueuedUser()) {
      renderLogin(res, { spEntityId: sp, ...(relayState ? { relayState } : {}) });
      return;
    }
    const issued = await control.idpInitiated({ sp, user, relayState });
    deliver(res, issued);
  });

  app.get('/', (req, res) => {
    const pending = str(req.query['pending']);
    if (pending) {
      const held = control.pendingRequest(pending);
      renderLogin(res, { pendingId: held.id, spEntityId: held.spEntityId, authnMethods: methodsFor(held.request.requestedAuthnContext) });
      return;
    }
    const sp = str(req.query['sp']);
    const relayState = str(req.query['RelayState']);
    renderLogin(res, { ...(sp ? { spEntityId: sp } : {}), ...(relayState ? { relayState } : {}) });
  });

  app.post('/login', form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const user = str(body['user']);
    if (!user) throw idpError('user/unknown', 'choose a user');
    const pending = str(body['pending']);
    const authnMethod: AuthnMethod = body['action'] === 'mfa' ? 'mfa' : 'password';
    // Signing in here authenticates the user: a new IdP session, whose SessionIndex the response carries.
    const started = control.sessions.start(control.findUser(user)?.login ?? user, CLASS_OF_METHOD[authnMethod]);
    const { sessionIndex } = started.session;
    let issued: IssuedResponse;
    try {
      issued = pending
        ? await control.completePending(pending, user, sessionIndex, authnMethod)
        : await control.idpInitiated({ sp: str(body['sp']) ?? '', user, relayState: str(body['RelayState']), sessionIndex, authnMethod });
    } catch (e) {
      control.sessions.end(started.id);
      throw e;
    }
    res.setHeader('Set-Cookie', control.sessions.setCookie(started.id, control.ctx.baseUrl));
    if (body['action'] === 'review') {
      res.type('html').send(
        reviewPage({
          entityId: control.ctx.entityId,
          action: issued.action,
          fields: issued.fields,
          xml: issued.built.xml,
          spEntityId: issued.spEntityId,
          user: issued.user,
          responseId: issued.built.responseId,
        }),
      );
      return;
    }
    deliver(res, issued);
  });

  // ---- control API ----
  const c = express.Router();
  c.use(json);
  registerKeyRoutes(c, control); // /control/keys/* and /control/metadata
  c.get('/state', (_req, res) => {
    res.json(control.state());
  });
  c.put('/next-sign-in', (req, res) => {
    control.setNextSignIn(req.body);
    res.json(control.state().nextSignIn);
  });
  c.delete('/next-sign-in', (_req, res) => {
    control.clearNextSignIn();
    res.status(204).end();
  });
  c.post('/users', (req, res) => {
    res.status(201).json(control.addUser(req.body));
  });
  c.post('/sps', async (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null) throw idpError('control/bad-body', 'expected a JSON object');
    if ('metadata' in body) {
      const m = body['metadata'] as Record<string, unknown> | undefined;
      const source: MetadataSource | undefined =
        typeof m?.['xml'] === 'string' ? { xml: m['xml'] } : typeof m?.['url'] === 'string' ? { url: m['url'] } : typeof m?.['file'] === 'string' ? { file: m['file'] } : undefined;
      if (!source) throw idpError('control/bad-body', 'metadata must be { xml } | { url } | { file }');
      const overrides = (body['overrides'] ?? {}) as object;
      res.status(201).json(await control.registerSpFromMetadata(source, overrides));
      return;
    }
    res.status(201).json(control.registerSp(body as never));
  });
  // Entra's "Assignment required?" = Yes for an SP's app, then users assigned to it one by one.
  c.post('/sps/assignment-required', (req, res) => {
    const sp = str((req.body as Record<string, unknown> | undefined)?.['sp']);
    if (!sp) throw idpError('control/bad-body', 'sp (entity ID) is required');
    control.requireAssignment(sp);
    res.status(204).end();
  });
  c.post('/assignments', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sp = str(body['sp']);
    const user = str(body['user']);
    if (!sp || !user) throw idpError('control/bad-body', 'sp (entity ID) and user (login or email) are required');
    control.assignUser(sp, user);
    res.status(204).end();
  });
  c.delete('/sps', (req, res) => {
    const entityId = str(req.query['entityId']);
    if (!entityId || !control.removeSp(entityId)) throw idpError('request/unknown-sp', 'no such SP');
    res.status(204).end();
  });
  c.post('/idp-initiated', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sp = str(body['sp']);
    if (!sp) throw idpError('control/bad-body', 'sp (entity ID) is required');
    const issued = await control.idpInitiated({ sp, user: str(body['user']), relayState: str(body['relayState']) });
    res.json({ action: issued.action, fields: issued.fields, responseId: issued.built.responseId });
  });
  c.get('/last-response', (_req, res) => {
    const last = control.lastResponse();
    if (!last) {
      res.status(404).json({ error: 'response/none', message: 'no Response issued yet' });
      return;
    }
    res.type('application/xml').send(last.built.xml);
  });
  app.use('/control', c);
  registerLogoutRoutes(app, control); // Single Logout: /saml/slo, /saml/logout, /control/logout (./logout-routes.ts)

  app.use((req, res) => {
    res.status(404).json({ error: 'not-found', message: `${req.method} ${req.path} is not an IdP endpoint` });
  });

  // Error boundary: typed refusals go out with their code; body-parser errors are the caller's; anything else
  // is a generic 500 that leaks nothing.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let status = 500;
    let code = 'server/error';
    let message = 'internal error';
    if (err instanceof IdpError && err.expose) {
      ({ status, code, message } = err);
    } else if (typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status < 500) {
      status = err.status;
      code = req.path.startsWith('/control') ? 'control/bad-body' : 'request/bad-body';
      message = (err as unknown as Error).message;
    }
    if (req.accepts(['json', 'html']) === 'html' && !req.path.startsWith('/control')) {
      res
        .status(status)
        .type('html')
        .send(
          page(
            'IdP error',
            `<section class="card"><h1>The IdP refused this request</h1><p><code class="error-code" data-error-code="${escapeHtml(code)}">${escapeHtml(code)}</code></p><p>${escapeHtml(message)}</p><p><a href="/">Back to the login page</a></p></section>`,
            control.ctx.entityId,
          ),
        );
      return;
    }
    res.status(status).json({ error: code, message });
  });
  return app;
}
