/*
 * The SCIM stage: an HTTP driver (fetch) for one SCIM endpoint, held by the World as `this.scim`.
 * - every request and response is recorded and attached to the scenario as one transcript (token redacted);
 * - everything a scenario creates carries the scenario's prefix (`<run prefix><6 hex>-`, e.g.
 *   `ssoh-1a2b3c4d-5e6f7a-`) and is deleted by `close()`, which the After hook calls also when the scenario
 *   failed; only what this stage created is ever deleted;
 * - every create is recorded in the process-wide ledger (certify/safety/ledger.ts) and every delete removes it,
 *   so an interrupted certification deletes what a scenario could not;
 * - what it talks to and how (endpoint, concurrency, timeout, run prefix) comes from `worldParameters.scim`, or
 *   the environment when a person runs cucumber by hand (./settings.ts);
 * - requests go through the one HTTP driver (http/send.ts): they share the process-wide bound on requests in
 *   flight, time out after `timeoutMs` (default 15 s; `http/timeout`), are aborted when the run is interrupted
 *   (certify/safety/interrupt.ts), and a 429/503 Retry-After is waited out (at most 3 times, 30 s each);
 * - resources are known by the alias the scenario gave them ("alice"); templates such as `<alice.id>`,
 *   `<alice.userName>`, `<prefix>` and `<random>` expand to their values in filters, paths and bodies.
 */
import { randomBytes } from 'node:crypto';
import { jsonObject, sendHttp } from '../../../http/send.ts';
import { interruptSignal } from '../../../certify/safety/interrupt.ts';
import { noteExchange, resourceLedger } from '../../../certify/safety/ledger.ts';
import { sharedLimiter } from '../../../certify/safety/limiter.ts';
import type { Attach } from '../world.ts';
import { scimSettings, type ScimSettings } from './settings.ts';
import { scimTarget, type Json, type ScimTarget } from './target.ts';

export type ResourceKind = 'Users' | 'Groups';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

export interface ScimExchange {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body when it is an object; undefined when empty, not JSON, or not an object. */
  readonly body: Json | undefined;
  /** The parsed JSON body whatever its shape (the admin API answers lists as arrays). */
  readonly json: unknown;
}

export interface KnownResource {
  readonly kind: ResourceKind;
  readonly alias: string;
  readonly id: string;
  /** The representation the endpoint returned when the resource was created (or last read). */
  body: Json;
}

/** Where a request goes: by default the run's target, else an explicit endpoint (seed layouts). */
export interface Endpoint {
  readonly baseUrl: string;
  /** The bearer token; null sends no Authorization header. */
  readonly token: string | null;
}

export interface SendOptions {
  readonly body?: unknown;
  /** Sent verbatim (malformed JSON scenarios); wins over `body`. */
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly endpoint?: Endpoint;
}

export class ScimStage {
  /** Everything this scenario creates is named with it, so it is recognisable on any endpoint. */
  readonly prefix: string;
  readonly resources = new Map<string, KnownResource>();
  /** The list responses of a paged walk (RFC 7644 §3.4.2.4). */
  pages: Json[] = [];
  /** The ETag a resource had when first read, for conditional-request scenarios (RFC 7644 §3.14). */
  readonly versions = new Map<string, string>();
  #target: ScimTarget | undefined;
  #transcript: string[] = [];
  #created: Array<{ endpoint: Endpoint; path: string }> = [];
  #last: ScimExchange | undefined;
  #cleanups: Array<() => Promise<unknown>> = [];
  #endpoint: Endpoint | undefined;
  #cleanupEndpoint: Endpoint | undefined;

  /** `settings`: the World's (`scimSettings(this.parameters)`); by default from the environment. */
  constructor(
    readonly attach: Attach,
    readonly settings: ScimSettings = scimSettings(undefined),
  ) {
    this.prefix = `${settings.runPrefix}${randomBytes(3).toString('hex')}-`;
  }

  /** The run's endpoint (started and discovered once per run). */
  async target(): Promise<ScimTarget> {
    this.#target ??= await scimTarget(this.settings);
    return this.#target;
  }

  /**
   * Sends this scenario's requests to another endpoint of the bundled server (a seed layout, a tenant, a token
   * with fewer scopes). What gets created is deleted through `cleanup` (default: the same endpoint), so that a
   * token without the delete scope never prevents the cleanup.
   */
  use(endpoint: Endpoint, cleanup: Endpoint = endpoint): void {
    this.#endpoint = endpoint;
    this.#cleanupEndpoint = cleanup;
  }

  /** The endpoint requests go to by default. */
  async endpoint(): Promise<Endpoint> {
    if (this.#endpoint) return this.#endpoint;
    const target = await this.target();
    return { baseUrl: target.baseUrl, token: target.token };
  }

  /** The last response; a step asserting on a response that was never received is a scenario bug. */
  get last(): ScimExchange {
    if (!this.#last) throw new Error('no SCIM request has been sent in this scenario yet');
    return this.#last;
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<ScimExchange> {
    const endpoint = options.endpoint ?? (await this.endpoint());
    const url = /^https?:\/\//.test(path) ? path : `${endpoint.baseUrl}${path}`;
    const headers: Record<string, string> = { accept: 'application/scim+json', ...options.headers };
    if (endpoint.token !== null) headers['authorization'] = `Bearer ${endpoint.token}`;
    let payload: string | undefined = options.raw;
    if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/scim+json';

    const answer = await sendHttp(
      { method, url, headers, ...(payload !== undefined ? { body: payload } : {}) },
      { timeoutMs: this.settings.timeoutMs, limiter: sharedLimiter(this.settings.concurrency), signal: interruptSignal() },
    );
    const exchange: ScimExchange = { method, url, status: answer.status, headers: answer.headers, text: answer.text, body: jsonObject(answer), json: answer.json };
    this.#record(exchange, headers, payload);
    this.#trackCreated(exchange, endpoint, path);
    if (method === 'DELETE') noteExchange(method, url, exchange.status, undefined, null, this.settings.ledgerFile);
    this.#last = exchange;
    return exchange;
  }

  // ---- resources -------------------------------------------------------------------------------------------

  /** The userName a scenario's alias stands for: `<prefix><alias>@example.com`. */
  userName(alias: string): string {
    return `${this.prefix}${alias}@example.com`;
  }

  groupName(alias: string): string {
    return `${this.prefix}${alias}`;
  }

  /** A complete, ordinary user (the shape Entra and Okta send) for an alias, with optional extra attributes. */
  userPayload(alias: string, extra: Json = {}): Json {
    const given = alias.charAt(0).toUpperCase() + alias.slice(1);
    return {
      schemas: [USER_SCHEMA],
      userName: this.userName(alias),
      externalId: `${this.prefix}${alias}-ext`,
      name: { givenName: given, familyName: 'Harness', formatted: `${given} Harness` },
      displayName: `${given} Harness`,
      emails: [{ type: 'work', value: this.userName(alias), primary: true }],
      active: true,
      ...extra,
    };
  }

  known(alias: string): KnownResource {
    const resource = this.resources.get(alias);
    if (!resource) throw new Error(`no resource called "${alias}" was created in this scenario`);
    return resource;
  }

  remember(kind: ResourceKind, alias: string, body: Json): KnownResource {
    const id = body['id'];
    if (typeof id !== 'string' || id === '') throw new Error(`the ${kind} "${alias}" came back without an id`);
    const resource: KnownResource = { kind, alias, id, body };
    this.resources.set(alias, resource);
    return resource;
  }

  /** Creates a resource the scenario needs as a precondition; anything but 201 fails the Given step. */
  async given(kind: ResourceKind, alias: string, payload: Json, endpoint?: Endpoint): Promise<KnownResource> {
    const exchange = await this.send('POST', `/${kind}`, { body: payload, ...(endpoint ? { endpoint } : {}) });
    // A precondition needs the resource, not a perfect create: any 2xx with an id will do. The status a create
    // must answer (201, RFC 7644 §3.3) is judged by the create scenarios alone, so one defect fails one test.
    if (exchange.status < 200 || exchange.status >= 300 || typeof exchange.body?.['id'] !== 'string') {
      throw new Error(`creating the ${kind} "${alias}" as a precondition answered ${exchange.status}: ${exchange.text.slice(0, 300)}`);
    }
    return this.remember(kind, alias, exchange.body);
  }

  /**
   * Expands `<alias.path>` (e.g. `<alice.id>`, `<alice.userName>`, `<alice.emails.0.value>`), `<prefix>` and
   * `<random>` in a step's text.
   */
  expand(template: string): string {
    return template.replace(/<([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_.$:-]+))?>/g, (whole, name: string, path: string | undefined) => {
      if (path === undefined) {
        if (name === 'prefix') return this.prefix;
        if (name === 'random') return `${this.prefix}${randomBytes(6).toString('hex')}`;
        return whole;
      }
      const resource = this.resources.get(name);
      if (!resource) return whole;
      if (path === 'id') return resource.id;
      const value = readPath(resource.body, path);
      if (value === undefined) throw new Error(`the ${resource.kind} "${name}" has no ${path}`);
      return String(value);
    });
  }

  // ---- cleanup and transcript ------------------------------------------------------------------------------

  /** Registers an undo for something that is not a SCIM resource (an admin-API token); run first by close(). */
  onClose(undo: () => Promise<unknown>): void {
    this.#cleanups.push(undo);
  }

  async close(): Promise<void> {
    for (const undo of this.#cleanups.reverse()) {
      try {
        await undo();
      } catch (error) {
        this.#transcript.push(`cleanup failed: ${(error as Error).message}`);
      }
    }
    this.#cleanups = [];
    if (this.#created.length > 0) {
      this.#transcript.push('===== cleanup: deleting what this scenario created =====');
      // Groups first so that memberships do not outlive their users in the transcript's reading order.
      const ordered = [...this.#created].reverse().sort((a, b) => Number(b.path.includes('/Groups/')) - Number(a.path.includes('/Groups/')));
      for (const { endpoint, path } of ordered) {
        try {
          await this.send('DELETE', path, { endpoint });
        } catch (error) {
          this.#transcript.push(`cleanup of ${path} failed: ${(error as Error).message}`);
        }
      }
      this.#created = [];
    }
    if (this.#transcript.length > 0) this.attach(this.#transcript.join('\n'), 'scim-transcript.txt');
    this.#transcript = [];
  }

  #record(exchange: ScimExchange, headers: Record<string, string>, payload: string | undefined): void {
    const lines = [`> ${exchange.method} ${exchange.url}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`> ${name}: ${name === 'authorization' ? redact(value) : value}`);
    if (payload !== undefined) lines.push(`> ${payload}`);
    lines.push(`< ${exchange.status}`);
    exchange.headers.forEach((value, name) => {
      if (['content-type', 'location', 'etag', 'www-authenticate', 'retry-after'].includes(name)) lines.push(`< ${name}: ${value}`);
    });
    if (exchange.text !== '') lines.push(`< ${exchange.text}`);
    this.#transcript.push(lines.join('\n'), '');
  }

  /**
   * Records what a request created (a 2xx POST with an id — a precondition accepts any 2xx — and Bulk POST
   * results) so that close() can delete it, and in the process-wide ledger.
   */
  #trackCreated(exchange: ScimExchange, endpoint: Endpoint, path: string): void {
    if (exchange.method !== 'POST') return;
    const track = (kind: ResourceKind, id: unknown): void => {
      const cleanup = this.#cleanupEndpoint && this.#cleanupEndpoint.baseUrl === endpoint.baseUrl ? this.#cleanupEndpoint : endpoint;
      if (typeof id !== 'string' || id === '') return;
      this.#created.push({ endpoint: cleanup, path: `/${kind}/${encodeURIComponent(id)}` });
      resourceLedger(this.settings.ledgerFile).record({ kind, id, baseUrl: cleanup.baseUrl, token: cleanup.token });
    };
    const kindOf = (p: string): ResourceKind | undefined => (/\/Users\/?$/.test(p) ? 'Users' : /\/Groups\/?$/.test(p) ? 'Groups' : undefined);
    const kind = kindOf(path.split('?')[0]!);
    if (kind && exchange.status >= 200 && exchange.status < 300) track(kind, exchange.body?.['id']);
    if (/\/Bulk$/.test(path) && Array.isArray(exchange.body?.['Operations'])) {
      for (const operation of exchange.body['Operations'] as Json[]) {
        const match = /\/(Users|Groups)\/([^/?#]+)$/.exec(String(operation['location'] ?? ''));
        if (String(operation['method']).toUpperCase() === 'POST' && match) track(match[1] as ResourceKind, decodeURIComponent(match[2]!));
      }
    }
  }
}

function redact(authorization: string): string {
  const [scheme, value = ''] = authorization.split(' ');
  return `${scheme} …${value.slice(-4)}`;
}

/** Reads a dotted path (`name.givenName`, `emails.0.value`, `urn:…:User.manager.value`) from a JSON body. */
export function readPath(body: unknown, path: string): unknown {
  const urn = /^(urn:[^.]+(?:\.[0-9]+)*:[A-Za-z]+)\.(.*)$/.exec(path);
  const parts = urn ? [urn[1]!, ...urn[2]!.split('.')] : path.split('.');
  let value: unknown = body;
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return undefined;
    if (Array.isArray(value)) {
      value = /^\d+$/.test(part) ? value[Number(part)] : undefined;
      continue;
    }
    const entry = Object.entries(value as Json).find(([key]) => key.toLowerCase() === part.toLowerCase());
    value = entry?.[1];
  }
  return value;
}
