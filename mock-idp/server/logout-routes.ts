/*
 * HTTP surface of Single Logout at the mock IdP (../saml/logout/, SAML Profiles §4.4):
 *   GET  /saml/slo .................. SingleLogoutService, HTTP-Redirect binding (Bindings §3.4): a LogoutRequest
 *                                     from an SP, or a participant's LogoutResponse
 *   POST /saml/slo .................. the same over HTTP-POST (Bindings §3.5)
 *   GET  /saml/slo/continue ......... the browser came back without the participant's answer: past the bound it
 *                                     failed (logout/no-answer) and the next is asked; before it, 409
 *                                     logout/awaiting-answer. The run is this browser's (cookie idp_slo_run)
 *   POST /saml/logout ............... "Sign out everywhere" on the login page: IdP-initiated, for this browser's session
 *   POST /control/logout ............ { "user": login } IdP-initiated for every session of that user; answers the
 *                                     run's id and the first message for a browser to deliver (or the verdict)
 *   GET  /control/logout/:id ........ where a logout stands: each participant's outcome, then the verdict
 *   POST /control/logout/deviations . { "sp", "deviations": ["unsigned" | "wrongSessionIndex" | "expired" | "replayed"] }
 * Every step answers the browser with a redirect, a self-posting form, or (IdP-initiated, at the end) a page
 * stating the verdict; a refusal is a 4xx with its logout/* code, like every IdP refusal.
 */
import express, { type Request, type Response } from 'express';
import { idpError } from '../saml/errors.ts';
import { receivePost, receiveRedirect, type ReceivedOverBinding } from '../saml/logout/bindings.ts';
import type { ReceivedLogoutRequest, ReceivedLogoutResponse } from '../saml/logout/parse.ts';
import { RUN_TTL_MS, type LogoutRunView, type LogoutStep } from '../saml/logout/single-logout.ts';
import type { MockIdpControl } from './control.ts';
import { escapeHtml } from './html.ts';
import { IDP_SESSION_COOKIE, readCookie } from './idp-session.ts';
import { page } from './page-style.ts';

/** The cookie naming the logout run this browser is walking through (../saml/logout/single-logout.ts moveOn). */
export const SLO_RUN_COOKIE = 'idp_slo_run';

function donePage(run: LogoutRunView, entityId: string): string {
  const rows = run.results
    .map(
      (r) =>
        `<li data-sp="${escapeHtml(r.spEntityId)}" data-outcome="${r.outcome}"><code>${escapeHtml(r.spEntityId)}</code>: ${r.outcome}${r.code ? ` (<code>${escapeHtml(r.code)}</code>)` : ''}</li>`,
    )
    .join('');
  return page(
    'Signed out',
    `<section class="card" data-logout-verdict="${run.verdict ?? ''}"><h1>${run.verdict === 'Success' ? 'You are signed out everywhere' : 'You are signed out of the IdP, but not of every application'}</h1>` +
      `<ul>${rows || '<li>No application took part in this session.</li>'}</ul><p><a href="/">Back to the login page</a></p></section>`,
    entityId,
  );
}

export function registerLogoutRoutes(app: express.Express, control: MockIdpControl): void {
  const form = express.urlencoded({ extended: false, limit: '512kb' });

  const answer = (req: Request, res: Response, step: LogoutStep) => {
    res.setHeader('Cache-Control', 'no-store');
    // The browser's own IdP session may have just ended: its cookie goes with it.
    const cookie = readCookie(req.headers.cookie, IDP_SESSION_COOKIE);
    if (cookie !== undefined && !control.sessions.find(cookie)) res.append('Set-Cookie', `${IDP_SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    // Which logout this browser is in, so that it can move on past a participant that never answers.
    if (step.kind !== 'done' && step.runId !== undefined)
      res.append('Set-Cookie', `${SLO_RUN_COOKIE}=${step.runId}; Path=/saml/slo; HttpOnly; SameSite=Lax; Max-Age=${RUN_TTL_MS / 1000}`);
    else if (readCookie(req.headers.cookie, SLO_RUN_COOKIE) !== undefined) res.append('Set-Cookie', `${SLO_RUN_COOKIE}=; Path=/saml/slo; HttpOnly; SameSite=Lax; Max-Age=0`);
    if (step.kind === 'redirect') res.redirect(302, step.url);
    else if (step.kind === 'post') res.type('html').send(step.html);
    else if (req.accepts(['html', 'json']) === 'json') res.json(step.run);
    else res.type('html').send(donePage(step.run, control.ctx.entityId));
  };

  const receive = (req: Request, res: Response, received: ReceivedOverBinding) => {
    const m = received.message;
    const step =
      m.kind === 'LogoutRequest'
        ? control.logout.fromSp(received as ReceivedOverBinding & { message: ReceivedLogoutRequest }, readCookie(req.headers.cookie, IDP_SESSION_COOKIE))
        : control.logout.onResponse(received as ReceivedOverBinding & { message: ReceivedLogoutResponse });
    answer(req, res, step);
  };

  app.get('/saml/slo/continue', (req, res) => {
    answer(req, res, control.logout.moveOn(readCookie(req.headers.cookie, SLO_RUN_COOKIE)));
  });
  app.get('/saml/slo', (req, res) => {
    const rawQuery = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    receive(req, res, receiveRedirect(rawQuery));
  });
  app.post('/saml/slo', form, (req, res) => {
    receive(req, res, receivePost((req.body ?? {}) as Record<string, unknown>));
  });
  app.post('/saml/logout', form, (req, res) => {
    const id = readCookie(req.headers.cookie, IDP_SESSION_COOKIE);
    if (!id || !control.sessions.find(id)) throw idpError('logout/no-session', 'this browser has no IdP session to sign out of', 404);
    answer(req, res, control.logout.fromIdp({ sessionId: id }));
  });

  const c = express.Router();
  c.use(express.json({ limit: '64kb' }));
  c.post('/logout/deviations', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body['sp'] !== 'string') throw idpError('control/bad-body', 'sp (entity ID) is required');
    control.logout.deviate(body['sp'], body['deviations']);
    res.status(204).end();
  });
  c.post('/logout', (req, res) => {
    const user = (req.body as Record<string, unknown> | undefined)?.['user'];
    if (typeof user !== 'string' || user === '') throw idpError('control/bad-body', 'user (login) is required');
    const login = control.findUser(user)?.login ?? user;
    const step = control.logout.fromIdp({ login });
    if (step.kind === 'done') res.json({ runId: step.run.id, next: null, run: step.run });
    else
      res.json({
        runId: control.logout.lastRun()?.id,
        next: step.kind === 'redirect' ? { binding: 'redirect', url: step.url } : { binding: 'post', url: step.url, fields: step.fields },
      });
  });
  c.get('/logout/:id', (req, res) => {
    res.json(control.logout.run(String(req.params['id'])));
  });
  app.use('/control', c);
}
