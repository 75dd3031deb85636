/*
 * The end-to-end seed flows of issue 11: the mock IdP's Entra provisioning engine (mock-idp/scim-client) pointed
 * at the SCIM endpoint of the SAML stage's reference SP — one SP, one SQLite store — so the user Entra provisions
 * is the very user who then signs in over SAML through the mock IdP.
 *
 * - Entra runs the mappings it ships for a non-gallery app ("customappsso"): userPrincipalName → userName, mail →
 *   emails[work], givenName/surname → name, Switch([IsSoftDeleted], …) → active. The tenant URL carries
 *   `?aadOptscim062020` (the compliant PATCH behaviour Microsoft recommends).
 * - One person, two directories: an Entra directory user (what provisioning reads) and the SAML IdP's directory
 *   user (what sign-in reads) are made from the same UPN, names and mail.
 * - The tenant URL and the secret token are what the vendor's guide has the admin paste (Particle's
 *   `/v1/orgs/<org_slug>/team/provision` with the API user's token, Aritma's SCIM endpoint with the token linked to
 *   the provider's scheme, DatoCMS's SCIM endpoint).
 * - Okta instead of Entra (NinjaOne's "confirmed to support Entra ID and Okta"): `use('okta', mappings)` swaps in
 *   the Okta client (mock-idp/scim-client/okta) and the vendor's attribute table before anything is provisioned.
 * - Sleep is injected (a retry never waits on wall time); the scenario's clock drives Entra, IdP and SP.
 * - The browser signing in by hand (IdpLoginFlow): nothing is queued at the IdP, so an SP-initiated request either
 *   shows the IdP's login page, where the user picks themself, or — with a live IdP session and no ForceAuthn — is
 *   answered at once (mock-idp/server/idp-session.ts).
 * Held per World in a WeakMap: it owns no server (the SP is the SAML stage's), so there is nothing to close.
 */
import { inflateRawSync } from 'node:zlib';
import { parsePostForm } from '../../mock-idp/index.ts';
import { resolveConfig, type ProvisioningConfig } from '../../mock-idp/scim-client/config/load.ts';
import type { Directory } from '../../mock-idp/scim-client/directory/directory.ts';
import { createProvisioner, type Provisioner } from '../../mock-idp/scim-client/engine/create.ts';
import type { CycleResult } from '../../mock-idp/scim-client/engine/engine.ts';
import type { ObjectOutcome } from '../../mock-idp/scim-client/log/log.ts';
import type { MappingsInput } from '../../mock-idp/scim-client/mappings/types.ts';
import type { PostedForm } from './saml/stage.ts';
import type { HarnessWorld } from './world.ts';

/** Where Entra provisions: the vendor's tenant URL (without the PATCH flag) and the secret token. */
export interface EntraTarget {
  readonly tenantUrl: string;
  readonly token: string;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export class EntraToSp {
  #config: ProvisioningConfig;
  #provisioner: Provisioner | undefined;
  /** Entra by default; Okta's client (mock-idp/scim-client/okta) when a scenario provisions from Okta. */
  client: 'entra' | 'okta' = 'entra';
  target: EntraTarget | undefined;
  lastCycle: CycleResult | undefined;

  constructor(readonly world: HarnessWorld) {
    this.#config = this.build({ users: { preset: 'customappsso' } });
  }

  private build(mappings: MappingsInput): ProvisioningConfig {
    return resolveConfig({ directory: { users: [] }, mappings, settings: { provisionGroups: false } }, { clock: this.world.clock });
  }

  /** Provision from `client` with this mapping table instead; only before any person is added or a URL saved. */
  use(client: 'entra' | 'okta', mappings: MappingsInput): void {
    if (this.#provisioner || this.directory.users().length > 0) throw new Error('choose the IdP and its mappings before adding users or saving the tenant URL');
    this.client = client;
    this.#config = this.build(mappings);
  }

  get directory(): Directory {
    return this.#config.directory;
  }

  /** The admin saves the Provisioning page: Tenant URL and Secret Token. */
  connect(target: EntraTarget): void {
    if (this.#provisioner) throw new Error('Entra is already provisioning to a tenant URL');
    this.target = target;
    this.#provisioner = createProvisioner({
      config: this.#config,
      client: this.client,
      url: this.client === 'entra' ? `${target.tenantUrl}?aadOptscim062020` : target.tenantUrl,
      token: target.token,
      clock: this.world.clock,
      sleep: async () => {},
    });
  }

  /**
   * A person in Entra's directory, assigned to the app (or not), and the same person in the SAML IdP's directory:
   * UPN = mail = login, given name from the local part, surname "Example".
   */
  async addPerson(upn: string, assigned = true): Promise<void> {
    const local = upn.split('@')[0] ?? upn;
    const givenName = titleCase(local.split('.')[0] ?? local);
    const person = { givenName, surname: 'Example', displayName: `${givenName} Example` };
    this.directory.addUser({ userPrincipalName: upn, mail: upn, mailNickname: local, assigned, ...person });
    const idp = await this.world.saml.idp();
    idp.control.addUser({ email: upn, login: upn, ...person, groups: [] });
  }

  get provisioner(): Provisioner {
    if (!this.#provisioner) throw new Error('Entra has no tenant URL yet: the admin must save the Provisioning page first');
    return this.#provisioner;
  }

  async runCycle(): Promise<CycleResult> {
    const { engine, log } = this.provisioner;
    const before = log.exchanges.length;
    this.lastCycle = await engine.runCycle();
    this.world.attach(
      log.exchanges
        .slice(before)
        .map((e) => `${e.method} ${decodeURIComponent(e.url)} → ${e.status || e.error}`)
        .join('\n'),
      `entra-cycle-${this.lastCycle.cycle}.txt`,
    );
    return this.lastCycle;
  }

  /** The last outcome Entra logged for a user (by UPN, or by the source id a hard-deleted user was first seen under). */
  outcomeOf(upn: string): ObjectOutcome | undefined {
    const outcomes = this.#provisioner?.log.outcomes ?? [];
    const sourceId = outcomes.find((o) => o.object.name === upn)?.object.sourceId;
    return [...outcomes].reverse().find((o) => o.object.name === upn || (sourceId !== undefined && o.object.sourceId === sourceId));
  }

  /**
   * The requests sent for one user (by UPN), method, path relative to the tenant URL (decoded; the user's SCIM id
   * written `{id}`) and status, in order.
   */
  requestsFor(upn: string): Array<{ method: string; path: string; status: string }> {
    const { log, tenant } = this.provisioner;
    const id = this.outcomeOf(upn)?.targetId;
    return log.exchanges
      .filter((e) => e.object?.name === upn)
      .map((e) => {
        let path = decodeURIComponent((e.url.startsWith(tenant.base) ? e.url.slice(tenant.base.length) : e.url).replace(/\+/g, ' '));
        if (id) path = path.replaceAll(id, '{id}');
        return { method: e.method, path, status: String(e.status) };
      });
  }

  /** Every URL Entra sent a request to, in order. */
  requestUrls(): string[] {
    return (this.#provisioner?.log.exchanges ?? []).map((e) => e.url);
  }
}

const flows = new WeakMap<HarnessWorld, EntraToSp>();

export function entraToSp(world: HarnessWorld): EntraToSp {
  let flow = flows.get(world);
  if (!flow) {
    flow = new EntraToSp(world);
    flows.set(world, flow);
  }
  return flow;
}

/** What the IdP did with an SP-initiated request the browser carried. */
export type IdpAnswer = { readonly kind: 'login-page'; readonly pending: string } | { readonly kind: 'answered'; readonly form: PostedForm };

/** A sign-in as a person does it in a browser: no queued user, the IdP's login page when the IdP asks for it. */
export class IdpLoginFlow {
  /** What the IdP did with each SP-initiated request, in order. */
  readonly answers: IdpAnswer[] = [];
  /** The AuthnRequests the SP sent, as the browser carried them. */
  readonly requests: string[] = [];
  /** The SessionIndex of each assertion the browser posted to the SP. */
  readonly sessionIndexes: string[] = [];

  constructor(readonly world: HarnessWorld) {}

  /** GET the SP's login URL, follow its redirect to the IdP, and read what the IdP answers. */
  async start(): Promise<IdpAnswer> {
    const stage = this.world.saml;
    const { url } = await stage.sp();
    const idp = await stage.idp();
    // Nothing queued: the IdP decides, from its session cookie and ForceAuthn, whether to ask who signs in.
    idp.control.clearNextSignIn();
    const login = await stage.browser.fetch(`${url}/saml/${stage.tenant().id}/login`, { redirect: 'manual' });
    const location = login.headers.get('location');
    if (login.status !== 302 || !location) throw new Error(`SP login answered ${login.status} without a redirect`);
    const samlRequest = new URL(location).searchParams.get('SAMLRequest') ?? '';
    const requestXml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
    this.requests.push(requestXml);
    this.world.attach(requestXml, 'AuthnRequest.xml');
    const answer = await stage.browser.fetch(location, { headers: { accept: 'text/html' } });
    const html = await answer.text();
    if (!answer.ok) throw new Error(`the IdP answered ${answer.status}: ${/data-error-code="([^"]+)"/.exec(html)?.[1] ?? ''}`);
    const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
    const read: IdpAnswer = pending ? { kind: 'login-page', pending } : { kind: 'answered', form: this.form(html) };
    this.answers.push(read);
    return read;
  }

  /** The user picks themself on the IdP's login page and clicks Sign in; returns the form the IdP auto-posts. */
  async signInOnLoginPage(email: string, pending: string): Promise<PostedForm> {
    const stage = this.world.saml;
    await stage.idpUser(email, (await stage.idp()).control.findUser(email)?.groups ?? []);
    const idp = await stage.idp();
    const answer = await stage.browser.fetch(`${idp.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ pending, user: email, action: 'send' }).toString(),
    });
    const html = await answer.text();
    if (!answer.ok) throw new Error(`the IdP's login page answered ${answer.status}: ${/data-error-code="([^"]+)"/.exec(html)?.[1] ?? ''}`);
    return this.form(html);
  }

  /** Posts the IdP's form to the SP's ACS as the browser does, and records the verdict. */
  async post(form: PostedForm): Promise<void> {
    const xml = Buffer.from(form.fields['SAMLResponse'] ?? '', 'base64').toString('utf8');
    const index = /SessionIndex="([^"]+)"/.exec(xml)?.[1];
    if (index) this.sessionIndexes.push(index);
    await this.world.saml.postAndRecord(form);
  }

  get lastAnswer(): IdpAnswer | undefined {
    return this.answers.at(-1);
  }

  private form(html: string): PostedForm {
    const form = parsePostForm(html);
    return { action: form.action, fields: { ...form.fields } as Record<string, string> };
  }
}

const loginFlows = new WeakMap<HarnessWorld, IdpLoginFlow>();

export function idpLoginFlow(world: HarnessWorld): IdpLoginFlow {
  let flow = loginFlows.get(world);
  if (!flow) {
    flow = new IdpLoginFlow(world);
    loginFlows.set(world, flow);
  }
  return flow;
}
