/*
 * One virtual user of the load run: a browser made of undici requests and its own cookie jar
 * (certify/saml/cookie-jar.ts, RFC 6265), sharing the run's connection pool.
 * Why undici and not autocannon: a sign-in is a chain whose length the SP decides (redirects until the
 * AuthnRequest, the ACS's redirects after it) with an awaited in-process mint in the middle; autocannon's request
 * lists have a fixed length and its setupRequest cannot await. undici's Agent keeps one Pool per origin with
 * keep-alive connections (at most --connections each), so connection reuse, queueing and socket handling are the
 * library's, not ours.
 * - every request carries the user's cookies and stores what the SP sets; redirects are followed by the caller
 * - timeouts are undici's, per phase of a request: connecting, waiting for the answer's headers, and each pause in
 *   its body, each at most timeoutMs (load/timeout); a refused or reset connection is load/connect. No per-request
 *   AbortSignal (an hour at 10,000/s would make 10^8 of them): a stopped run destroys the pool instead, which ends
 *   every request in flight (the caller counts them as interrupted)
 * - a body is read up to 256 KiB (enough for any login page or form) and the rest discarded: bounded cost
 */
import { Agent, request } from 'undici';
import { CookieJar } from '../../certify/saml/cookie-jar.ts';
import { BROWSER_ACCEPT } from '../../certify/saml/driver/driver.ts';
import { LoadError } from './errors.ts';

const MAX_BODY_BYTES = 256 * 1024;

export interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  /** The body, cut at 256 KiB; empty when not asked for. */
  readonly body: string;
}

/** The run's connection pool: one undici Pool per origin, keep-alive, at most `connections` sockets each. */
export function connectionPool(connections: number, timeoutMs: number): Agent {
  return new Agent({ connections, pipelining: 1, connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 30_000 });
}

function setCookies(header: string | string[] | undefined): string[] {
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

function failure(error: unknown, url: string, timeoutMs: number, signal: AbortSignal): unknown {
  if (signal.aborted) return error;
  const code = (error as { code?: string }).code ?? '';
  const name = (error as { name?: string }).name ?? '';
  const origin = new URL(url).origin;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return new LoadError('load/timeout', `${origin} did not answer within ${timeoutMs} ms`);
  return new LoadError('load/connect', `${origin} cannot be reached (${code || name || 'connection failed'})`);
}

export class VirtualUser {
  readonly jar = new CookieJar();

  constructor(
    private readonly pool: Agent,
    private readonly timeoutMs: number,
    /** Aborted when the run stops (SIGINT, or the end of the drain) and the pool is destroyed. */
    private readonly stop: AbortSignal,
  ) {}

  /** One request with this user's cookies; `readBody` false discards the body unread. */
  async send(url: string, init: { method?: 'GET' | 'POST'; form?: Readonly<Record<string, string>>; accept?: string; readBody?: boolean } = {}): Promise<Answer> {
    const cookie = this.jar.header(url);
    try {
      const response = await request(url, {
        dispatcher: this.pool,
        method: init.method ?? 'GET',
        headers: {
          accept: init.accept ?? BROWSER_ACCEPT,
          ...(cookie ? { cookie } : {}),
          ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      });
      this.jar.store(url, setCookies(response.headers['set-cookie']));
      const location = response.headers['location'];
      let body = '';
      if (init.readBody === false) await response.body.dump();
      else body = await bounded(response.body);
      return { status: response.statusCode, location: typeof location === 'string' ? location : undefined, body };
    } catch (error) {
      throw failure(error, url, this.timeoutMs, this.stop);
    }
  }
}

/** The body up to MAX_BODY_BYTES; past that the stream is dropped (undici closes that connection). */
async function bounded(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}
