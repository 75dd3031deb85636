import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { preflight, PreflightError, type PreflightCode } from './preflight.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server answering every request with `status`; resolves to its base URL. */
async function answering(status: number, headers: Record<string, string> = {}): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(status, headers).end('{}'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
}

/** A port that was free a moment ago and has nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function codeOf(url: string): Promise<PreflightCode | 'ok'> {
  try {
    await preflight({ url, token: 't', timeoutMs: 5_000 });
    return 'ok';
  } catch (error) {
    if (error instanceof PreflightError) return error.code;
    throw error;
  }
}

describe('the pre-flight check before a certification', () => {
  it('names the system error when nothing listens', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/scim/v2`;
    const error = await preflight({ url, token: 't', timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).code).toBe('certify/unreachable');
    expect((error as PreflightError).message).toContain('ECONNREFUSED');
  });

  it.each([
    [401, 'certify/token-refused'],
    [403, 'certify/token-refused'],
    [404, 'certify/not-scim'],
    [302, 'certify/not-scim'],
    [200, 'ok'],
    [500, 'ok'],
    [429, 'ok'],
  ] as const)('GET /Users answering %i → %s', async (status, code) => {
    expect(await codeOf(await answering(status, status === 302 ? { location: '/login' } : {}))).toBe(code);
  });

  it('never prints the token', async () => {
    const error = (await preflight({ url: await answering(401), token: 'secret-token-value', timeoutMs: 5_000 }).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('secret-token-value');
  });
});
