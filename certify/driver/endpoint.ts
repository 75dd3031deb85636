/*
 * The HTTP side of the Entra and Okta certification scenarios: sends exactly the request a vendor client sends
 * and records it. Behaviour toward the endpoint (issue 5):
 * - every exchange is attached to the scenario as a transcript (the bearer token is redacted);
 * - the per-request timeout and the process-wide bound on requests in flight are the SCIM stage's settings
 *   (`worldParameters.scim`, steps/support/scim/settings.ts; ../safety/limiter.ts); an interrupted run aborts
 *   requests in flight;
 * - requests go through the one HTTP driver (http/send.ts): its timeout, its abort, and its 429/503 Retry-After
 *   policy (RFC 6585 §4, RFC 9110 §10.2.3: at most 3 retries, 30 s each);
 * - everything created carries the run prefix (`<run prefix>cert-…`) and is deleted at the end of the scenario,
 *   newest first, also when the scenario failed; nothing else is ever changed;
 * - creates and deletes are recorded in the process-wide ledger (../safety/ledger.ts), so an interrupted run
 *   deletes what a scenario could not.
 */
import { randomUUID } from 'node:crypto';
import { HttpError, type HttpAnswer, jsonObject, sendHttp } from '../../http/send.ts';
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

export class EndpointDriver {
  readonly #created: string[] = [];
  #exchanges = 0;

  constructor(
    readonly target: EndpointTarget,
    readonly attach: Attach,
    readonly settings: DriverSettings,
  ) {}

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
    const request = `${method} ${url}\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${k === 'authorization' ? 'Bearer <redacted>' : v}`)
      .join('\n')}${payload ? `\n\n${pretty(payload)}` : ''}`;
    let answer: HttpAnswer;
    try {
      answer = await sendHttp(
        { method, url, headers, ...(payload !== undefined ? { body: payload } : {}) },
        {
          timeoutMs: this.settings.timeoutMs,
          limiter: sharedLimiter(this.settings.concurrency),
          signal: interruptSignal(),
          // Every answer, a 429 waited out included, is in the transcript.
          onAnswer: (a) => this.#record(request, a),
        },
      );
    } catch (error) {
      // No answer (http/timeout, http/aborted, http/unreachable): in the transcript, then the typed error itself.
      const reason = error instanceof HttpError ? error.reason : (error as Error).message;
      this.attach(`${request}\n\n→ ${reason}`, `${++this.#exchanges}. ${method} ${pathOf(url)}`);
      throw error;
    }
    const exchange: Exchange = { method, url, status: answer.status, headers: answer.headers, body: jsonObject(answer), text: answer.text };
    noteExchange(method, url.split('?')[0]!, exchange.status, exchange.body?.id, this.target.token, this.settings.ledgerFile);
    // Any 2xx create with an id is tracked: an endpoint answering 200 instead of 201 must not keep our data.
    const collection = path.split('?')[0]!;
    if (method === 'POST' && exchange.status >= 200 && exchange.status < 300 && /^\/(Users|Groups)\/?$/.test(collection) && typeof exchange.body?.id === 'string') {
      this.#created.push(`${collection}/${encodeURIComponent(exchange.body.id)}`);
    }
    return exchange;
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

  #record(request: string, answer: HttpAnswer): void {
    const shown = ['content-type', 'location', 'etag', 'retry-after'].flatMap((h) => (answer.headers.has(h) ? [`${h}: ${answer.headers.get(h)}`] : []));
    this.attach(
      `${request}\n\n→ ${answer.status} ${answer.statusText}\n${shown.join('\n')}${answer.text ? `\n\n${pretty(answer.text)}` : ''}`,
      `${++this.#exchanges}. ${answer.method} ${pathOf(answer.url)} → ${answer.status}`,
    );
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
