/*
 * Issue 8, item 8: `npm start` under traffic (Entra retrying through a restart) must never crash. Requests are
 * fired at the SP's and the IdP's pre-chosen ports in a tight loop from before the start begins until it has
 * finished; each one is refused (nothing listens yet) or gets a proper HTTP answer, never a reset by a crash,
 * and no error escapes to the process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type RunningHarness } from './start-harness.ts';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** One outcome per request: 'refused' before the port opens, else the HTTP status. */
async function hammer(urls: readonly string[], until: Promise<unknown>): Promise<Array<number | 'refused' | string>> {
  const outcomes: Array<number | 'refused' | string> = [];
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    urls.map(async (url) => {
      while (!done) {
        try {
          const res = await fetch(url, {
            headers: { authorization: 'Bearer not-a-token', accept: 'application/json' },
            signal: AbortSignal.timeout(3000),
          });
          await res.arrayBuffer();
          outcomes.push(res.status);
        } catch (e) {
          const code = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
          outcomes.push(code === 'ECONNREFUSED' ? 'refused' : `error:${code}`);
          if (code === 'ECONNREFUSED') await new Promise((r) => setImmediate(r));
        }
      }
    }),
  );
  return outcomes;
}

describe('npm start under traffic', () => {
  it('answers or refuses every request fired while it starts, and never crashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssoh-start-traffic-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const [idpPort, spPort] = [await freePort(), await freePort()];
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    cleanups.push(() => void process.off('uncaughtException', onUncaught));

    const starting = startHarness({ idpPort, spPort, dataDir: dir, log: () => undefined });
    const urls = [`http://127.0.0.1:${spPort}/scim/v2/acme/Users`, `http://127.0.0.1:${spPort}/saml/acme/metadata`, `http://127.0.0.1:${idpPort}/metadata`];
    const outcomes = await hammer(urls, starting);
    const h: RunningHarness = await starting;
    cleanups.push(() => h.close());

    expect(uncaught).toEqual([]);
    const unexpected = outcomes.filter((o) => !(o === 'refused' || o === 200 || o === 401 || o === 503));
    expect(unexpected).toEqual([]);
    // Still serving afterwards.
    expect((await fetch(`${h.spUrl}/scim/v2/acme/Users`, { headers: { authorization: `Bearer ${h.scimTokens['acme']}` } })).status).toBe(200);
  });
});
