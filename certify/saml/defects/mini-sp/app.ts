/*
 * The mini SP: a small, strict SAML service provider written from the specs with xml-crypto 6 and
 * @xmldom/xmldom directly, independent of reference-sp/ (it imports nothing from it), so the certification's
 * verdicts are proven against a second implementation. Routes, on 127.0.0.1 and an ephemeral port:
 * - GET /metadata  SP metadata (./metadata.ts)
 * - GET /login     an AuthnRequest over HTTP-Redirect (./authn-request.ts), RelayState passed along, the request
 *                  bound to this browser by a random cookie (saml-profiles §4.1.4.3 leaves the binding to the SP)
 * - POST /acs      the response through the rule table (./rules.ts); 302 to the RelayState target on success,
 *                  403 with the refusal code only otherwise (nothing from the message is echoed)
 * - GET /whoami    {"user": "<NameID>"} for the session cookie, 401 without a session
 * Outstanding requests wait REQUEST_TTL_MS; bodies above BODY_LIMIT are refused by the parser (413).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { generatedKeyPair, systemClock } from '../../../../mock-idp/index.ts';
import { authnRequestXml, newRequestId, redirectUrl } from './authn-request.ts';
import { trustedIdpFromMetadata } from './idp-trust.ts';
import { spMetadataXml } from './metadata.ts';
import { MiniSpRefusal } from './refusal.ts';
import { withReplacement, type MiniSpRules, type RuleReplacement } from './rules.ts';
import type { AcsState, MiniSpContext } from './state.ts';

const REQUEST_TTL_MS = 5 * 60_000;
const BODY_LIMIT = '1mb';
const DEFAULT_SKEW_MS = 60_000;
const REQUEST_COOKIE = 'mini_sp_request';
const SESSION_COOKIE = 'mini_sp_session';

export interface MiniSpOptions {
  /** The one IdP this SP trusts, as its metadata XML. */
  readonly idpMetadataXml: string;
  /** One rule replaced by its vulnerable version (a defect SP); none for the strict SP. */
  readonly replacement?: RuleReplacement | undefined;
  readonly now?: (() => number) | undefined;
  readonly skewMs?: number | undefined;
}

export interface RunningMiniSp {
  readonly origin: string;
  readonly entityId: string;
  readonly metadataUrl: string;
  readonly loginUrl: string;
  readonly acsUrl: string;
  readonly whoamiUrl: string;
  readonly metadataXml: string;
  readonly context: MiniSpContext;
  close(): Promise<void>;
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

async function runAcs(rules: MiniSpRules, state: AcsState): Promise<void> {
  for (const rule of Object.values(rules.acs)) await rule(state);
}

function buildApp(ctx: MiniSpContext, rules: MiniSpRules, metadataXml: string) {
  const app = express();
  app.disable('x-powered-by');

  app.get('/metadata', (_req, res) => {
    res.type('application/samlmetadata+xml').send(metadataXml);
  });

  app.get('/login', (req, res) => {
    const now = ctx.now();
    for (const [id, request] of ctx.requests) if (request.expiresAt <= now) ctx.requests.delete(id);
    const id = newRequestId();
    const binding = randomBytes(24).toString('hex');
    ctx.requests.set(id, { binding, expiresAt: now + REQUEST_TTL_MS, answered: false });
    const relayState = typeof req.query['RelayState'] === 'string' ? req.query['RelayState'] : undefined;
    const xml = authnRequestXml(id, { spEntityId: ctx.entityId, acsUrl: ctx.acsUrl, ssoUrl: ctx.idp.ssoUrl, now: new Date(now) });
    res.setHeader('set-cookie', `${REQUEST_COOKIE}=${binding}; Path=/; HttpOnly`);
    res.redirect(302, redirectUrl(ctx.idp.ssoUrl, xml, relayState));
  });

  app.post('/acs', express.urlencoded({ extended: false, limit: BODY_LIMIT }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const state: AcsState = { ctx, posted: body['SAMLResponse'], requestBinding: cookie(req, REQUEST_COOKIE) };
    try {
      await runAcs(rules, state);
    } catch (e) {
      const code = e instanceof MiniSpRefusal ? e.code : 'response/invalid';
      res.status(403).type('text/plain').send(`sign-in refused: ${code}`);
      return;
    }
    const session = randomBytes(24).toString('hex');
    ctx.sessions.set(session, state.nameId!);
    res.setHeader('set-cookie', `${SESSION_COOKIE}=${session}; Path=/; HttpOnly`);
    res.redirect(302, rules.relayTarget(body['RelayState'], ctx.origin));
  });

  app.get('/whoami', (req, res) => {
    const user = ctx.sessions.get(cookie(req, SESSION_COOKIE) ?? '');
    if (user === undefined) res.status(401).json({ error: 'not signed in' });
    else res.json({ user });
  });

  app.get('/', (_req, res) => {
    res.type('text/plain').send('sso-harness mini SP: /login, /acs, /whoami, /metadata');
  });

  // Body-parser refusals (413 too large, 400 bad encoding) and anything unexpected: a status and a fixed text.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: unknown }).status;
    res
      .status(typeof status === 'number' && status >= 400 && status < 500 ? status : 400)
      .type('text/plain')
      .send('request refused');
  });
  return app;
}

/** Starts the strict mini SP (or a defect SP, with one replaced rule) on 127.0.0.1 and a free port. */
export async function startMiniSp(options: MiniSpOptions): Promise<RunningMiniSp> {
  const idp = trustedIdpFromMetadata(options.idpMetadataXml);
  const rules = withReplacement(options.replacement);
  const keys = generatedKeyPair('mini-sp', systemClock);
  // Listen first: the SP's URLs (entity ID, ACS) need its port; the app is attached before anyone knows it.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const ctx: MiniSpContext = {
    origin,
    entityId: `${origin}/metadata`,
    acsUrl: `${origin}/acs`,
    idp,
    keys,
    now: options.now ?? (() => Date.now()),
    skewMs: options.skewMs ?? DEFAULT_SKEW_MS,
    requests: new Map(),
    seenAssertions: new Map(),
    sessions: new Map(),
  };
  const metadataXml = spMetadataXml({ entityId: ctx.entityId, acsUrl: ctx.acsUrl, certificatePem: keys.certificatePem });
  const app = buildApp(ctx, rules, metadataXml);
  server.on('request', app);
  return {
    origin,
    entityId: ctx.entityId,
    metadataUrl: ctx.entityId,
    loginUrl: `${origin}/login`,
    acsUrl: ctx.acsUrl,
    whoamiUrl: `${origin}/whoami`,
    metadataXml,
    context: ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
