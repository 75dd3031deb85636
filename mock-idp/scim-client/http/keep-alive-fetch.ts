/*
 * The provisioning client's transport: a `fetch` over undici's `request` with ONE keep-alive Agent per run, handed to
 * the harness's one HTTP driver (http/send.ts, which keeps the timeout and the retries) by ./scim-http.ts. Why not
 * the global fetch: at 100,000 users a run sends ~230,000 requests, and the global fetch (undici's WHATWG layer: web
 * streams, transferable AbortSignals, Response objects) costs ~3× the client CPU of undici's `request` on a kept-alive
 * socket (measured on loopback, 16 in flight: ~600 vs ~190 µs a request; node:http ~230) — the difference between
 * the simulator and the SCIM server being the bottleneck.
 * Hand-written because it must behave exactly as fetch does for what the Entra/Okta clients rely on:
 * - the same request on the wire: method, headers as given, a string body with its Content-Length;
 * - the answer as status, statusText, Headers and text() (all http/send.ts reads);
 * - redirects followed as fetch follows them (WHATWG Fetch §4.4 "HTTP-redirect fetch": 303, and 301/302 after a
 *   POST, become a GET without body; 307/308 keep method and body): the redirected request is handed to the global
 *   fetch (without Authorization when the redirect leaves the origin, as fetch does);
 * - the caller's AbortSignal (the per-attempt timeout) aborts the request; a refused connection fails with its
 *   system code (ECONNREFUSED), which http/send.ts reports as `http/unreachable`.
 * Anything it does not model (a non-string body, another scheme) goes to the global fetch unchanged.
 */
import { Agent, request } from 'undici';

export interface KeepAliveTransport {
  readonly fetch: typeof fetch;
  /** Closes the kept-alive sockets (idle ones never hold the process open). */
  close(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The answer http/send.ts reads; shaped like a Response for those members only. */
interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly ok: boolean;
  readonly redirected: boolean;
  readonly url: string;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export function keepAliveTransport(): KeepAliveTransport {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const send = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
    const body = init.body;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || (body != null && typeof body !== 'string')) return fetch(input, init);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const res = await request(url, {
      method: (init.method ?? 'GET') as 'GET',
      headers,
      dispatcher: agent,
      ...(typeof body === 'string' ? { body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const text = await res.body.text();
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (typeof value === 'string') answerHeaders.append(name, value);
      else if (Array.isArray(value)) for (const v of value) answerHeaders.append(name, v);
    }
    const status = res.statusCode;
    const location = answerHeaders.get('location');
    if (REDIRECTS.has(status) && location && (init.redirect ?? 'follow') === 'follow') return followRedirect(url, status, location, init);
    const answer: Answer = {
      status,
      statusText: res.statusText ?? '',
      headers: answerHeaders,
      ok: status >= 200 && status < 300,
      redirected: false,
      url: url.href,
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
    };
    return answer as unknown as Response;
  };
  return {
    fetch: send as typeof fetch,
    close() {
      void agent.close();
    },
  };
}

/** WHATWG Fetch §4.4 step 12: 303 (and 301/302 after a POST) becomes a GET without a body. */
function followRedirect(from: URL, status: number, location: string, init: RequestInit): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const toGet = status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  const next = new URL(location, from);
  const headers = new Headers(init.headers);
  if (next.origin !== from.origin) headers.delete('authorization');
  if (toGet) {
    headers.delete('content-type');
    headers.delete('content-length');
  }
  const { body: _body, ...rest } = init;
  return fetch(next, { ...rest, headers, method: toGet ? 'GET' : method, ...(toGet || init.body == null ? {} : { body: init.body }) });
}
