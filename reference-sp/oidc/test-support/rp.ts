/*
 * Test support: the reference SP with OIDC tenants, served over real HTTP on loopback, on an in-memory store.
 * `tenants(baseUrl)` builds the tenant inputs once the SP's port (hence its redirect URIs) is known.
 */
import type { Server } from 'node:http';
import { resolveConfig } from '../../config/index.ts';
import type { TenantInput } from '../../config/types.ts';
import { TestClock, testSpKeys } from '../../saml/test-support/fixture.ts';
import { createReferenceSp } from '../../server/app.ts';
import { createReadyServer } from '../../server/http-server.ts';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/types.ts';

export const TEST_IDP = { entityId: 'https://idp.example.test/metadata', ssoUrl: 'https://idp.example.test/sso' };

export interface RunningRp {
  readonly baseUrl: string;
  readonly store: Store;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/** A SAML section every tenant still needs (../../config/validate.ts); these tests never use it. */
export const unusedSaml = () => ({ idp: { ...TEST_IDP, signingCertificates: [testSpKeys().certificatePem] } });

/** `port` 0 picks a free one; a restart test passes the previous port (the OP redirects back to it). */
export async function startRp(tenants: (baseUrl: string) => TenantInput[], store: Store = openStore({ path: ':memory:' }), port = 0): Promise<RunningRp> {
  const ready = createReadyServer();
  const bound = await ready.listen(port, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${bound}`;
  const clock = new TestClock(new Date());
  const config = await resolveConfig({ baseUrl, tenants: tenants(baseUrl) });
  const sp = createReferenceSp({ config, clock, store, spKeys: testSpKeys() });
  ready.ready(sp.app);
  return { baseUrl, store, clock, close: () => closeServer(ready.server) };
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
