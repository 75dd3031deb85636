/*
 * A sign-in started before the SP restarts finishes after it: the state is in the store with the browser's
 * binding, and the nonce and PKCE verifier derive again from the SP's key (./request-secrets.ts). A session
 * and its refresh token survive the restart too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { TestBrowser } from './test-support/browser.ts';
import { startRp, unusedSaml } from './test-support/rp.ts';
import { SCRIPTED_CLIENT, startScriptedOp } from './test-support/scripted-op.ts';

const dir = mkdtempSync(join(tmpdir(), 'oidc-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('finishes a sign-in started before a restart, and keeps the session across another', async () => {
  const op = await startScriptedOp({ sub: 'alice', preferred_username: 'alice@example.com' });
  const tenants = () => [
    {
      id: 'acme',
      saml: unusedSaml(),
      oidc: { issuer: { discoveryUrl: op.issuer }, clientId: SCRIPTED_CLIENT.id, clientSecret: SCRIPTED_CLIENT.secret, autoProvisioningEnabled: true },
    },
  ];
  const file = join(dir, 'sp.sqlite');
  let store = openStore({ path: file });
  let rp = await startRp(tenants, store);
  const port = Number(new URL(rp.baseUrl).port);
  const browser = new TestBrowser();
  const login = await browser.request(`${rp.baseUrl}/oidc/acme/login`);
  const callback = (await browser.request(login.headers.get('location')!)).headers.get('location')!;

  await rp.close();
  store.close();
  store = openStore({ path: file });
  rp = await startRp(tenants, store, port);
  expect((await browser.request(callback, { accept: 'application/json' })).status).toBe(200);

  await rp.close();
  store.close();
  store = openStore({ path: file });
  rp = await startRp(tenants, store, port);
  expect((await browser.request(`${rp.baseUrl}/oidc/acme/me`, { accept: 'application/json' })).status).toBe(200);
  await rp.close();
  store.close();
  await op.close();
});
