import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpError, sendHttp } from '../../../http/send.ts';
import { keepAliveTransport } from './keep-alive-fetch.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: unknown;
}
const seen: Seen[] = [];
let other: Server;
let otherUrl = '';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body, socket: req.socket });
    if (req.url === '/see-other') return void res.writeHead(303, { location: '/landed' }).end();
    if (req.url === '/temporary') return void res.writeHead(307, { location: '/landed' }).end();
    if (req.url === '/away') return void res.writeHead(307, { location: `${otherUrl}/landed` }).end();
    if (req.url === '/hang') return; // never answers
    res.writeHead(201, { 'content-type': 'application/scim+json', 'x-two': 'a' }).end(JSON.stringify({ id: 'u1', got: body }));
  });
});
const listen = (s: Server) => new Promise<string>((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
let base = '';
beforeAll(async () => {
  base = await listen(server);
  other = createServer((req, res) => {
    seen.push({ method: req.method!, url: `other:${req.url}`, headers: req.headers, body: '', socket: req.socket });
    res.writeHead(200).end('{}');
  });
  otherUrl = await listen(other);
});
afterAll(() => {
  server.closeAllConnections();
  other.closeAllConnections();
  server.close();
  other.close();
});

describe('keep-alive transport', () => {
  const t = keepAliveTransport();
  afterAll(() => t.close());

  it('sends method, headers and body as given and answers status, headers and text', async () => {
    seen.length = 0;
    const res = await t.fetch(`${base}/scim/Users?filter=x`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/scim+json; charset=utf-8' },
      body: '{"userName":"é"}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-two')).toBe('a');
    expect(JSON.parse(await res.text())).toEqual({ id: 'u1', got: '{"userName":"é"}' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/scim/Users?filter=x', body: '{"userName":"é"}' });
    expect(seen[0]!.headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/scim+json; charset=utf-8', 'content-length': '17' });
  });

  it('keeps connections alive: consecutive requests share them', async () => {
    seen.length = 0;
    for (let i = 0; i < 6; i++) await (await t.fetch(`${base}/x`)).text();
    expect(new Set(seen.map((s) => s.socket)).size).toBeLessThan(3);
  });

  it('follows redirects as fetch does: 303 becomes a GET without body, 307 keeps method and body', async () => {
    seen.length = 0;
    await t.fetch(`${base}/see-other`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    await t.fetch(`${base}/temporary`, { method: 'PATCH', body: '{"b":2}', headers: { 'content-type': 'application/json' } });
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/see-other', '{"a":1}'],
      ['GET', '/landed', ''],
      ['PATCH', '/temporary', '{"b":2}'],
      ['PATCH', '/landed', '{"b":2}'],
    ]);
  });

  it('does not carry Authorization to another origin on a redirect', async () => {
    seen.length = 0;
    await t.fetch(`${base}/away`, { headers: { authorization: 'Bearer secret' } });
    expect(seen[1]!.url).toBe('other:/landed');
    expect(seen[1]!.headers['authorization']).toBeUndefined();
  });

  it('through the HTTP driver: a refused connection is http/unreachable, a hung one http/timeout', async () => {
    const closed = createServer();
    const url = await listen(closed);
    closed.close();
    const err = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e as HttpError,
      );
    const refused = await err(sendHttp({ method: 'GET', url }, { timeoutMs: 2000, retry: 'none', fetch: t.fetch }));
    expect(refused).toMatchObject({ code: 'http/unreachable', reason: 'ECONNREFUSED' });
    const hung = await err(sendHttp({ method: 'GET', url: `${base}/hang` }, { timeoutMs: 50, retry: 'none', fetch: t.fetch }));
    expect(hung).toMatchObject({ code: 'http/timeout' });
  });
});
