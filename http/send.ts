/*
 * The one HTTP driver for the harness's SCIM traffic: the SCIM steps (steps/support/scim/stage.ts), the Entra/Okta
 * certification driver (certify/driver/endpoint.ts), the certification's pre-flight and clean-up (certify/), and
 * the transport of the mock IdP's Entra and Okta clients (mock-idp/scim-client/http/scim-http.ts). It imports
 * nothing from either side of the wire, nor from steps/ or certify/.
 * - one timeout and one abort: every attempt ends after `timeoutMs` (`http/timeout`) or when the caller's signal
 *   aborts (`http/aborted`: an interrupted run); no connection at all is `http/unreachable`, named the way the
 *   system names it (ECONNREFUSED, ENOTFOUND, a TLS error code);
 * - one retry policy (./retry-after.ts): a 429 or 503 is waited out and retried, at most 3 times; `retry: 'none'`
 *   hands every answer back at once (the Entra/Okta clients model their vendor's own retries above it);
 * - a wait holds no slot of the caller's limiter (the bound on requests in flight);
 * - a redirect is an answer, not followed (a SCIM endpoint answers its requests itself), unless the caller asks
 *   for `redirect: 'follow'` (the Entra/Okta clients keep fetch's behaviour);
 * - every answer, retried or final, goes to `onAnswer` (a transcript); the body is read as text and parsed as JSON
 *   when it is JSON.
 * Time (`sleep`, `now`) and `fetch` are injected so tests neither wait nor leave loopback.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryWaitMs } from './retry-after.ts';

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as it is. */
  readonly body?: string;
}

export interface HttpAnswer {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, whatever its shape; undefined when empty or not JSON. */
  readonly json: unknown;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

export interface SendOptions {
  readonly timeoutMs: number;
  /** Aborts the request in flight and any wait (an interrupted run). */
  readonly signal?: AbortSignal;
  /** The bound on requests in flight; each attempt holds one slot, a wait none. */
  readonly limiter?: { run<T>(task: () => Promise<T>): Promise<T> };
  readonly retry?: RetryPolicy | 'none';
  /** Default 'manual': a 3xx is the answer. */
  readonly redirect?: 'manual' | 'follow';
  /** Every answer, including those that are retried. */
  readonly onAnswer?: (answer: HttpAnswer) => void;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now?: () => Date;
}

export type HttpErrorCode = 'http/timeout' | 'http/aborted' | 'http/unreachable';

/** A request that got no answer. The message names the request and why, never a body or a header. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly code: HttpErrorCode,
    readonly method: string,
    readonly url: string,
    /** `no answer within 300 ms`, `ECONNREFUSED`, the abort's reason. */
    readonly reason: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} ${url}: ${reason}`);
  }
}

const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const immediately = { run: <T>(task: () => Promise<T>): Promise<T> => task() };

/** Sends a request: one attempt, then as many retries as the policy grants. */
export async function sendHttp(request: HttpRequest, options: SendOptions): Promise<HttpAnswer> {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? (() => new Date());
  for (let attempt = 1; ; attempt++) {
    const answer = await (options.limiter ?? immediately).run(() => once(request, attempt, options));
    options.onAnswer?.(answer);
    const wait = policy === 'none' ? undefined : retryWaitMs(policy, answer.status, answer.headers.get('retry-after'), attempt, now());
    if (wait === undefined) return answer;
    try {
      await sleep(wait, options.signal);
    } catch {
      throw new HttpError('http/aborted', request.method, request.url, abortReason(options.signal), options.timeoutMs);
    }
  }
}

/*
 * One controller per attempt, its timer cleared as soon as the attempt ends: AbortSignal.timeout() would keep a timer,
 * a WeakRef and closures alive for the whole timeout after every answer (about 0.7 KB each; at 2,000 requests/s,
 * tens of MiB and GC work for nothing, measured in a 100k-user provisioning run, issue 15).
 */
async function once(request: HttpRequest, attempt: number, options: SendOptions): Promise<HttpAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${options.timeoutMs} ms`, 'TimeoutError'));
  }, options.timeoutMs);
  const onCallerAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  else options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const signal = controller.signal;
  try {
    const response = await (options.fetch ?? fetch)(request.url, {
      method: request.method,
      headers: { ...request.headers },
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: options.redirect ?? 'manual',
      signal,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { method: request.method, url: request.url, status: response.status, statusText: response.statusText, headers: response.headers, text, json, attempt };
  } catch (error) {
    if (timedOut) throw new HttpError('http/timeout', request.method, request.url, `no answer within ${options.timeoutMs} ms`, options.timeoutMs);
    if (options.signal?.aborted) throw new HttpError('http/aborted', request.method, request.url, abortReason(options.signal), options.timeoutMs);
    throw new HttpError('http/unreachable', request.method, request.url, networkReason(error), options.timeoutMs);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function abortReason(signal: AbortSignal | undefined): string {
  const reason = signal?.reason as { message?: unknown } | string | undefined;
  if (typeof reason === 'string') return `aborted: ${reason}`;
  return typeof reason?.message === 'string' ? reason.message : 'aborted';
}

/** Why a fetch got no answer, as the system names it (ECONNREFUSED, ENOTFOUND, a TLS error code, …). */
export function networkReason(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  const cause = e?.cause;
  const code = cause?.code ?? cause?.errors?.find((x) => x.code)?.code ?? e?.code;
  if (code) return code;
  return (cause?.message ?? e?.message ?? String(error)).split('\n')[0]!;
}

/** The parsed body when it is a JSON object (a SCIM resource, list or error); undefined otherwise. */
export function jsonObject(answer: Pick<HttpAnswer, 'json'>): { [key: string]: unknown } | undefined {
  const json = answer.json;
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { [key: string]: unknown }) : undefined;
}
