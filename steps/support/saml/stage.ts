/*
 * The SAML stage of a scenario: the mock IdP and the reference SP, each a real express app on its own ephemeral
 * loopback port, sharing the scenario's clock. The stage plays the browser over real HTTP: it follows the SP's
 * redirect to the IdP, reads the auto-posting form the IdP answers with, and posts it to the ACS.
 *
 * Given steps describe tenants, users and IdP behaviour; the SP is configured from them when the first sign-in
 * needs it (its configuration is validated and frozen at start-up, like the real one). Users live in the SP's
 * SQLite store from the start, so a Background can create them before a scenario adjusts the tenant.
 *
 * The browser keeps cookies (./browser.ts): the binding cookie /login sets comes back to the ACS, the session
 * cookie to /me. A scenario may keep the store in a file and restart the SP on the same origin.
 */
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import {
  createMockIdp,
  generatedKeyPair,
  parsePostForm,
  registrationFromSpMetadata,
  vendorStatements,
  type AttributeStatement,
  type DeviationInput,
  type MockIdp,
  type SpRegistrationInput,
} from '../../../mock-idp/index.ts';
import type { ProfileName, SamlTenantInput } from '../../../reference-sp/config/index.ts';
import type { ScimTenantInput } from '../../../reference-sp/config/scim-section.ts';
import type { ReferenceSp } from '../../../reference-sp/server/app.ts';
import { createReadyServer, type RequestHandler } from '../../../reference-sp/server/http-server.ts';
import { openStore, storePathFor, type Store } from '../../../reference-sp/store/index.ts';
import type { ScenarioClock } from '../clock.ts';
import { openScenarioStore } from '../scenario-store.ts';
import { startReferenceSp, type InProcessReferenceSp } from '../reference-sp-server.ts';
import type { Attach } from '../world.ts';
import { StepArgumentError } from '../step-error.ts';
import { presetStatements } from './attribute-statements.ts';
import { Browser } from './browser.ts';

/** How the trusted IdP reaches the tenant's configuration (NinjaOne's import choices, SonarQube's Manual tab). */
export type IdpTrust = 'metadata-url' | 'metadata-file' | 'metadata-xml' | 'manual' | { readonly custom: SamlTenantInput['idp'] };

interface TenantDraft {
  readonly id: string;
  readonly profile: ProfileName;
  trust: IdpTrust | undefined;
  saml: Record<string, unknown>;
  scim: ScimTenantInput;
  /** How the mock IdP is set up for this SP, on top of what the SP's metadata says. */
  idpRegistration: Partial<SpRegistrationInput>;
}

export type SignInOutcome =
  | {
      readonly kind: 'accepted';
      readonly status: number;
      readonly body: { user: { id: string; userName: string }; attributes: Record<string, string[]>; groupSync?: { skipped?: string } | null };
    }
  | { readonly kind: 'rejected'; readonly status: number; readonly code: string; readonly detail: { expected?: string | string[] } }
  | { readonly kind: 'idp-refused'; readonly status: number; readonly code: string };

export interface PostedForm {
  readonly action: string;
  readonly fields: Record<string, string>;
  /** 'redirect': the IdP sent the browser to `action` with the fields in the query (an artifact by redirect). */
  readonly via?: 'form' | 'redirect';
}

interface Running {
  readonly server: Server;
  readonly url: string;
}

/**
 * Listens on a free port before the app exists (the app needs its own URL), answering 503 until `ready` hands
 * it over (reference-sp/server/http-server.ts): a request in between never reaches an undefined handler.
 */
async function listenFirst(): Promise<Running & { ready(app: RequestHandler): void }> {
  const ready = createReadyServer();
  const port = await ready.listen(0, '127.0.0.1');
  return { server: ready.server, url: `http://127.0.0.1:${port}`, ready: (app) => ready.ready(app) };
}

function close(running: Running | undefined): Promise<void> {
  if (!running) return Promise.resolve();
  running.server.closeAllConnections();
  return new Promise((resolve) => running.server.close(() => resolve()));
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Where the browser landed after posting a response as a browser does (HTML, redirects not followed). */
export interface BrowserLanding {
  readonly status: number;
  readonly location: string | undefined;
  readonly html: string;
}

export class SamlStage {
  /** The user's browser; an attacker or a second device is another Browser. */
  readonly browser = new Browser('user');
  readonly tenants = new Map<string, TenantDraft>();
  /** The tenant the last Given step named: "the tenant …" steps refer to it. */
  currentTenantId: string | undefined;
  /** Deviations and attribute overrides for the next sign-in. */
  readonly deviations: DeviationInput[] = [];
  /** The last outcome of a sign-in, and the form that was posted to get it. */
  outcome: SignInOutcome | undefined;
  lastPosted: PostedForm | undefined;
  /** The AuthnRequest the SP sent in the last SP-initiated sign-in (as the browser carried it). */
  lastAuthnRequest: { readonly id: string; readonly signed: boolean } | undefined;
  /** A form the IdP answered with that the browser has not posted yet. */
  heldForm: PostedForm | undefined;
  /** Problems a refused configuration reported (ConfigError.problems). */
  configProblems: string[] | undefined;
  /** Bearer token of the tenant's SCIM endpoint, when a scenario provisions over SCIM. */
  scimToken: string | undefined;
  /** SCIM ids of old accounts (deleted over SCIM, or noted before Entra deletes them), by lower-cased userName. */
  readonly deletedScimIds = new Map<string, string>();
  /** Who signed in last, so a Then step can repeat the same sign-in as a browser. */
  lastSignInEmail: string | undefined;
  /** What the browser got back from the ACS when it posted as a browser (asking for HTML). */
  landing: BrowserLanding | undefined;
  /** Someone else's browser: what it captured and which request ID it fetched from the SP. */
  attacker: { readonly browser: Browser; captured?: PostedForm; requestId?: string } | undefined;

  #store: Store;
  /** The data directory when the store is a file (a restart reopens it). */
  #dataDir: string | undefined;

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

  /** Keeps the SP's store in a database file from now on; only before anything was written to it. */
  keepStateInFile(): void {
    if (this.#sp || this.tenants.size > 0) throw new Error('keep the state in a file before defining tenants or starting the SP');
    this.#store.close();
    this.#dataDir = mkdtempSync(join(tmpdir(), 'ssoh-sp-state-'));
    this.#store = openStore({ path: storePathFor(this.#dataDir), clock: this.clock });
  }

  /** Stops the SP and closes its store, reopens the store from its file and starts the SP on the same origin. */
  async restartSp(): Promise<void> {
    const running = this.#sp;
    if (!running) throw new Error('the SP is not running yet');
    if (!this.#dataDir) throw new Error('a restart keeps state only with "the reference SP keeps its state in a database file"');
    await running.close();
    this.#store.close();
    this.#store = openStore({ path: storePathFor(this.#dataDir), clock: this.clock });
    this.#sp = await startReferenceSp({ clock: this.clock, store: this.#store, config: (origin) => this.configInput(origin), port: Number(new URL(running.origin).port) });
  }

  // ---- the mock IdP ----

  async idp(): Promise<MockIdp> {
    if (!this.#idp) {
      const running = await listenFirst();
      const idp = createMockIdp({ baseUrl: running.url, clock: this.clock });
      running.ready(idp.app);
      this.#idp = { idp, running };
    }
    return this.#idp.idp;
  }

  /** Makes sure the IdP's directory has this user: login and email are the address, names derive from it. */
  async idpUser(email: string, groups: readonly string[] = []): Promise<void> {
    const idp = await this.idp();
    const existing = idp.control.findUser(email);
    const local = email.split('@')[0] ?? email;
    idp.control.addUser({
      email,
      login: email,
      givenName: existing?.givenName ?? titleCase(local),
      surname: existing?.surname ?? 'Example',
      displayName: existing?.displayName ?? `${titleCase(local)} Example`,
      groups: [...groups],
    });
  }

  // ---- tenants ----

  defineTenant(id: string, profile: ProfileName): TenantDraft {
    const draft: TenantDraft = { id, profile, trust: undefined, saml: {}, scim: {}, idpRegistration: {} };
    this.tenants.set(id, draft);
    this.currentTenantId = id;
    this.store.ensureTenant(id, profile);
    return draft;
  }

  tenant(id = this.currentTenantId): TenantDraft {
    const draft = id === undefined ? undefined : this.tenants.get(id);
    if (!draft) throw new Error('no tenant yet: start with "Given the reference SP has a tenant …"');
    return draft;
  }

  /** How the tenant trusts the IdP; the SP reads it when it starts, so before that. */
  trustIdp(trust: IdpTrust): void {
    this.assertNotStarted('change how the tenant trusts the IdP');
    this.tenant().trust = trust;
  }

  configureSaml(settings: SamlTenantInput): void {
    this.assertNotStarted('change the tenant SAML settings');
    Object.assign(this.tenant().saml, settings);
  }

  /** How the mock IdP is set up for the tenant's SP; the SP registers at the IdP when it starts, so before that. */
  configureIdpRegistration(settings: Partial<SpRegistrationInput>): void {
    this.assertNotStarted('change how the IdP is set up for the SP');
    Object.assign(this.tenant().idpRegistration, settings);
  }

  /**
   * The attribute statements the IdP sends the tenant's SP: the scenario's own, else the vendor guide's, else its
   * preset's names (./attribute-statements.ts). "names its claims the way … does" sets `attributes: undefined`.
   */
  idpStatements(): readonly AttributeStatement[] {
    const draft = this.tenant();
    const registration = draft.idpRegistration;
    const explicit = Object.hasOwn(registration, 'attributes') ? registration.attributes : vendorStatements(draft.profile);
    return explicit ?? presetStatements(registration.preset ?? 'entra', registration.tenantId);
  }

  /** Changes what the IdP sends the tenant's SP; the change refuses arguments that do not apply. */
  changeIdpAttributes(change: (statements: readonly AttributeStatement[]) => readonly AttributeStatement[]): void {
    this.configureIdpRegistration({ attributes: change(this.idpStatements()) });
  }

  private assertNotStarted(what: string): void {
    if (this.#sp) throw new StepArgumentError('stage/sp-started', `cannot ${what}: the SP is already running with a frozen configuration`);
  }

  private async idpSection(trust: IdpTrust): Promise<SamlTenantInput['idp']> {
    const idp = await this.idp();
    if (typeof trust === 'object') return trust.custom;
    switch (trust) {
      case 'metadata-url':
        return { metadataUrl: `${idp.baseUrl}/metadata` };
      case 'metadata-xml':
        return { metadataXml: idp.metadataXml() };
      case 'metadata-file': {
        const file = join(mkdtempSync(join(tmpdir(), 'ssoh-idp-')), 'idp-metadata.xml');
        writeFileSync(file, idp.metadataXml());
        return { metadataFile: file };
      }
      case 'manual':
        return { entityId: idp.entityId, ssoUrl: `${idp.baseUrl}/saml/sso`, signingCertificates: [idp.keys.signing.certificatePem] };
    }
  }

  /** The configuration input the SP would be started with (also used to test refused configurations). */
  async configInput(baseUrl: string): Promise<Record<string, unknown>> {
    const tenants = [];
    for (const draft of this.tenants.values()) {
      const saml = { ...draft.saml, ...(draft.trust ? { idp: await this.idpSection(draft.trust) } : {}) };
      tenants.push({ id: draft.id, profile: draft.profile, saml, scim: draft.scim });
    }
    return { baseUrl, dataDir: ':memory:', tenants };
  }

  // ---- the reference SP ----

  async sp(): Promise<{ readonly sp: ReferenceSp; readonly url: string }> {
    if (!this.#sp) {
      this.#sp = await startReferenceSp({ clock: this.clock, store: this.store, config: (origin) => this.configInput(origin) });
      for (const tenant of this.#sp.config.tenants) await this.registerAtIdp(tenant.id, tenant.saml.spEntityId);
    }
    return { sp: this.#sp.sp, url: this.#sp.origin };
  }

  /** The IdP learns the SP from the SP's own metadata, fetched over HTTP, as an admin would upload it. */
  private async registerAtIdp(tenantId: string, spEntityId: string): Promise<void> {
    const idp = await this.idp();
    const response = await fetch(`${this.#sp!.origin}/saml/${tenantId}/metadata`);
    if (!response.ok) throw new Error(`SP metadata for ${tenantId}: HTTP ${response.status}`);
    const fromMetadata = registrationFromSpMetadata(await response.text());
    if (fromMetadata.entityId !== spEntityId) throw new Error(`SP metadata names ${fromMetadata.entityId}, expected ${spEntityId}`);
    const draft = this.tenant(tenantId);
    const statements = vendorStatements(draft.profile);
    idp.control.registerSp({
      ...fromMetadata,
      // Encryption is switched on per scenario, as in Okta/Entra where an uploaded SP certificate alone does not.
      encryptionCertPem: undefined,
      wantAssertionsSigned: false,
      preset: 'entra',
      ...(statements ? { attributes: statements } : {}),
      ...draft.idpRegistration,
    });
  }

  async spEntityId(tenantId = this.tenant().id): Promise<string> {
    const { sp } = await this.sp();
    const tenant = sp.config.tenants.find((t) => t.id === tenantId);
    if (!tenant) throw new Error(`no tenant ${tenantId}`);
    return tenant.saml.spEntityId;
  }

  // ---- the browser ----

  /** SP-initiated: GET the SP's login URL, follow the redirect to the IdP, and return the IdP's answer. */
  /** `start`: another SP URL that sends the AuthnRequest (e.g. the Test Connection button's) instead of /login. */
  async startAtSp(email: string, relayState?: string, start?: URL): Promise<PostedForm | undefined> {
    await this.idpUser(email, (await this.idp()).control.findUser(email)?.groups ?? []);
    const redirect = await this.followSpLogin(this.browser, relayState, start);
    this.queueNextSignIn(email);
    return this.readIdpAnswer(await this.browser.fetch(redirect, { headers: { accept: 'text/html' }, redirect: 'manual' }));
  }

  /** The SP sends an AuthnRequest (GET its login URL) to `browser`; returns the request ID the answer must carry. */
  async sendAuthnRequest(browser: Browser = this.browser): Promise<string> {
    await this.followSpLogin(browser);
    return this.lastAuthnRequest!.id;
  }

  /** GET the SP's login URL and read the AuthnRequest out of the redirect, as the browser carries it. */
  private async followSpLogin(browser: Browser, relayState?: string, start?: URL): Promise<URL> {
    const { url } = await this.sp();
    const query = relayState === undefined ? '' : `?RelayState=${encodeURIComponent(relayState)}`;
    const login = await browser.fetch(start ?? `${url}/saml/${this.tenant().id}/login${query}`, { redirect: 'manual' });
    const location = login.headers.get('location');
    if (login.status !== 302 || !location) throw new Error(`SP login answered ${login.status} without a redirect`);
    const redirect = new URL(location);
    const samlRequest = redirect.searchParams.get('SAMLRequest') ?? '';
    const requestXml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
    this.lastAuthnRequest = { id: /\sID="([^"]+)"/.exec(requestXml)?.[1] ?? '', signed: redirect.searchParams.has('Signature') };
    this.attach(requestXml, 'AuthnRequest.xml');
    return redirect;
  }

  /** IdP-initiated: the user clicks the SP's tile on the IdP's portal (whose RelayState an admin may set). */
  async startAtIdp(email: string, relayState?: string): Promise<PostedForm | undefined> {
    await this.idpUser(email, (await this.idp()).control.findUser(email)?.groups ?? []);
    const idp = await this.idp();
    const spEntityId = await this.spEntityId();
    this.queueNextSignIn(email);
    const portal = new URL(`${idp.baseUrl}/saml/idp-initiated`);
    portal.searchParams.set('sp', spEntityId);
    if (relayState !== undefined) portal.searchParams.set('RelayState', relayState);
    return this.readIdpAnswer(await this.browser.fetch(portal, { headers: { accept: 'text/html' }, redirect: 'manual' }));
  }

  private queueNextSignIn(email: string): void {
    this.#idp!.idp.control.setNextSignIn({ user: email, deviations: [...this.deviations] });
  }

  private async readIdpAnswer(response: Response): Promise<PostedForm | undefined> {
    const location = response.headers.get('location');
    if (response.status === 302 && location) {
      // The IdP sends the browser on to the SP (an artifact by redirect, saml-bindings §3.6.3).
      const to = new URL(location);
      const fields = Object.fromEntries(to.searchParams);
      to.search = '';
      return { action: to.toString(), fields, via: 'redirect' };
    }
    const text = await response.text();
    if (!response.ok) {
      let code = `http/${response.status}`;
      const match = /data-error-code="([^"]+)"/.exec(text);
      if (match) code = match[1]!;
      else {
        try {
          code = (JSON.parse(text) as { error?: string }).error ?? code;
        } catch {
          // not JSON: keep the HTTP status as the code
        }
      }
      this.outcome = { kind: 'idp-refused', status: response.status, code };
      return undefined;
    }
    const form = parsePostForm(text);
    return { action: form.action, fields: { ...form.fields } as Record<string, string> };
  }

  /** Posts a form to the ACS as the browser would, asking for JSON so the verdict is machine-readable. */
  async post(form: PostedForm, accept = 'application/json', browser: Browser = this.browser): Promise<Response> {
    this.lastPosted = form;
    const samlResponse = form.fields['SAMLResponse'];
    if (samlResponse) this.attach(Buffer.from(samlResponse, 'base64').toString('utf8'), 'SAMLResponse.xml');
    if (form.via === 'redirect') return browser.fetch(`${form.action}?${new URLSearchParams(form.fields)}`, { headers: { accept }, redirect: 'manual' });
    return browser.fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
      body: new URLSearchParams(form.fields).toString(),
      redirect: 'manual',
    });
  }

  /** Posts the form exactly as a browser does (HTML, redirects not followed) and records where it landed. */
  async postAsBrowser(form: PostedForm): Promise<BrowserLanding> {
    const response = await this.post(form, 'text/html');
    this.landing = { status: response.status, location: response.headers.get('location') ?? undefined, html: await response.text() };
    this.attach(`HTTP ${this.landing.status}${this.landing.location === undefined ? '' : `\nLocation: ${this.landing.location}`}`, 'ACS answer');
    return this.landing;
  }

  async postAndRecord(form: PostedForm, browser: Browser = this.browser): Promise<SignInOutcome> {
    const response = await this.post(form, 'application/json', browser);
    const text = await response.text();
    this.attach(`HTTP ${response.status}\n${text}`, 'ACS answer');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`the ACS answered ${response.status} with something that is not JSON: ${text.slice(0, 200)}`);
    }
    this.outcome =
      response.status === 200
        ? { kind: 'accepted', status: 200, body: body as never }
        : { kind: 'rejected', status: response.status, code: String(body['error']), detail: (body['detail'] ?? {}) as never };
    return this.outcome;
  }

  /** A full sign-in: from the SP (SP-initiated) or from the IdP's portal (IdP-initiated). */
  async signIn(email: string, from: 'sp' | 'idp'): Promise<SignInOutcome> {
    this.lastSignInEmail = email;
    const form = from === 'sp' ? await this.startAtSp(email) : await this.startAtIdp(email);
    if (!form) return this.outcome!;
    return this.postAndRecord(form);
  }

  async close(): Promise<void> {
    await Promise.all([close(this.#idp?.running), this.#sp?.close()]);
    this.#store.close();
    if (this.#dataDir) rmSync(this.#dataDir, { recursive: true, force: true });
  }

  /** A key pair the IdP does not know: for AuthnRequests signed with the wrong key. */
  foreignCertificatePem(): string {
    return generatedKeyPair('scenario-foreign', this.clock).certificatePem;
  }
}
