/*
 * The Entra stage of a scenario: the mock IdP's Entra-style provisioning engine (mock-idp/scim-client) against
 * the bundled reference SCIM server's NinjaOne profile tenant (reference-sp), both in-process on loopback.
 *
 * - Given steps shape the run before it starts: the tenant's SCIM mode (strict | lenient), the PATCH flag on the
 *   tenant URL (`?aadOptscim062020` = compliant, none = Entra's legacy default), scoping filters, mappings
 *   removed, a gateway scripting failures in front of the server, a wrong token. The engine is built from them on
 *   first use, from NinjaOne's config as written (mock-idp/scim-client/fixtures/ninjaone.yaml).
 * - Directory changes before the engine exists are queued and applied when it is built; afterwards they go
 *   straight to the engine's directory (the admin acting in Entra between cycles).
 * - Sleep is injected: a retry never waits on wall time; the delays asked are recorded in `sleeps`.
 * - Test Connection's "random" GUID is random per scenario and known to the stage, so the request can be shown.
 * - Reads of what the server stored go over HTTP straight to the reference server (never through the gateway).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { jsonObject, sendHttp } from '../../../http/send.ts';
import { resolveConfig, type ProvisioningConfig, type ProvisioningConfigInput } from '../../../mock-idp/scim-client/config/load.ts';
import type { Directory } from '../../../mock-idp/scim-client/directory/directory.ts';
import { createProvisioner, type Provisioner } from '../../../mock-idp/scim-client/engine/create.ts';
import type { CycleResult } from '../../../mock-idp/scim-client/engine/engine.ts';
import { ProvisioningError } from '../../../mock-idp/scim-client/errors.ts';
import type { Exchange, ObjectOutcome } from '../../../mock-idp/scim-client/log/log.ts';
import type { ScopingFilterInput } from '../../../mock-idp/scim-client/scoping/filter.ts';
import type { ScimMode } from '../../../reference-sp/config/scim-section.ts';
import type { ScenarioClock } from '../clock.ts';
import type { Attach } from '../world.ts';
import { startScimGateway, type ScimGateway } from './gateway.ts';
import { OBSERVER_HEADER, startReferenceScim, type RunningReferenceScim } from './reference-server.ts';

export const NINJAONE_FIXTURE = fileURLToPath(new URL('../../../mock-idp/scim-client/fixtures/ninjaone.yaml', import.meta.url));

/** Entra's PATCH behaviour, chosen by the flag on the tenant URL. */
export type PatchFlag = 'compliant' | 'legacy';

/** One request as a scenario writes it: the path relative to the tenant URL, with `{id}` for the object's id. */
export interface RequestRow {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly attempt: number;
}

export interface StoredResource {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const TENANTS = { strict: 'ninjaone', lenient: 'ninjaone-lenient' } as const;

/** The schema URNs a server "that refuses URNs it does not know" knows: NinjaOne's tenant schemas. */
const NINJAONE_KNOWN_URNS = [
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:core:2.0:Group',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User',
] as const;

export class EntraStage {
  /** The scenario's name, set by a Before hook: names its provisioning-log directory under reports/. */
  scenarioName = 'scenario';
  tenantMode: ScimMode = 'strict';
  patch: PatchFlag = 'compliant';
  /** Milliseconds each retry asked to wait, in order. */
  readonly sleeps: number[] = [];
  /** The GUID Test Connection filters on. */
  readonly testGuid = randomUUID();
  /** The last Test Connection's failure (undefined: it succeeded or did not run). */
  connectionError: ProvisioningError | undefined;
  connectionTested = false;
  /** A configuration refused before any request. */
  configError: ProvisioningError | undefined;
  lastCycle: CycleResult | undefined;
  /** Where the provisioning log was written. */
  reportFiles: { json: string; html: string } | undefined;
  /** Another IdP's client profile (`onelogin-2024`, …) instead of Entra's; its tenant URL carries no Entra flag. */
  clientProfile: string | undefined;
  /** The provisioning config the engine starts from. */
  fixture = NINJAONE_FIXTURE;
  /** The tenants serve no extension schema (an IdP that sends the core User schema only, like JumpCloud). */
  tenantsWithoutExtensions = false;

  #server: RunningReferenceScim | undefined;
  #gateway: ScimGateway | undefined;
  #provisioner: Provisioner | undefined;
  #config: ProvisioningConfig | undefined;
  #wrongToken = false;
  #scoping: ScopingFilterInput[] | undefined;
  #removedTargets: string[] = [];
  readonly #pending: Array<(directory: Directory) => void> = [];

  constructor(
    readonly clock: ScenarioClock,
    readonly attach: Attach,
  ) {}

  // ---- setting up (before the engine exists) ----

  async server(): Promise<RunningReferenceScim> {
    this.#server ??= await startReferenceScim({
      tenants: [
        { id: TENANTS.strict, mode: 'strict', withoutExtensions: this.tenantsWithoutExtensions },
        { id: TENANTS.lenient, mode: 'lenient', withoutExtensions: this.tenantsWithoutExtensions },
      ],
      clock: this.clock,
    });
    return this.#server;
  }

  private async tenant() {
    return (await this.server()).tenants.get(TENANTS[this.tenantMode])!;
  }

  /** The gateway in front of the tenant; the engine is pointed at it when it exists before the engine. */
  /** What the scenario scripted at the gateway that no request met (see ScimGateway.unconsumed). */
  unconsumedGatewayScripts(): string[] {
    return this.#gateway?.unconsumed() ?? [];
  }

  async gateway(): Promise<ScimGateway> {
    this.notStarted('a gateway');
    this.#gateway ??= await startScimGateway((await this.tenant()).url);
    return this.#gateway;
  }

  /**
   * Puts a server in front of the tenant that refuses, with 400 invalidSyntax, a create or replace whose `schemas`
   * lists a URN outside NinjaOne's schemas — a vendor server strict about schema URNs, whatever the reference
   * server itself tolerates.
   */
  async refuseUnknownSchemaUrns(): Promise<void> {
    (await this.gateway()).refuseSchemaUrnsOtherThan(NINJAONE_KNOWN_URNS);
  }

  useWrongToken(): void {
    this.notStarted('the token');
    this.#wrongToken = true;
  }

  scopeUsers(filters: ScopingFilterInput[]): void {
    this.notStarted('scoping filters');
    this.#scoping = filters;
  }

  removeMapping(target: string): void {
    this.notStarted('the mappings');
    this.#removedTargets.push(target);
  }

  /** An admin action on the directory: queued until the engine exists, applied at once afterwards. */
  changeDirectory(change: (directory: Directory) => void): void {
    if (this.#config) change(this.#config.directory);
    else this.#pending.push(change);
  }

  private notStarted(what: string): void {
    if (this.#provisioner || this.configError) throw new Error(`${what} must be set before Entra starts provisioning`);
  }

  // ---- the engine ----

  private configInput(): ProvisioningConfigInput {
    const input = parseYaml(readFileSync(this.fixture, 'utf8')) as ProvisioningConfigInput & { mappings: { users: { mappings: Array<{ target: string }> } } };
    input.mappings.users.mappings = input.mappings.users.mappings.filter((m) => !this.#removedTargets.includes(m.target));
    if (this.#scoping) input.scoping = { users: this.#scoping };
    return input;
  }

  /** Builds the engine; a refused configuration is kept in `configError` and returns undefined. */
  async provisioner(): Promise<Provisioner | undefined> {
    if (this.#provisioner) return this.#provisioner;
    if (this.configError) return undefined;
    const tenant = await this.tenant();
    try {
      this.#config = resolveConfig(this.configInput(), { clock: this.clock });
    } catch (e) {
      if (!(e instanceof ProvisioningError)) throw e;
      this.configError = e;
      return undefined;
    }
    for (const change of this.#pending.splice(0)) change(this.#config.directory);
    const base = this.#gateway?.url ?? tenant.url;
    this.#provisioner = createProvisioner({
      config: this.#config,
      // An Entra profile reads the tenant URL's flag; another IdP's tenant URL carries none.
      url: this.patch === 'compliant' && (!this.clientProfile || this.clientProfile.startsWith('entra')) ? `${base}?aadOptscim062020` : base,
      ...(this.clientProfile ? { client: this.clientProfile } : {}),
      token: this.#wrongToken ? `wrong-${randomUUID()}` : tenant.token,
      clock: this.clock,
      sleep: async (ms) => {
        this.sleeps.push(ms);
      },
      newGuid: () => this.testGuid,
    });
    return this.#provisioner;
  }

  private async engine() {
    const p = await this.provisioner();
    if (!p) throw new Error(`the provisioning configuration was refused: ${this.configError?.code}`);
    return p;
  }

  async configure(): Promise<void> {
    await this.provisioner();
  }

  async testConnection(): Promise<void> {
    const { engine } = await this.engine();
    this.connectionTested = true;
    this.connectionError = undefined;
    try {
      await engine.testConnection();
    } catch (e) {
      if (!(e instanceof ProvisioningError)) throw e;
      this.connectionError = e;
    }
  }

  async runCycle(): Promise<CycleResult> {
    const { engine, log } = await this.engine();
    const before = log.exchanges.length;
    this.lastCycle = await engine.runCycle();
    this.attach(
      log.exchanges
        .slice(before)
        .map((e) => `${e.method} ${this.relative(e)} → ${e.status || e.error}`)
        .join('\n'),
      `cycle-${this.lastCycle.cycle}.txt`,
    );
    return this.lastCycle;
  }

  /** Runs cycles until the last one sent no write: the "Given Entra has provisioned …" shortcut. */
  async provisionAll(): Promise<void> {
    const result = await this.runCycle();
    if (result.failed.length) {
      throw new Error(`provisioning failed for ${result.failed.map((f) => `${f.object.name} (${f.code}: ${f.reason})`).join(', ')}`);
    }
  }

  get directory(): Directory {
    if (!this.#config) throw new Error('the directory is read after Entra starts provisioning');
    return this.#config.directory;
  }

  // ---- reading the log ----

  get exchanges(): readonly Exchange[] {
    return this.#provisioner?.log.exchanges ?? [];
  }

  get outcomes(): readonly ObjectOutcome[] {
    return this.#provisioner?.log.outcomes ?? [];
  }

  /** The SCIM id an object (UPN or group displayName) was provisioned as. */
  targetId(name: string): string {
    const id = this.targetIdOrUndefined(name);
    if (!id) throw new Error(`"${name}" was never provisioned`);
    return id;
  }

  private targetIdOrUndefined(name: string): string | undefined {
    const fromOutcome = [...this.outcomes].reverse().find((o) => o.object.name === name && o.targetId)?.targetId;
    if (fromOutcome) return fromOutcome;
    const source = this.#config?.directory.user(name) ?? this.#config?.directory.group(name);
    return source ? this.#provisioner?.engine.targetIdOf(source.objectId) : undefined;
  }

  /** The path of an exchange relative to the tenant URL, decoded, ids of known objects written `{id of …}`. */
  relative(e: Exchange): string {
    const base = this.#provisioner!.tenant.base;
    let path = e.url.startsWith(base) ? e.url.slice(base.length) : e.url;
    path = decodeURIComponent(path.replace(/\+/g, ' '));
    path = path.replaceAll(this.testGuid, '{random GUID}');
    const own = e.object ? this.targetIdOrUndefined(e.object.name) : undefined;
    if (own) path = path.replaceAll(own, '{id}');
    return path;
  }

  /** The requests sent for one object (UPN or group displayName), optionally in one cycle. */
  requestsFor(name: string | undefined, cycle?: number): RequestRow[] {
    return this.exchanges
      .filter((e) => (name === undefined ? !e.object : e.object?.name === name) && (cycle === undefined || e.cycle === cycle))
      .map((e) => ({ method: e.method, path: this.relative(e), status: e.status, attempt: e.attempt }));
  }

  /** Request bodies of one object's requests with this method. */
  bodiesFor(name: string, method: string, cycle?: number): unknown[] {
    return this.exchanges.filter((e) => e.object?.name === name && e.method === method && (cycle === undefined || e.cycle === cycle)).map((e) => e.requestBody);
  }

  /**
   * An object's last outcome (in a cycle). The engine names an object it hard-deletes by its objectId (the
   * directory no longer has its UPN), so the source id the object was first reported under matches too.
   */
  outcomeOf(name: string, cycle = this.lastCycle?.cycle): ObjectOutcome | undefined {
    const sourceId = this.outcomes.find((o) => o.object.name === name)?.object.sourceId;
    return [...this.outcomes]
      .reverse()
      .find((o) => (o.object.name === name || (sourceId !== undefined && o.object.sourceId === sourceId)) && (cycle === undefined || o.cycle === cycle));
  }

  /** Writes the provisioning log (JSON + HTML) under reports/entra/<scenario>/. */
  writeLog(): { json: string; html: string } {
    const slug =
      this.scenarioName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 80) || 'scenario';
    return this.#provisioner!.log.writeReports(join('reports', 'entra', slug), `Provisioning log — ${this.scenarioName}`);
  }

  // ---- reading the server (over HTTP, never through the gateway) ----

  async scimGet(path: string): Promise<StoredResource> {
    const tenant = await this.tenant();
    const answer = await sendHttp(
      { method: 'GET', url: `${tenant.url}${path}`, headers: { Authorization: `Bearer ${tenant.token}`, Accept: 'application/scim+json', [OBSERVER_HEADER]: '1' } },
      { timeoutMs: 10_000, retry: 'none' },
    );
    return { status: answer.status, body: jsonObject(answer) ?? {} };
  }

  /** A group the app's admin made in the tenant itself (OneLogin assigns users only to the app's own groups). */
  async createTenantGroup(displayName: string): Promise<void> {
    const tenant = await this.tenant();
    const answer = await sendHttp(
      {
        method: 'POST',
        url: `${tenant.url}/Groups`,
        headers: { Authorization: `Bearer ${tenant.token}`, 'Content-Type': 'application/scim+json', [OBSERVER_HEADER]: '1' },
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName }),
      },
      { timeoutMs: 10_000, retry: 'none' },
    );
    if (answer.status !== 201) throw new Error(`creating the tenant's group "${displayName}" answered ${answer.status}`);
  }

  async storedUser(upn: string): Promise<StoredResource> {
    return this.scimGet(`/Users/${encodeURIComponent(this.targetId(upn))}`);
  }

  async storedGroup(displayName: string): Promise<StoredResource> {
    return this.scimGet(`/Groups/${encodeURIComponent(this.targetId(displayName))}`);
  }

  async tolerances(): Promise<Array<{ code: string; resourceType: string | null; operation: string | null }>> {
    const { status, body } = await this.scimGet('/.tolerances');
    if (status !== 200) throw new Error(`GET /.tolerances answered ${status}`);
    return body['tolerances'] as Array<{ code: string; resourceType: string | null; operation: string | null }>;
  }

  /** Requests the reference server itself received (not those the gateway answered). */
  get received() {
    return this.#server?.received ?? [];
  }

  async close(): Promise<void> {
    await this.#gateway?.close();
    await this.#server?.close();
  }
}
