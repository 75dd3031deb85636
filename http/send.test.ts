/*
 * The HTTP driver against purpose-built loopback servers: what it returns, the one retry policy, the one timeout
 * and abort, and that a wait holds no slot of the limiter. Time is injected: nothing here waits for a Retry-After.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError, jsonObject, sendHttp, type SendOptions } from './send.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server answering the listed answers in turn, then 200; counts requests. */
async function answering(...answers: Array<[number, Record<string, string>?]>): Promise<{ url: string; requests: () => number }> {
  let n = 0;
  const url = await serve((_req, res) => {
    const [status, headers] = answers[n++] ?? [200, {}];
    res.writeHead(status, { 'content-type': 'application/scim+json', ...headers }).end(JSON.stringify({ n }));
  });
  return { url: `${url}/scim/v2/Users`, requests: () => n };
}

function recordingSleep(): { waits: number[]; sleep: NonNullable<SendOptions['sleep']> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

const GET = (url: string) => ({ method: 'GET', url });

describe('sendHttp', () => {
  it('answers with status, headers, text and the parsed body; sends method, headers and body as given', async () => {
    let seen = '';
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen = `${req.method} ${req.headers['authorization']} ${body}`;
        res.writeHead(201, { 'content-type': 'application/scim+json', location: '/Users/1' }).end('{"id":"1"}');
      });
    });
    const answer = await sendHttp({ method: 'POST', url, headers: { authorization: 'Bearer t' }, body: '{"userName":"a"}' }, { timeoutMs: 5000 });
    expect(seen).toBe('POST Bearer t {"userName":"a"}');
    expect(answer).toMatchObject({ status: 201, text: '{"id":"1"}', json: { id: '1' }, attempt: 1 });
    expect(answer.headers.get('location')).toBe('/Users/1');
    expect(jsonObject(answer)).toEqual({ id: '1' });
  });

  it('leaves a body that is not JSON unparsed, and a redirect unfollowed', async () => {
    const url = await serve((_req, res) => res.writeHead(302, { location: '/login' }).end('<html>'));
    const answer = await sendHttp(GET(url), { timeoutMs: 5000 });
    expect(answer).toMatchObject({ status: 302, text: '<html>', json: undefined });
    expect(jsonObject({ json: [1] })).toBeUndefined();
  });

  it('waits out a 429 or 503 Retry-After and retries; every answer goes to onAnswer', async () => {
    const server = await answering([429, { 'retry-after': '2' }], [503, { 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }]);
    const { waits, sleep } = recordingSleep();
    const seen: number[] = [];
    const answer = await sendHttp(GET(server.url), { timeoutMs: 5000, sleep, now: () => new Date('2026-01-01T00:00:00Z'), onAnswer: (a) => seen.push(a.status) });
    expect({ status: answer.status, attempt: answer.attempt, waits, seen }).toEqual({ status: 200, attempt: 3, waits: [2000, 3000], seen: [429, 503, 200] });
  });

  it('retries at most 3 times, then the 429 is the answer', async () => {
    const busy: [number, Record<string, string>] = [429, { 'retry-after': '1' }];
    const server = await answering(busy, busy, busy, busy, busy);
    const { waits, sleep } = recordingSleep();
    const answer = await sendHttp(GET(server.url), { timeoutMs: 5000, sleep });
    expect({ status: answer.status, attempt: answer.attempt, requests: server.requests(), waits }).toEqual({ status: 429, attempt: 4, requests: 4, waits: [1000, 1000, 1000] });
  });

  it.each([
    ['a 503 without Retry-After (down, not busy)', 503, {}],
    ['a Retry-After longer than 30 s', 429, { 'retry-after': '120' }],
    ['a 500', 500, { 'retry-after': '1' }],
  ])('does not retry %s', async (_what, status, headers) => {
    const server = await answering([status, headers]);
    const { waits, sleep } = recordingSleep();
    expect((await sendHttp(GET(server.url), { timeoutMs: 5000, sleep })).status).toBe(status);
    expect({ requests: server.requests(), waits }).toEqual({ requests: 1, waits: [] });
  });

  it("with retry 'none' hands back the first answer (a client that models its vendor's own retries)", async () => {
    const server = await answering([429, { 'retry-after': '1' }]);
    expect((await sendHttp(GET(server.url), { timeoutMs: 5000, retry: 'none' })).status).toBe(429);
    expect(server.requests()).toBe(1);
  });

  it('holds no limiter slot while it waits', async () => {
    const server = await answering([429, { 'retry-after': '1' }]);
    let active = 0;
    const activeWhileWaiting: number[] = [];
    const limiter = {
      run: async <T>(task: () => Promise<T>): Promise<T> => {
        active++;
        try {
          return await task();
        } finally {
          active--;
        }
      },
    };
    await sendHttp(GET(server.url), { timeoutMs: 5000, limiter, sleep: async () => void activeWhileWaiting.push(active) });
    expect(activeWhileWaiting).toEqual([0]);
  });

  it('gives up after timeoutMs: http/timeout', async () => {
    const url = await serve(() => undefined);
    const error = await sendHttp(GET(url), { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'http/timeout', timeoutMs: 200, method: 'GET', url });
  });

  it("stops when the caller's signal aborts, in flight or while waiting: http/aborted", async () => {
    const hanging = await serve(() => undefined);
    const inFlight = new AbortController();
    const pending = sendHttp(GET(hanging), { timeoutMs: 10_000, signal: inFlight.signal }).catch((e: unknown) => e);
    inFlight.abort(new Error('SIGINT'));
    expect(await pending).toMatchObject({ code: 'http/aborted', reason: 'SIGINT' });

    const server = await answering([429, { 'retry-after': '1' }]);
    const waiting = new AbortController();
    const error = await sendHttp(GET(server.url), {
      timeoutMs: 5000,
      signal: waiting.signal,
      sleep: async () => {
        waiting.abort('SIGTERM');
        throw waiting.signal.reason;
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'http/aborted' });
    expect(server.requests()).toBe(1);
  });

  it('names why nothing answered the way the system does: http/unreachable', async () => {
    const url = await serve(() => undefined);
    await new Promise((done) => {
      const server = servers.pop()!;
      server.close(done);
    });
    expect(await sendHttp(GET(url), { timeoutMs: 5000 }).catch((e: unknown) => e)).toMatchObject({ code: 'http/unreachable', reason: 'ECONNREFUSED' });
  });
});

describe('http/', () => {
  it('imports nothing from mock-idp/, reference-sp/, steps/ or certify/ (both sides of the wire use it)', () => {
    const root = resolve(import.meta.dirname, '..');
    const outside: string[] = [];
    for (const file of readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(import.meta.dirname, file), 'utf8');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.')) continue;
        const target = relative(root, resolve(import.meta.dirname, specifier));
        if (!target.startsWith('http/')) outside.push(`${file} imports ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
