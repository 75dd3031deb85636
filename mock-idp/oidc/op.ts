/*
 * MockOpenIdProvider: the mock IdP as an OpenID Provider — panva's oidc-provider (certified) per issuer, with the
 * vendor shapes of ./issuers.ts and ./presets/, over the SAML side's directory and IdP session. For in-process use
 * (steps call these methods) and behind the control API (./control-routes.ts calls the same ones):
 * - issuers are made on first use: generic, okta `default` and Entra's example tenant answer without
 *   registration; other Okta authorization servers and Entra tenants exist once a client is registered there
 * - clients (./clients/oidc-client.ts), validated with ajv; registering one with a new groups claim name rebuilds
 *   its issuer's Provider (oidc-provider fixes its claim names at construction; sessions and grants survive)
 * - the queued next sign-in (user + deviations, used once) and the deviations themselves (./deviations/), applied
 *   to the authorization redirect and the token response after oidc-provider produced them
 * - key rotation (./keys/signing-keys.ts): every issuer's Provider is rebuilt with the new key only
 * - the issued ID tokens (last 50), so steps can look at what was sent
 * - per client, who is assigned to it (./clients/assignments.ts): an unassigned user gets access_denied
 * Token times (iat, exp, auth_time) are oidc-provider's, on the system clock, which is also what a relying party
 * compares them with; the injected clock stamps the IdP session as on the SAML side.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type Provider from 'oidc-provider';
import type { KoaContext } from 'oidc-provider';
import type { Clock } from '../clock.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';
import { IDP_SESSION_COOKIE, readCookie, type IdpSessions } from '../server/idp-session.ts';
import { ClientAssignments } from './clients/assignments.ts';
import { type OidcClient, type OidcClientInput, type OidcPresetName, parseClientInput, providerMetadata } from './clients/oidc-client.ts';
import { controlRoutes } from './control-routes.ts';
import type { DeviationContext, ResponseDeviation, IdTokenDeviation } from './deviations/deviation.ts';
import { OIDC_DEVIATIONS, type OidcDeviation, type OidcDeviationInput, parseOidcDeviations } from './deviations/registry.ts';
import { OidcOpError, opError } from './errors.ts';
import { handleInteraction } from './interaction/interaction-route.ts';
import { oidcErrorPage } from './interaction/login-page.ts';
import { type IssuerRef, type IssuerSpec, issuerSpec, RESERVED_SEGMENTS } from './issuers.ts';
import { SigningKeys } from './keys/signing-keys.ts';
import { OIDC_PRESETS } from './presets/oidc-presets.ts';
import { withOfflineAccessConsent } from './provider/offline-access-prompt.ts';
import { promptNoneFromIdpSession } from './provider/prompt-none-session.ts';
import { buildProvider } from './provider/provider-config.ts';
import { BoundedStore } from './store/bounded-adapter.ts';

export interface OidcDirectory {
  listUsers(): DirectoryUser[];
  findUser(loginOrEmail: string): DirectoryUser | undefined;
}

export interface MockOpenIdProviderOptions {
  readonly baseUrl: string;
  /** Where the signing key is kept (oidc-signing.jwk.json); omit for a per-process key. */
  readonly dataDir?: string | undefined;
  readonly clock: Clock;
  readonly directory: OidcDirectory;
  /** The IdP's sign-in sessions, shared with the SAML side. */
  readonly sessions: IdpSessions;
  readonly clients?: readonly OidcClientInput[] | undefined;
}

export interface OidcNextSignInInput {
  /** Login or email of a directory user; omit to let the login page (or the IdP session) choose. */
  readonly user?: string | undefined;
  readonly deviations?: readonly OidcDeviationInput[] | undefined;
}

export interface IssuedIdToken {
  readonly issuer: string;
  readonly clientId: string;
  readonly idToken: string;
  readonly header: ProtectedHeaderParameters;
  readonly claims: JWTPayload;
  readonly deviations: readonly string[];
  readonly at: string;
}

interface Runtime {
  readonly spec: IssuerSpec;
  readonly store: BoundedStore;
  readonly groupClaimNames: Set<string>;
  provider: Provider;
  callback: (req: IncomingMessage, res: ServerResponse) => void;
}

interface QueuedSignIn {
  readonly id: string;
  readonly user: DirectoryUser | undefined;
  readonly deviations: readonly OidcDeviation[];
}

const HISTORY_LIMIT = 50;
const ARMED_LIMIT = 1000;
/** Bounds on what the control API can make: Providers are not free, and neither is a client list. */
const MAX_ISSUERS = 50;
const MAX_CLIENTS = 1000;

/** Keeps at most `limit` entries, dropping the oldest. */
function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}

export type IssuerInput = IssuerRef | OidcPresetName;

const clientKey = (issuerKey: string, clientId: string) => `${issuerKey}\u0000${clientId}`;

export class MockOpenIdProvider {
  readonly keys: SigningKeys;
  readonly baseUrl: string;
  readonly #runtimes = new Map<string, Runtime>();
  /** issuer key → client id → client */
  readonly #clients = new Map<string, Map<string, OidcClient>>();
  readonly #cookieKeys = [randomBytes(32).toString('base64url')];
  #queued: QueuedSignIn | undefined;
  /** queued sign-ins taken by an interaction, by interaction uid, then by the code they produced */
  readonly #armedByUid = new Map<string, QueuedSignIn>();
  readonly #armedByCode = new Map<string, QueuedSignIn>();
  readonly #issued: IssuedIdToken[] = [];
  readonly #assignments = new ClientAssignments();

  constructor(private readonly options: MockOpenIdProviderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.keys = new SigningKeys(options.dataDir);
    for (const c of options.clients ?? []) this.registerClient(c);
  }

  // ---- issuers ----

  /** The issuer URL for a preset (and Okta authorization server / Entra tenant); made on first use. */
  issuer(ref: IssuerInput): string {
    return this.#runtime(ref).spec.issuer;
  }

  discoveryUrl(ref: IssuerInput): string {
    return `${this.issuer(ref)}/.well-known/openid-configuration`;
  }

  #ref(ref: IssuerInput): IssuerRef {
    return typeof ref === 'string' ? { preset: ref } : ref;
  }

  #runtime(input: IssuerInput): Runtime {
    const ref = this.#ref(input);
    if (!Object.hasOwn(OIDC_PRESETS, ref.preset)) throw opError('oidc/unknown-issuer', `preset must be one of ${Object.keys(OIDC_PRESETS).join(', ')}`);
    const spec = issuerSpec(this.baseUrl, ref);
    const found = this.#runtimes.get(spec.key);
    if (found) return found;
    if (this.#runtimes.size >= MAX_ISSUERS) throw opError('oidc/unknown-issuer', `at most ${MAX_ISSUERS} issuers per IdP`);
    if (spec.tenantId !== undefined && RESERVED_SEGMENTS.has(spec.tenantId.toLowerCase())) {
      throw opError('oidc/unknown-issuer', `"${spec.tenantId}" cannot be an Entra tenant id here: the IdP uses that path`);
    }
    const rt = { spec, store: new BoundedStore((id) => this.#providerClient(spec.key, id)), groupClaimNames: new Set<string>() } as Runtime;
    this.#build(rt);
    this.#runtimes.set(spec.key, rt);
    return rt;
  }

  #build(rt: Runtime): void {
    const provider = buildProvider({
      spec: rt.spec,
      store: rt.store,
      signingKey: this.keys.current,
      cookieKeys: this.#cookieKeys,
      extraOpenidClaims: [...rt.groupClaimNames],
      userByAccount: (id) => this.#userByAccount(rt.spec.preset, id),
      client: (id) => this.#clients.get(rt.spec.key)?.get(id),
      hasQueued: () => this.#queued !== undefined,
      assigned: (clientId, accountId) => {
        const user = this.#userByAccount(rt.spec.preset, accountId);
        return user === undefined || this.#assignments.allows(clientKey(rt.spec.key, clientId), user);
      },
    });
    provider.proxy = true;
    provider.use(async (ctx, next) => {
      await next();
      const route = ctx.oidc?.route;
      if (route === 'resume' && ctx.status === 303) await this.#afterAuthorization(rt, ctx);
      else if (route === 'token' && ctx.status === 200) await this.#afterToken(rt, ctx);
      else if (route === 'end_session_confirm') this.#endIdpSession(ctx);
    });
    rt.provider = provider;
    rt.callback = provider.callback();
  }

  #userByAccount(preset: OidcPresetName, accountId: string): DirectoryUser | undefined {
    const p = OIDC_PRESETS[preset];
    return this.options.directory.listUsers().find((u) => p.accountId(u) === accountId);
  }

  // ---- clients ----

  /** Registers (or replaces) a client; the body is validated (control/bad-body naming each path). */
  registerClient(body: unknown): OidcClient {
    const input = parseClientInput(body);
    const preset = input.preset ?? 'generic';
    const rt = this.#runtime({ preset, authorizationServer: input.authorization_server, tenantId: input.tenant_id });
    const client: OidcClient = {
      preset,
      issuerKey: rt.spec.key,
      clientId: input.client_id,
      clientSecret: input.client_secret,
      redirectUris: [...input.redirect_uris],
      postLogoutRedirectUris: [...(input.post_logout_redirect_uris ?? [])],
      tokenEndpointAuthMethod: input.token_endpoint_auth_method ?? (input.client_secret === undefined ? 'none' : 'client_secret_basic'),
      groupsClaim: input.groups_claim,
    };
    const at = this.#clients.get(rt.spec.key) ?? new Map<string, OidcClient>();
    if (!at.has(client.clientId) && this.clients().length >= MAX_CLIENTS) throw opError('control/bad-body', `at most ${MAX_CLIENTS} clients per IdP`);
    at.set(client.clientId, client);
    this.#clients.set(rt.spec.key, at);
    const name = client.groupsClaim?.name;
    if (name !== undefined && !rt.groupClaimNames.has(name)) {
      rt.groupClaimNames.add(name);
      this.#build(rt);
    }
    return client;
  }

  clients(): OidcClient[] {
    return [...this.#clients.values()].flatMap((m) => [...m.values()]);
  }

  client(ref: IssuerInput, clientId: string): OidcClient {
    const c = this.#clients.get(this.#runtime(ref).spec.key)?.get(clientId);
    if (!c) throw opError('oidc/unknown-client', `no client "${clientId}" at ${this.issuer(ref)}`, 404);
    return c;
  }

  removeClient(ref: IssuerInput, clientId: string): boolean {
    const key = this.#runtime(ref).spec.key;
    this.#assignments.lift(clientKey(key, clientId));
    return this.#clients.get(key)?.delete(clientId) ?? false;
  }

  // ---- assignment (./clients/assignments.ts: Okta's Assignments tab, Entra's "Assignment required?") ----

  /** From now on only users assigned to the client (directly or through a group) may sign in to it. */
  requireAssignment(ref: IssuerInput, clientId: string): void {
    const c = this.client(ref, clientId);
    this.#assignments.require(clientKey(c.issuerKey, c.clientId));
  }

  /** Assigns a directory user (login or email) and/or a group to the client; assignment becomes required. */
  assign(ref: IssuerInput, clientId: string, what: { readonly user?: string | undefined; readonly group?: string | undefined }): void {
    const c = this.client(ref, clientId);
    if (what.user === undefined && what.group === undefined) throw opError('control/bad-body', 'assign a user or a group');
    const user = what.user === undefined ? undefined : this.options.directory.findUser(what.user);
    if (what.user !== undefined && !user) throw opError('user/unknown', 'no such user in the IdP directory');
    this.#assignments.assign(clientKey(c.issuerKey, c.clientId), { user, group: what.group });
  }

  /** Assignment no longer required: every directory user may sign in to the client again. */
  liftAssignment(ref: IssuerInput, clientId: string): boolean {
    const c = this.client(ref, clientId);
    return this.#assignments.lift(clientKey(c.issuerKey, c.clientId));
  }

  /** Who is assigned to the client (logins lower-cased, groups as named), or null when it requires no assignment. */
  assignments(ref: IssuerInput, clientId: string): { users: string[]; groups: string[] } | null {
    const c = this.client(ref, clientId);
    const a = this.#assignments.of(clientKey(c.issuerKey, c.clientId));
    return a ? { users: [...a.users], groups: [...a.groups] } : null;
  }

  #providerClient(issuerKey: string, clientId: string): Record<string, unknown> | undefined {
    const c = this.#clients.get(issuerKey)?.get(clientId);
    return c ? providerMetadata(c) : undefined;
  }

  // ---- next sign-in ----

  /** Queues the next OIDC sign-in: its user (answered without the page) and deviations. Used once. */
  setNextSignIn(input: OidcNextSignInInput): void {
    if (typeof input !== 'object' || input === null) throw opError('control/bad-body', 'next sign-in must be an object');
    const deviations = parseOidcDeviations(input.deviations);
    if (input.user !== undefined && typeof input.user !== 'string') throw opError('control/bad-body', 'user must be a login or email');
    const user = input.user === undefined ? undefined : this.options.directory.findUser(input.user);
    if (input.user !== undefined && !user) throw opError('user/unknown', 'no such user in the IdP directory');
    if (deviations.some((d) => d.method === 'replayedNonce') && this.#issued.at(-1)?.claims['nonce'] === undefined) {
      throw opError('oidc/deviation-not-applicable', 'replayedNonce needs a previous sign-in whose ID token carried a nonce');
    }
    this.#queued = { id: randomBytes(12).toString('base64url'), user, deviations };
  }

  clearNextSignIn(): void {
    this.#queued = undefined;
  }

  nextSignIn(): { user: string | undefined; deviations: readonly OidcDeviation[] } | null {
    return this.#queued ? { user: this.#queued.user?.login, deviations: this.#queued.deviations } : null;
  }

  // ---- keys ----

  /** A new signing key for every issuer; the old one leaves the JWKS. */
  rotateKeys(): { kid: string; retiredKid: string } {
    const out = this.keys.rotate();
    for (const rt of this.#runtimes.values()) this.#build(rt);
    return out;
  }

  // ---- history ----

  issuedIdTokens(): readonly IssuedIdToken[] {
    return this.#issued;
  }

  lastIdToken(): IssuedIdToken | undefined {
    return this.#issued.at(-1);
  }

  // ---- HTTP ----

  /** Express router: the control API under /control/oidc and every issuer's endpoints; anything else falls through. */
  router(): express.Router {
    const r = express.Router();
    r.use('/control/oidc', controlRoutes(this));
    const form = express.urlencoded({ extended: false, limit: '16kb' });
    r.use((req: Request, res: Response, next: NextFunction) => {
      const hit = this.#match(req.path);
      if (!hit) {
        next();
        return;
      }
      const { rt, rest } = hit;
      const q = req.url.indexOf('?');
      const query = q >= 0 ? req.url.slice(q) : '';
      const interaction = /^(?:\/oidc)?\/interaction\/([A-Za-z0-9_-]{1,64})$/.exec(rest);
      if (interaction) {
        const run = (body: Record<string, unknown> | undefined) => handleInteraction(this.#interactionHost(rt), req, res, body).catch((e: unknown) => next(e));
        if (req.method === 'POST') form(req, res, (err?: unknown) => (err ? next(err) : void run(req.body as Record<string, unknown>)));
        else void run(undefined);
        return;
      }
      if (rt.spec.preset === 'entra' && rest === '/v2.0/.well-known/openid-configuration') {
        req.url = `/.well-known/openid-configuration${query}`;
        req.originalUrl = `${rt.spec.mountPath}/.well-known/openid-configuration${query}`;
      } else {
        const authorization = rest === rt.spec.routes['authorization'] && req.method === 'GET';
        req.url = `${rest}${authorization ? promptNoneFromIdpSession(withOfflineAccessConsent(query), (maxAge) => this.#liveIdpSession(req, maxAge)) : query}`;
        // oidc-provider finds its mount path as originalUrl minus url.
        req.originalUrl = `${rt.spec.mountPath}${req.url}`;
      }
      rt.callback(req, res);
    });
    r.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!(err instanceof OidcOpError)) {
        next(err);
        return;
      }
      const status = err.expose ? err.status : 500;
      const code = err.expose ? err.code : 'server/error';
      const message = err.expose ? err.message : 'internal error';
      if (req.accepts(['json', 'html']) === 'html' && !req.path.startsWith('/control')) {
        res
          .status(status)
          .type('html')
          .send(oidcErrorPage(this.baseUrl, code, message));
        return;
      }
      res.status(status).json({ error: code, message });
    });
    return r;
  }

  #match(path: string): { rt: Runtime; rest: string } | undefined {
    if (path === '/.well-known/openid-configuration' || path.startsWith('/oidc/')) return { rt: this.#runtime('generic'), rest: path };
    const okta = /^\/oauth2\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})(\/.*)$/.exec(path);
    if (okta) {
      const key = `okta:${okta[1]}`;
      const rt = this.#runtimes.get(key) ?? (okta[1] === 'default' ? this.#runtime('okta') : undefined);
      return rt?.spec.prefixes.some((p) => okta[2]!.startsWith(p)) ? { rt, rest: okta[2]! } : undefined;
    }
    const entra = /^\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})(\/.*)$/.exec(path);
    if (entra && !RESERVED_SEGMENTS.has(entra[1]!.toLowerCase())) {
      const rt = this.#runtimes.get(`entra:${entra[1]}`) ?? (entra[1] === issuerSpec(this.baseUrl, { preset: 'entra' }).tenantId ? this.#runtime('entra') : undefined);
      return rt?.spec.prefixes.some((p) => entra[2]!.startsWith(p)) ? { rt, rest: entra[2]! } : undefined;
    }
    return undefined;
  }

  /** Whether the browser has a live IdP session of a directory user, authenticated at most `maxAge` seconds ago. */
  #liveIdpSession(req: Request, maxAge: number | undefined): boolean {
    const session = this.options.sessions.find(readCookie(req.headers.cookie, IDP_SESSION_COOKIE));
    if (!session || !this.options.directory.findUser(session.login)) return false;
    const age = (this.options.clock.now().getTime() - new Date(session.authnInstant).getTime()) / 1000;
    return maxAge === undefined || age <= maxAge;
  }

  #interactionHost(rt: Runtime) {
    const preset = OIDC_PRESETS[rt.spec.preset];
    return {
      issuer: rt.spec.issuer,
      provider: rt.provider,
      baseUrl: this.baseUrl,
      users: () => this.options.directory.listUsers(),
      findUser: (ref: string) => this.options.directory.findUser(ref),
      accountId: (u: DirectoryUser) => preset.accountId(u),
      claimsFor: (u: DirectoryUser, clientId: string) =>
        preset.claims(u, { client: this.#clients.get(rt.spec.key)?.get(clientId), issuer: rt.spec.issuer, tenantId: rt.spec.tenantId }),
      isAssigned: (u: DirectoryUser, clientId: string) => this.#assignments.allows(clientKey(rt.spec.key, clientId), u),
      peekQueued: () => this.#queued,
      takeQueued: () => {
        const q = this.#queued;
        this.#queued = undefined;
        return q;
      },
      arm: (uid: string, signIn: { readonly id: string }) => boundedSet(this.#armedByUid, uid, signIn as QueuedSignIn, ARMED_LIMIT),
      sessions: this.options.sessions,
      now: () => Math.floor(this.options.clock.now().getTime() / 1000),
    };
  }

  // ---- deviations, applied after oidc-provider answered ----

  #deviationContext(rt: Runtime, ctx: KoaContext): DeviationContext {
    const other = rt.spec.preset === 'generic' ? this.#runtime('okta') : this.#runtime('generic');
    return {
      keys: this.keys,
      issuer: rt.spec.issuer,
      otherIssuer: other.spec.issuer,
      previousNonce: this.#issued.at(-1)?.claims['nonce'] as string | undefined,
      now: Math.floor(Date.now() / 1000),
      mintCodeElsewhere: async () => {
        const code = new other.provider.AuthorizationCode({
          accountId: ctx.oidc?.session?.accountId ?? 'unknown',
          clientId: ctx.oidc?.client?.clientId ?? 'unknown',
          redirectUri: String(ctx.oidc?.params?.['redirect_uri'] ?? ''),
          scope: 'openid',
          grantId: randomBytes(16).toString('base64url'),
        });
        return code.save();
      },
    };
  }

  async #afterAuthorization(rt: Runtime, ctx: KoaContext): Promise<void> {
    const uid = ctx.path.slice(ctx.path.lastIndexOf('/') + 1);
    const signIn = this.#armedByUid.get(uid);
    if (!signIn) return;
    this.#armedByUid.delete(uid);
    const location = new URL(ctx.response.get('Location'));
    const code = location.searchParams.get('code');
    if (code) boundedSet(this.#armedByCode, code, signIn, ARMED_LIMIT);
    const dctx = this.#deviationContext(rt, ctx);
    for (const d of signIn.deviations) {
      const m = OIDC_DEVIATIONS[d.method];
      if (m.stage === 'authorization-response') await (m as ResponseDeviation).apply(location.searchParams, d.args, dctx);
    }
    ctx.set('Location', location.href);
  }

  async #afterToken(rt: Runtime, ctx: KoaContext): Promise<void> {
    const body = ctx.body as Record<string, unknown> | undefined;
    const idToken = body?.['id_token'];
    if (typeof idToken !== 'string') return;
    const params = ctx.oidc?.params ?? {};
    const code = params['grant_type'] === 'authorization_code' && typeof params['code'] === 'string' ? params['code'] : undefined;
    const signIn = code ? this.#armedByCode.get(code) : undefined;
    if (code) this.#armedByCode.delete(code);
    let token = idToken;
    if (signIn) {
      const dctx = this.#deviationContext(rt, ctx);
      for (const d of signIn.deviations) {
        const m = OIDC_DEVIATIONS[d.method];
        if (m.stage !== 'id-token') continue;
        token = await (m as IdTokenDeviation).apply(token, d.args, dctx);
      }
      body!['id_token'] = token;
    }
    const claims = decodeJwt(token);
    this.#issued.push({
      issuer: rt.spec.issuer,
      clientId: ctx.oidc?.client?.clientId ?? '',
      idToken: token,
      header: decodeProtectedHeader(token),
      claims,
      deviations: signIn ? signIn.deviations.map((d) => d.method) : [],
      at: new Date().toISOString(),
    });
    if (this.#issued.length > HISTORY_LIMIT) this.#issued.shift();
  }

  /** Signing out at the OP (RP-initiated logout confirmed) ends the IdP session too: SAML asks again as well. */
  #endIdpSession(ctx: KoaContext): void {
    const id = readCookie(ctx.get('cookie'), IDP_SESSION_COOKIE);
    if (id) this.options.sessions.end(id);
  }
}
