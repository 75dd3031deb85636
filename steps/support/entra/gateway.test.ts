/*
 * A scripted gateway answer nobody meets is reported, so a scenario that scripts a failure its requests never reach
 * fails (steps/support/hooks.ts, `gateway/unconsumed-script`) instead of passing without testing anything.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type ScimGateway, startScimGateway } from './gateway.ts';

let upstream: Server | undefined;
let gateway: ScimGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
});

async function start(): Promise<ScimGateway> {
  upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/scim+json' }).end('{}'));
  await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
  gateway = await startScimGateway(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}/scim/v2/t`);
  return gateway;
}

describe('scripted gateway answers', () => {
  it('reports a finite script with answers left and an every-request script never used; nothing once all are met', async () => {
    const g = await start();
    g.script('POST', '/Users', { status: 429, headers: { 'Retry-After': '1' } }, 2, 'alice');
    g.script('GET', '/Groups', { status: 500 }, Number.POSITIVE_INFINITY);
    expect(g.unconsumed()).toHaveLength(2);

    const post = () => fetch(`${g.url}/Users`, { method: 'POST', body: '{"userName":"alice"}', headers: { 'content-type': 'application/scim+json' } });
    expect((await post()).status).toBe(429);
    expect(g.unconsumed()).toHaveLength(2);
    expect((await post()).status).toBe(429);
    expect((await fetch(`${g.url}/Groups`)).status).toBe(500);
    expect(g.unconsumed()).toEqual([]);
  });
});
