import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadyServer, type ReadyServer } from './http-server.ts';

const opened: ReadyServer[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) {
    s.server.closeAllConnections();
    await new Promise<void>((resolve) => s.server.close(() => resolve()));
  }
});

async function started(timeouts = {}): Promise<{ s: ReadyServer; url: string; port: number }> {
  const s = createReadyServer(timeouts);
  opened.push(s);
  const port = await s.listen(0, '127.0.0.1');
  return { s, url: `http://127.0.0.1:${port}`, port };
}

/** Writes raw bytes on a socket and resolves with whatever the server answers before closing it. */
function raw(port: number, bytes: string, keepOpenMs = 0): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', () => resolve(out));
    socket.write(bytes);
    if (keepOpenMs > 0) setTimeout(() => socket.end(), keepOpenMs);
  });
}

describe('createReadyServer', () => {
  it('answers 503 with Retry-After before it is ready, then the application', async () => {
    const { s, url } = await started();
    const early = await fetch(`${url}/scim/v2/acme/Users`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    expect((await early.json()).error).toBe('server/starting');
    s.ready((_req, res) => res.end('ok'));
    expect(await (await fetch(url)).text()).toBe('ok');
  });

  it('a handler that throws answers a fixed 500 and the server keeps serving', async () => {
    const { s, url } = await started();
    s.ready((req, res) => {
      if (req.url === '/boom') throw new TypeError('secret internals');
      res.end('ok');
    });
    const boom = await fetch(`${url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('secret');
    expect(await (await fetch(url)).text()).toBe('ok');
  });

  it('malformed HTTP gets 400 and the connection closed, not an exception', async () => {
    const { s, port, url } = await started();
    s.ready((_req, res) => res.end('ok'));
    expect(await raw(port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await (await fetch(url)).text()).toBe('ok');
  });

  it('headers that never finish arriving get 408 after headersTimeout', async () => {
    const { s, port } = await started({ headersTimeoutMs: 100, requestTimeoutMs: 200 });
    s.ready((_req, res) => res.end('ok'));
    expect(await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\n', 2000)).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('applies the timeouts it was given (headersTimeout never above requestTimeout)', () => {
    const s = createReadyServer({ headersTimeoutMs: 5000, requestTimeoutMs: 1000, keepAliveTimeoutMs: 250 });
    expect([s.server.headersTimeout, s.server.requestTimeout, s.server.keepAliveTimeout]).toEqual([1000, 1000, 250]);
    expect(() => createReadyServer({ requestTimeoutMs: 0 })).toThrow(TypeError);
  });
});
