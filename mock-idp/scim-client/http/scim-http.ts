/*
 * HTTP to the SCIM endpoint: bearer auth, application/scim+json (RFC 7644 §3.1), retries with backoff on 429
 * (honouring Retry-After) and 5xx, every attempt written to the provisioning log. Sleep and fetch are injected so
 * tests neither wait nor leave loopback.
 * - the retries are the vendor's own, modelled here (./retry.ts: what Entra and Okta do), not the harness's;
 * - each attempt goes out through the harness's one HTTP driver (http/send.ts) with its retries off: its
 *   per-attempt timeout (`timeoutMs`, default 30 s; a hung endpoint is a transport failure, retried like one),
 *   and redirects followed as fetch follows them, as these clients always have;
 * - one keep-alive agent for the whole run (./keep-alive-fetch.ts) unless a fetch is injected.
 *
 * In a dry run only reads (GET) are sent; writes are logged as they would be sent and answered locally.
 */
import { HttpError, sendHttp } from '../../../http/send.ts';
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import { ProvisioningError } from '../errors.ts';
import type { ObjectRef, ProvisioningLog } from '../log/log.ts';
import { keepAliveTransport } from './keep-alive-fetch.ts';
import type { KeepAliveTransport } from './keep-alive-fetch.ts';
import { defaultRetryPolicy, delayBeforeRetry, isRetryable } from './retry.ts';
import type { RetryPolicy } from './retry.ts';

export interface ScimResponse {
  status: number;
  body: unknown;
}

export interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
  object?: ObjectRef;
  /** Statuses that count as success; any other final status throws `http/status`. */
  expect?: readonly number[];
}

export interface ScimHttpOptions {
  base: string;
  token: string;
  log: ProvisioningLog;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  clock?: Clock;
  dryRun?: boolean;
  /** Current cycle number, written on every exchange. */
  cycle?: () => number;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number;
}

/** A hung endpoint counts as a failed attempt after this long. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;

export const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class ScimHttp {
  readonly retry: RetryPolicy;
  private dryRunIds = 0;
  /** One keep-alive agent for the run (./keep-alive-fetch.ts), unless a fetch is injected. */
  private transport: KeepAliveTransport | undefined;
  constructor(private readonly o: ScimHttpOptions) {
    this.retry = o.retry ?? defaultRetryPolicy;
  }

  url(path: string, query?: Record<string, string>): string {
    const qs = query ? new URLSearchParams(query).toString() : '';
    return `${this.o.base}${path}${qs ? `?${qs}` : ''}`;
  }

  async request(method: string, path: string, opt: RequestOptions = {}): Promise<ScimResponse> {
    const url = this.url(path, opt.query);
    const cycle = this.o.cycle?.() ?? 0;
    const base = { cycle, method, url, ...(opt.object ? { object: opt.object } : {}), ...(opt.body !== undefined ? { requestBody: opt.body } : {}) };
    if (this.o.dryRun && method !== 'GET') {
      const body = method === 'POST' ? { ...(opt.body as object), id: `dry-run-${++this.dryRunIds}` } : undefined;
      const status = method === 'POST' ? 201 : 204;
      this.o.log.exchange({ ...base, status, attempt: 1, dryRun: true, ...(body ? { responseBody: body } : {}) });
      return { status, body };
    }
    const doFetch = this.o.fetch ?? (this.transport ??= keepAliveTransport()).fetch;
    const sleep = this.o.sleep ?? realSleep;
    const clock = this.o.clock ?? systemClock;
    let last: { status: number; error?: string } = { status: 0 };
    for (let attempt = 1; attempt <= this.retry.maxAttempts; attempt++) {
      let status = 0;
      let body: unknown;
      let retryAfter: string | null = null;
      try {
        const res = await sendHttp(
          {
            method,
            url,
            headers: {
              Authorization: `Bearer ${this.o.token}`,
              Accept: 'application/scim+json',
              ...(opt.body !== undefined ? { 'Content-Type': 'application/scim+json; charset=utf-8' } : {}),
            },
            ...(opt.body !== undefined ? { body: JSON.stringify(opt.body) } : {}),
          },
          { timeoutMs: this.o.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS, retry: 'none', redirect: 'follow', fetch: doFetch },
        );
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        body = res.text === '' ? undefined : res.json !== undefined ? res.json : res.text;
        this.o.log.exchange({ ...base, status, attempt, ...(body !== undefined ? { responseBody: body } : {}), ...(retryAfter ? { retryAfter } : {}) });
        last = { status };
      } catch (e) {
        const error = e instanceof HttpError ? e.reason : (e as Error).message;
        this.o.log.exchange({ ...base, status: 0, attempt, error });
        last = { status: 0, error };
      }
      if (!isRetryable(status)) {
        if (opt.expect && !opt.expect.includes(status)) {
          throw new ProvisioningError('http/status', `${method} ${path} answered ${status}, expected ${opt.expect.join(' or ')}${describeScimError(body)}`, [], status);
        }
        return { status, body };
      }
      if (attempt < this.retry.maxAttempts) await sleep(delayBeforeRetry(this.retry, attempt, retryAfter, clock.now()));
    }
    throw new ProvisioningError(
      last.status === 0 ? 'http/transport' : 'http/retries-exhausted',
      `${method} ${path} failed after ${this.retry.maxAttempts} attempts (last: ${last.status || last.error})`,
      [],
      last.status,
    );
  }
}

/** ": invalidValue – detail" from a SCIM error body (RFC 7644 §3.12), or "". */
export function describeScimError(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const b = body as { scimType?: unknown; detail?: unknown };
  const parts = [b.scimType, b.detail].filter((x) => typeof x === 'string' && x);
  return parts.length ? `: ${parts.join(' – ')}` : '';
}
