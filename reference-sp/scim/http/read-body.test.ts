/*
 * read-body's bounds (issue 8, item 11): a body that stalls or trickles gets a SCIM 408 and the connection is
 * closed; a malformed body's refusal never quotes it.
 */
import type { Server } from 'node:http';
import { connect } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScimError } from '../types/errors.ts';
import { readJsonBody } from './read-body.ts';
import { sendScim, sendScimError } from './send.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(timeouts = { idleTimeoutMs: 100, timeoutMs: 400 }): Promise<number> {
  const app = express();
  app.post('/Users', async (req, res) => {
    try {
      sendScim(res, 200, await readJsonBody(req, 1000, timeouts));
    } catch (e) {
      req.resume();
      sendScimError(res, e as ScimError);
    }
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return (server.address() as { port: number }).port;
}

/** Sends the head, then `chunks` one every `everyMs`; resolves with the response text once the server closes. */
function slowPost(port: number, contentLength: number, chunks: string[], everyMs: number): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (d) => (text += d.toString()));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, closed: true });
    });
    socket.on('error', () => undefined);
    socket.write(`POST /Users HTTP/1.1\r\nHost: x\r\nContent-Type: application/scim+json\r\nContent-Length: ${contentLength}\r\n\r\n`);
    const queue = [...chunks];
    timer = setInterval(() => {
      const next = queue.shift();
      if (next !== undefined && !socket.destroyed) socket.write(next);
    }, everyMs);
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;

describe('readJsonBody bounds', () => {
  it('a body that stops arriving gets 408 with a SCIM body, and the connection is closed', async () => {
    const port = await serve();
    const { text, closed } = await slowPost(port, 50, ['{"userName":'], 10);
    expect(statusOf(text)).toBe(408);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(bodyOf(text)).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '408' });
    expect(closed).toBe(true);
  });

  it('a body that trickles (never idle long enough) gets 408 once it takes too long in all', async () => {
    const port = await serve({ idleTimeoutMs: 200, timeoutMs: 300 });
    const { text } = await slowPost(
      port,
      200,
      Array.from({ length: 200 }, () => ' '),
      20,
    );
    expect(statusOf(text)).toBe(408);
  });

  it('a body that arrives in time is read', async () => {
    const port = await serve();
    const res = await fetch(`http://127.0.0.1:${port}/Users`, {
      method: 'POST',
      headers: { 'content-type': 'application/scim+json' },
      body: '{"userName":"a"}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ userName: 'a' });
  });

  it('malformed JSON is a 400 invalidSyntax that does not quote the body', async () => {
    const port = await serve();
    const res = await fetch(`http://127.0.0.1:${port}/Users`, {
      method: 'POST',
      headers: { 'content-type': 'application/scim+json' },
      body: '<script>alert(1)</script>',
    });
    const body = (await res.json()) as { status: string; scimType: string; detail: string };
    expect([res.status, body.scimType]).toEqual([400, 'invalidSyntax']);
    expect(body.detail).not.toContain('script');
  });

  it('bytes that are not well-formed UTF-8 are a 400 invalidValue, not a silent U+FFFD', async () => {
    const port = await serve();
    const bytes = Buffer.concat([Buffer.from('{"userName":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const res = await fetch(`http://127.0.0.1:${port}/Users`, { method: 'POST', headers: { 'content-type': 'application/scim+json' }, body: bytes });
    const body = (await res.json()) as { scimType: string };
    expect([res.status, body.scimType]).toEqual([400, 'invalidValue']);
  });

  it('every body is bounded in depth and well-formed Unicode before any route sees it', async () => {
    const port = await serve();
    const post = async (body: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/Users`, { method: 'POST', headers: { 'content-type': 'application/scim+json' }, body });
      return [res.status, ((await res.json()) as { scimType: string }).scimType];
    };
    expect(await post('{"a":' + '['.repeat(200) + ']'.repeat(200) + '}')).toEqual([400, 'invalidSyntax']);
    expect(await post('{"userName":"\\ud800"}')).toEqual([400, 'invalidValue']);
  });
});
