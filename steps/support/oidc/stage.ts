/*
 * The OpenID Connect stage of a scenario: the mock IdP (its OpenID Provider side, mock-idp/oidc/) and the
 * reference SP (its relying party, reference-sp/oidc/), each a real express app on its own ephemeral loopback
 * port, started the way the SAML stage starts them (../reference-sp-server.ts for the SP). The stage plays the
 * browser over real HTTP: GET the SP's /oidc/{tenant}/login, follow the redirects through the OP's authorization
 * endpoint and its interaction (the login page, or a queued user), and bring the authorization response back to
 * the SP's callback.
 *
 * Given steps describe tenants, the OP's directory and the OP's behaviour; the SP starts at the first step that
 * needs it, with the tenants' configuration frozen, and each tenant's client is then registered at the OP with
 * the SP's own Callback URL (as an Okta admin pastes SonarQube's). The OP and the SP never import each other:
 * only this stage knows both.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Server } from 'node:http';
import type { GroupsClaimFilter, IssuerInput, MockIdp, MockOpenIdProvider, OidcDeviationInput, OidcPresetName } from '../../../mock-idp/index.ts';
import { createMockIdp } from '../../../mock-idp/index.ts';
import type { ProfileName } from '../../../reference-sp/config/index.ts';
import { oidcDefaults } from '../../../reference-sp/config/defaults.ts';
import { oidcProfileDefaults } from '../../../reference-sp/profiles/index.ts';
import { createReadyServer } from '../../../reference-sp/server/http-server.ts';
import type { Store } from '../../../reference-sp/store/index.ts';
import type { ScenarioClock } from '../clock.ts';
import { openScenarioStore } from '../scenario-store.ts';
import { startReferenceSp, type InProcessReferenceSp } from '../reference-sp-server.ts';
import { Browser } from '../saml/browser.ts';
import { StepArgumentError } from '../step-error.ts';
import { OidcStepError } from './step-error.ts';
import type { Attach } from '../world.ts';

/** A tenant as the scenario describes it, before the SP starts with it. */
export interface OidcTenantDraft {
  readonly id: string;
  readonly profile: ProfileName;
  /** The mock OP's issuer the tenant signs in at (its discovery URL goes into the tenant's `oidc.issuer`). */
  issuer: IssuerInput | undefined;
  /** Settings of the tenant's `oidc` section on top of the issuer and the client credentials. */
  readonly oidc: Record<string, unknown>;
  /**
   * The issuer where the tenant's app (client) is registered at the OP when the SP starts; by default the one the
   * tenant signs in at. SonarQube's guide creates the app at Okta (step 1) before the assistant knows the issuer (step 2).
   */
  app: IssuerInput | undefined;
  /** Whether the app follows the issuer the tenant signs in at (false once a step created it explicitly). */
  appFollowsIssuer: boolean;
  /** The client the tenant is registered as at the OP (client ID and secret are the stage's). */
  readonly clientId: string;
  readonly clientSecret: string;
  groupsClaim: GroupsClaimFilter | undefined;
  /** Who the tenant's app is assigned to at the OP (Okta's Assignments tab); undefined: everyone may sign in. */
  assigned: { readonly users: string[]; readonly groups: string[] } | undefined;
}

/** How a sign-in ended, as the SP's callback answered (JSON). */
export type OidcSignInOutcome =
  | { readonly kind: 'accepted'; readonly status: number; readonly body: Record<string, unknown> }
  | { readonly kind: 'rejected'; readonly status: number; readonly code: string; readonly body: Record<string, unknown> }
  | { readonly kind: 'op-refused'; readonly status: number; readonly code: string };

interface Running {
  readonly server: Server;
  readonly url: string;
}

/** At most this many redirects between the SP's login and its callback (login → authorize → interaction → resume → callback). */
const MAX_HOPS = 12;

export class OidcStage {
  /** The user's browser: it keeps the SP's binding cookie and the OP's session cookies. */
  browser = new Browser('user');
  readonly tenants = new Map<string, OidcTenantDraft>();
  currentTenantId: string | undefined;
  /** Deviations for the next sign-in at the OP (used once). */
  readonly deviations: OidcDeviationInput[] = [];
  /** Rewrites the authorization request on its way to the OP (the browser carries it). */
  tamperAuthorizationRequest: ((url: URL) => void) | undefined;
  /** What the last sign-in ended with. */
  outcome: OidcSignInOutcome | undefined;
  /** The authorization request of the last sign-in, as the browser carried it to the OP. */
  lastAuthorizationRequest: URL | undefined;
  /** The authorization response of the last sign-in, as the browser carried it back to the SP. */
  lastAuthorizationResponse: URL | undefined;
  /** The login page the OP answered with when no user was queued (HTML). */
  lastLoginPage: { readonly url: string; readonly html: string } | undefined;

  readonly #store: Store;
  /** The SP's admin API token (NinjaOne's Enable goes through it). */
  readonly #adminToken = randomBytes(24).toString('base64url');
  #idp: { readonly idp: MockIdp; readonly running: Running } | undefined;
  #sp: InProcessReferenceSp | undefined;

  constructor(
    readonly clock: ScenarioClock,
    readonly attach: Attach,
  ) {
    this.#store = openScenarioStore(clock);
  }

  get store(): Store {
    return this.#store;
  }

  // ---- the mock OP ----

  async idp(): Promise<MockIdp> {
    if (!this.#idp) {
      const ready = createReadyServer();
      const port = await ready.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${port}`;
      const idp = createMockIdp({ baseUrl: url, clock: this.clock });
      ready.ready(idp.app as never);
      this.#idp = { idp, running: { server: ready.server, url } };
    }
    return this.#idp.idp;
  }

  async op(): Promise<MockOpenIdProvider> {
    return (await this.idp()).oidc;
  }

  /** The OP's directory has this user in exactly these groups (added, or its groups replaced). */
  async idpUser(email: string, groups?: readonly string[]): Promise<void> {
    const idp = await this.idp();
    const existing = idp.control.findUser(email);
    const local = email.split('@')[0] ?? email;
    const given = local.charAt(0).toUpperCase() + local.slice(1);
    idp.control.addUser({
      email,
      login: email,
      givenName: existing?.givenName ?? given,
      surname: existing?.surname ?? 'Example',
      displayName: existing?.displayName ?? `${given} Example`,
      groups: [...(groups ?? existing?.groups ?? [])],
    });
  }

  // ---- tenants ----

  defineTenant(id: string, profile: ProfileName): OidcTenantDraft {
    this.assertNotStarted('define a tenant');
    const draft: OidcTenantDraft = {
      id,
      profile,
      issuer: undefined,
      app: undefined,
      appFollowsIssuer: true,
      oidc: {},
      clientId: `${id}-client`,
      clientSecret: randomBytes(24).toString('base64url'),
      groupsClaim: undefined,
      assigned: undefined,
    };
    this.tenants.set(id, draft);
    this.currentTenantId = id;
    this.#store.ensureTenant(id, profile);
    return draft;
  }

  tenant(id = this.currentTenantId): OidcTenantDraft {
    const draft = id === undefined ? undefined : this.tenants.get(id);
    if (!draft) throw new Error('no OpenID Connect tenant yet: start with "Given the reference SP has a tenant … signing in with OpenID Connect"');
    return draft;
  }

  /** The tenant signs in at this issuer of the mock OP. */
  signInAt(issuer: IssuerInput): void {
    this.assertNotStarted('change the OP the tenant signs in at');
    const draft = this.tenant();
    draft.issuer = issuer;
    if (draft.appFollowsIssuer) draft.app = issuer;
  }

  /** The tenant's app is created at this issuer of the OP (SonarQube's step 1, before the assistant knows the issuer). */
  createApp(issuer: IssuerInput): void {
    this.assertNotStarted("create the tenant's app at the OP");
    const draft = this.tenant();
    if (!draft.appFollowsIssuer) throw new OidcStepError('oidc-step/already-so', "the tenant's app is already created at the OP");
    draft.appFollowsIssuer = false;
    draft.app = issuer;
  }

  /**
   * Settings of the tenant's `oidc` section. `changes` names the setting the step is about: when the tenant
   * already has that value (its own, its profile's or the default), the step would change nothing and fails.
   */
  configureOidc(settings: Record<string, unknown>, changes?: string): void {
    this.assertNotStarted('change the tenant OpenID Connect settings');
    const draft = this.tenant();
    if (changes !== undefined) {
      const current = this.currentOidc(changes);
      if (isDeepStrictEqual(current, settings[changes])) {
        throw new OidcStepError('oidc-step/already-so', `the ${draft.profile} tenant already has ${changes} ${JSON.stringify(current)}: the step would change nothing`);
      }
    }
    Object.assign(draft.oidc, settings);
  }

  /** The tenant's current value of an `oidc` setting: its own, else its profile's, else the default. */
  currentOidc(key: string): Record<string, unknown> & unknown {
    const draft = this.tenant();
    const fromProfile = oidcProfileDefaults(draft.profile) as Record<string, unknown>;
    return (draft.oidc[key] ?? fromProfile[key] ?? (oidcDefaults as Record<string, unknown>)[key]) as Record<string, unknown>;
  }

  /** The tenant also asks for this scope (OIDC Core §3.1.2.1 `scope`); one it already asks for fails. */
  addScope(scope: string): void {
    const scopes = this.currentOidc('scopes') as unknown as readonly string[];
    if (scopes.includes(scope)) throw new OidcStepError('oidc-step/already-so', `the tenant already asks for the scope "${scope}"`);
    this.configureOidc({ scopes: [...scopes, scope] });
  }

  /** The groups claim filter of the tenant's app at the OP (Okta's "Groups claim filter"). */
  setGroupsClaim(filter: GroupsClaimFilter): void {
    this.assertNotStarted("change the app's groups claim");
    const draft = this.tenant();
    if (draft.app === undefined) throw new OidcStepError('oidc-step/no-issuer', "the tenant's app is not registered at any issuer of the OP yet");
    draft.groupsClaim = filter;
  }

  /**
   * The tenant's app at the OP is assigned to this user or group (Okta: Assignments → Assign to People / Groups);
   * from then on only assigned users sign in to it. A user the directory lacks, a group none of its users is in,
   * or an assignment the app already has would change nothing and fail.
   */
  async assignApp(what: { readonly user: string } | { readonly group: string }): Promise<void> {
    this.assertNotStarted('assign the app at the OP');
    const draft = this.tenant();
    if (draft.app === undefined) throw new OidcStepError('oidc-step/no-issuer', "the tenant's app is not registered at any issuer of the OP yet");
    const control = (await this.idp()).control;
    const [list, value, known] =
      'user' in what
        ? [(draft.assigned ??= { users: [], groups: [] }).users, what.user, control.findUser(what.user) !== undefined]
        : [(draft.assigned ??= { users: [], groups: [] }).groups, what.group, control.listUsers().some((u) => u.groups.includes(what.group))];
    if (!known) throw new OidcStepError('oidc-step/not-in-directory', `the OP's directory has no ${'user' in what ? 'user' : 'user in the group'} "${value}"`);
    if (list.includes(value)) throw new OidcStepError('oidc-step/already-so', `the app is already assigned to "${value}"`);
    list.push(value);
  }

  private assertNotStarted(what: string): void {
    if (this.#sp) throw new StepArgumentError('stage/sp-started', `cannot ${what}: the SP is already running with a frozen configuration`);
  }

  /** The configuration input the SP starts with: each tenant's OIDC section and no SAML section (OIDC-only tenants). */
  async configInput(baseUrl: string): Promise<Record<string, unknown>> {
    const op = await this.op();
    const tenants = [];
    for (const draft of this.tenants.values()) {
      if (draft.issuer === undefined) throw new OidcStepError('oidc-step/no-issuer', `the tenant "${draft.id}" signs in at no issuer: say which issuer of the mock OP`);
      tenants.push({
        id: draft.id,
        profile: draft.profile,
        oidc: { issuer: { discoveryUrl: op.discoveryUrl(draft.issuer) }, clientId: draft.clientId, clientSecret: draft.clientSecret, ...draft.oidc },
      });
    }
    return { baseUrl, dataDir: ':memory:', tenants };
  }

  // ---- the reference SP ----

  async sp(): Promise<{ readonly url: string; readonly running: InProcessReferenceSp }> {
    if (!this.#sp) {
      this.#sp = await startReferenceSp({ clock: this.clock, store: this.#store, adminToken: this.#adminToken, config: (origin) => this.configInput(origin) });
      const op = await this.op();
      for (const tenant of this.#sp.config.tenants) {
        const draft = this.tenant(tenant.id);
        if (!tenant.oidc || draft.app === undefined) continue;
        const ref = typeof draft.app === 'string' ? { preset: draft.app } : draft.app;
        // The admin registers the app at the OP with the SP's own Callback URL and post-logout URL.
        op.registerClient({
          preset: ref.preset,
          ...(ref.authorizationServer ? { authorization_server: ref.authorizationServer } : {}),
          ...(ref.tenantId ? { tenant_id: ref.tenantId } : {}),
          client_id: draft.clientId,
          client_secret: draft.clientSecret,
          token_endpoint_auth_method: tenant.oidc.tokenEndpointAuthMethod,
          redirect_uris: [tenant.oidc.redirectUri],
          post_logout_redirect_uris: [tenant.oidc.postLogoutRedirectUri],
          ...(draft.groupsClaim ? { groups_claim: draft.groupsClaim } : {}),
        });
        for (const user of draft.assigned?.users ?? []) op.assign(ref, draft.clientId, { user });
        for (const group of draft.assigned?.groups ?? []) op.assign(ref, draft.clientId, { group });
      }
    }
    return { url: this.#sp.origin, running: this.#sp };
  }

  /**
   * The administrator enables the tenant's single sign-on through the SP's admin API (NinjaOne's step 7, "click
   * Enable"); a tenant whose SSO is already enabled would change nothing and fails.
   */
  async enableSso(): Promise<void> {
    const { url } = await this.sp();
    const at = `${url}/admin/v1/tenants/${encodeURIComponent(this.tenant().id)}/sso`;
    const headers = { authorization: `Bearer ${this.#adminToken}`, accept: 'application/json' };
    const before = (await (await fetch(at, { headers })).json()) as { enabled?: boolean };
    if (before.enabled === true) throw new OidcStepError('oidc-step/already-so', "the tenant's SSO is already enabled");
    const res = await fetch(`${at}/enable`, { method: 'POST', headers });
    const body = (await res.json()) as { enabled?: boolean };
    if (res.status !== 200 || body.enabled !== true) throw new Error(`the admin API answered ${res.status} ${JSON.stringify(body)}`);
  }

  /** The SP's URL of one of the tenant's OIDC routes (login, callback, me, logout, refresh, test-connection …). */
  async spRoute(route: string, tenantId = this.tenant().id): Promise<string> {
    const { url } = await this.sp();
    return `${url}/oidc/${encodeURIComponent(tenantId)}/${route}`;
  }

  /** The tenant's resolved OIDC section, as the SP runs with it. */
  async tenantConfig(tenantId = this.tenant().id) {
    const { running } = await this.sp();
    const oidc = running.config.tenants.find((t) => t.id === tenantId)?.oidc;
    if (!oidc) throw new Error(`the tenant ${tenantId} has no OpenID Connect section`);
    return oidc;
  }

  // ---- the browser ----

  /**
   * A sign-in started at the SP. `user`: queued at the OP (answered without its page), or undefined to let the
   * OP decide (its IdP session, else its login page, where `pick` chooses a user when given).
   */
  async signIn(options: { readonly queue?: string | undefined; readonly pick?: string | undefined; readonly start?: string | undefined } = {}): Promise<OidcSignInOutcome> {
    const op = await this.op();
    const start = options.start ?? (await this.spRoute('login'));
    this.outcome = undefined;
    this.lastLoginPage = undefined;
    this.lastAuthorizationResponse = undefined;
    if (options.queue !== undefined || this.deviations.length > 0) {
      op.setNextSignIn({ ...(options.queue !== undefined ? { user: options.queue } : {}), deviations: this.deviations.splice(0) });
    }
    const login = await this.browser.fetch(start, { redirect: 'manual', headers: { accept: 'text/html' } });
    const location = login.headers.get('location');
    if (login.status !== 302 && login.status !== 303) throw new Error(`the SP's sign-in start answered ${login.status} without a redirect`);
    const authorize = new URL(location!, login.url);
    this.tamperAuthorizationRequest?.(authorize);
    this.tamperAuthorizationRequest = undefined;
    this.lastAuthorizationRequest = authorize;
    this.attach(authorize.href, 'authorization request');
    return this.followToCallback(authorize, options.pick);
  }

  /** Follows the OP's redirects to the SP's callback; on the login page, picks `pick` when given. */
  private async followToCallback(from: URL, pick: string | undefined): Promise<OidcSignInOutcome> {
    const sp = new URL((await this.sp()).url);
    let url = from;
    let init: RequestInit = { redirect: 'manual', headers: { accept: 'text/html' } };
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (url.origin === sp.origin) return this.deliverToSp(url);
      const response = await this.browser.fetch(url, init);
      init = { redirect: 'manual', headers: { accept: 'text/html' } };
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const html = await response.text();
      if (response.status === 200 && /name="user"/.test(html)) {
        this.lastLoginPage = { url: url.href, html };
        if (pick === undefined) return (this.outcome = { kind: 'op-refused', status: 200, code: 'op/login-page' });
        init = {
          method: 'POST',
          redirect: 'manual',
          headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ user: pick }).toString(),
        };
        pick = undefined;
        url = new URL(/<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? url.pathname, url);
        continue;
      }
      const code = /data-error-code="([^"]+)"/.exec(html)?.[1] ?? `http/${response.status}`;
      this.attach(`HTTP ${response.status}\n${html.slice(0, 2000)}`, 'OP answer');
      return (this.outcome = { kind: 'op-refused', status: response.status, code });
    }
    throw new Error(`more than ${MAX_HOPS} redirects between the SP and the OP`);
  }

  /** The browser brings the authorization response to the SP's callback; the SP answers JSON. */
  async deliverToSp(callback: URL): Promise<OidcSignInOutcome> {
    this.lastAuthorizationResponse = callback;
    this.attach(callback.href, 'authorization response');
    const response = await this.browser.fetch(callback, { redirect: 'manual', headers: { accept: 'application/json' } });
    const text = await response.text();
    this.attach(`HTTP ${response.status}\n${text}`, 'SP callback answer');
    let body: Record<string, unknown> = {};
    try {
      body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      throw new Error(`the SP's callback answered ${response.status} with something that is not JSON: ${text.slice(0, 200)}`);
    }
    this.outcome =
      response.status === 200 || response.status === 303
        ? { kind: 'accepted', status: response.status, body }
        : { kind: 'rejected', status: response.status, code: String(body['error']), body };
    return this.outcome;
  }

  /** What the SP's refresh route answered last. */
  refreshed: { readonly status: number; readonly body: Record<string, unknown> } | undefined;
  /** Where the OP sent the browser back after RP-initiated logout (without its query). */
  loggedOutAt: string | undefined;

  /** The signed-in browser asks the SP to refresh its session's tokens (OIDC Core §12). */
  async refresh(): Promise<void> {
    this.refreshed = await this.getJson('refresh', { method: 'POST' });
  }

  /**
   * RP-initiated logout: the SP's logout route sends the browser to the OP's end_session_endpoint, whose
   * confirmation form the browser submits (as the OP's page does by script), and the OP sends it back.
   */
  async signOut(): Promise<void> {
    const sp = new URL((await this.sp()).url);
    let response = await this.browser.fetch(await this.spRoute('logout'), { redirect: 'manual', headers: { accept: 'text/html' } });
    this.loggedOutAt = undefined;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const location = response.headers.get('location');
      if (location !== null) {
        const next = new URL(location, response.url);
        if (next.origin === sp.origin && hop > 0) {
          this.loggedOutAt = `${next.origin}${next.pathname}`;
          await (await this.browser.fetch(next, { headers: { accept: 'text/html' } })).arrayBuffer();
          return;
        }
        response = await this.browser.fetch(next, { redirect: 'manual', headers: { accept: 'text/html' } });
        continue;
      }
      const html = await response.text();
      const form = /<form[^>]*id="op\.logoutForm"[^>]*>([\s\S]*?)<\/form>/.exec(html);
      const action = form ? /action="([^"]+)"/.exec(form[0])?.[1] : undefined;
      if (!form || !action) throw new Error(`signing out stopped at HTTP ${response.status} without a redirect or the OP's logout form`);
      const fields = new URLSearchParams([...form[1]!.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]));
      fields.set('logout', 'yes');
      response = await this.browser.fetch(new URL(action.replaceAll('&amp;', '&'), response.url), {
        method: 'POST',
        redirect: 'manual',
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
    }
    throw new Error(`more than ${MAX_HOPS} redirects while signing out`);
  }

  /** GET one of the tenant's SP routes as the browser, asking for JSON. */
  async getJson(route: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await this.browser.fetch(await this.spRoute(route), { redirect: 'manual', ...init, headers: { accept: 'application/json', ...init.headers } });
    const text = await response.text();
    this.attach(`HTTP ${response.status}\n${text}`, `SP ${route}`);
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  async close(): Promise<void> {
    const running = this.#idp?.running;
    if (running) running.server.closeAllConnections();
    await Promise.all([running ? new Promise<void>((resolve) => running.server.close(() => resolve())) : undefined, this.#sp?.close()]);
    this.#store.close();
  }

  /** Queues a deviation for the next sign-in; the OP checks it now (a name it does not know, or one that does not apply yet, fails here). */
  async queueDeviation(deviation: OidcDeviationInput): Promise<void> {
    const op = await this.op();
    this.deviations.push(deviation);
    op.setNextSignIn({ deviations: [...this.deviations] });
  }

  /** The last ID token the OP issued (as sent, deviations applied). */
  lastIdToken() {
    return this.#idp?.idp.oidc.lastIdToken();
  }

  /** The discovery document a step read, and of which issuer. */
  discovery: { readonly preset: OidcPresetName; readonly document: Record<string, unknown> } | undefined;

  /** The kid of the last ID token the OP issued. */
  lastIdTokenKid(): string | undefined {
    return this.#idp?.idp.oidc.lastIdToken()?.header.kid;
  }

  /** The kid the OP's signing key was rotated to in this scenario. */
  rotatedToKid: string | undefined;

  /** Makes sure the OP's directory has this user (keeping the groups a Given step gave it). */
  async ensureIdpUser(email: string): Promise<void> {
    if (!(await this.idp()).control.findUser(email)) await this.idpUser(email, []);
  }

  requireOutcome(): OidcSignInOutcome {
    if (!this.outcome) throw new OidcStepError('oidc-step/nothing-yet', 'no OpenID Connect sign-in has happened yet');
    return this.outcome;
  }

  /** The userName of the signed-in user in an SP answer (callback or me). */
  signedInUserName(body: Record<string, unknown>): string | undefined {
    return (body['user'] as { userName?: string } | undefined)?.userName;
  }

  /** The preset of the issuer where the tenant's app is registered. */
  appPreset(): OidcPresetName {
    const app = this.tenant().app;
    if (app === undefined) throw new OidcStepError('oidc-step/no-issuer', "the tenant's app is not registered at any issuer of the OP yet");
    return typeof app === 'string' ? app : app.preset;
  }
}
