/*
 * The HTTP side of the Entra and Okta certification scenarios: sends exactly the request a vendor client sends
 * and records it. Behaviour toward the endpoint (issue 5):
 * - every exchange is attached to the scenario as a transcript (the bearer token is redacted);
 * - the per-request timeout and the process-wide bound on requests in flight are the SCIM stage's settings
 *   (`worldParameters.scim`, steps/support/scim/settings.ts; ../safety/limiter.ts); an interrupted run aborts
 *   requests in flight;
 * - 429 Too Many Requests is retried after its Retry-After (RFC 6585 §4, RFC 9110 §10.2.3), at most 3 times;
 * - everything created carries the run prefix (`<run prefix>cert-…`) and is deleted at the end of the scenario,
 *   newest first, also when the scenario failed; nothing else is ever changed;
 * - creates and deletes are recorded in the process-wide ledger (../safety/ledger.ts), so an interrupted run
 *   deletes what a scenario could not.
 */
import { randomUUID } from 'node:crypto';
import { interruptSignal } from '../safety/interrupt.ts';
import { noteExchange } from '../safety/ledger.ts';
import type { ScimSettings } from '../../steps/support/scim/settings.ts';
import { sharedLimiter } from '../safety/limiter.ts';

export interface EndpointTarget {
  readonly baseUrl: string;
  readonly token: string;
}

export type Json = { [key: string]: unknown };

export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly body: Json | undefined;
  readonly text: string;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Attach = (text: string, name: string) => unknown;

/** What the driver takes from the run's SCIM settings. */
export type DriverSettings = Pick<ScimSettings, 'timeoutMs' | 'concurrency' | 'runPrefix' | 'ledgerFile'>;

/** Prefix of every resource a certification scenario creates: the run prefix, then `cert-`. */
export function resourcePrefix(settings: Pick<ScimSettings, 'runPrefix'>): string {
  return `${settings.runPrefix}cert-`;
}

const MAX_429_RETRIES = 3;
const MAX_RETRY_AFTER_SECONDS = 30;

export class EndpointDriver {
  readonly #created: string[] = [];
  readonly #timeoutMs: number;
  #exchanges = 0;

  constructor(
    readonly target: EndpointTarget,
    readonly attach: Attach,
    readonly settings: DriverSettings,
    readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.#timeoutMs = settings.timeoutMs;
  }

  /** A fresh, recognisable name for something this scenario creates. */
  uniqueName(kind: string): string {
    return `${resourcePrefix(this.settings)}${kind}-${randomUUID().slice(0, 12)}`;
  }

  async send(method: string, path: string, options: RequestOptions = {}): Promise<Exchange> {
    const url = `${this.target.baseUrl}${path}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.target.token}`,
      accept: 'application/scim+json',
      ...(options.body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      ...options.headers,
    };
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    for (let attempt = 0; ; attempt++) {
      const exchange = await sharedLimiter(this.settings.concurrency).run(() => this.#once(method, url, headers, payload));
      if (exchange.status === 429 && attempt < MAX_429_RETRIES) {
        const seconds = Math.min(Number(exchange.headers.get('retry-after') ?? 1) || 1, MAX_RETRY_AFTER_SECONDS);
        await this.sleep(seconds * 1000);
        continue;
      }
      noteExchange(method, url.split('?')[0]!, exchange.status, exchange.body?.id, this.target.token, this.settings.ledgerFile);
      // Any 2xx create with an id is tracked: an endpoint answering 200 instead of 201 must not keep our data.
      const collection = path.split('?')[0]!;
      if (method === 'POST' && exchange.status >= 200 && exchange.status < 300 && /^\/(Users|Groups)\/?$/.test(collection) && typeof exchange.body?.id === 'string') {
        this.#created.push(`${collection}/${encodeURIComponent(exchange.body.id)}`);
      }
      return exchange;
    }
  }

  /** Deletes what this scenario created, newest first; a failure here is recorded, never thrown. */
  async cleanup(): Promise<void> {
    while (this.#created.length > 0) {
      const path = this.#created.pop()!;
      try {
        await this.send('DELETE', path);
      } catch (error) {
        this.attach(`cleanup of ${path} failed: ${(error as Error).message}`, 'cleanup');
      }
    }
  }

  /** Forget a resource the scenario deleted itself. */
  forget(path: string): void {
    const i = this.#created.indexOf(path);
    if (i >= 0) this.#created.splice(i, 1);
  }

  async #once(method: string, url: string, headers: Record<string, string>, payload: string | undefined): Promise<Exchange> {
    const n = ++this.#exchanges;
    const request = `${method} ${url}\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${k === 'authorization' ? 'Bearer <redacted>' : v}`)
      .join('\n')}${payload ? `\n\n${pretty(payload)}` : ''}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method, headers, body: payload, signal: AbortSignal.any([AbortSignal.timeout(this.#timeoutMs), interruptSignal()]), redirect: 'manual' });
      text = await response.text();
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no response within ${this.#timeoutMs} ms` : (error as Error).message;
      this.attach(`${request}\n\n→ ${reason}`, `${n}. ${method} ${pathOf(url)}`);
      throw new Error(`${method} ${pathOf(url)}: ${reason}`);
    }
    let body: Json | undefined;
    try {
      const parsed: unknown = text === '' ? undefined : JSON.parse(text);
      body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : undefined;
    } catch {
      body = undefined;
    }
    const shown = ['content-type', 'location', 'etag', 'retry-after'].flatMap((h) => (response.headers.has(h) ? [`${h}: ${response.headers.get(h)}`] : []));
    this.attach(
      `${request}\n\n→ ${response.status} ${response.statusText}\n${shown.join('\n')}${text ? `\n\n${pretty(text)}` : ''}`,
      `${n}. ${method} ${pathOf(url)} → ${response.status}`,
    );
    return { method, url, status: response.status, headers: response.headers, body, text };
  }
}

function pathOf(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(`${u.pathname}${u.search}`);
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
