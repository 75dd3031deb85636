/*
 * The bundled reference SP started in-process for scenarios, tests and benchmarks, the way `npm start` runs it:
 * an HTTP server on an ephemeral loopback port, the configuration resolved (validated, frozen) once with the
 * port known, an SQLite store (':memory:' or a file), the whole app (SAML routes and the SCIM router). Every
 * in-process start goes through here, so the scenarios exercise exactly the server a vendor reads.
 */
import type { IncomingMessage } from 'node:http';
import { generatedKeyPair } from '../../mock-idp/index.ts';
import { resolveConfig, type ReferenceSpConfig } from '../../reference-sp/config/index.ts';
import type { Clock } from '../../reference-sp/clock.ts';
import { createSpKeys, type SpKeys } from '../../reference-sp/saml/keys.ts';
import { createReferenceSp, type ReferenceSp } from '../../reference-sp/server/app.ts';
import { createReadyServer } from '../../reference-sp/server/http-server.ts';
import type { HttpTimeouts } from '../../reference-sp/server/http-timeouts.ts';
import { openStore, type Store } from '../../reference-sp/store/index.ts';
import { openScenarioStore } from './scenario-store.ts';

export interface StartReferenceSpOptions {
  readonly clock: Clock;
  /** The configuration input, given the server's origin (http://127.0.0.1:PORT) once it listens. */
  readonly config: (origin: string) => unknown | Promise<unknown>;
  /** A store opened by the caller (it stays open on close), or a path to open: ':memory:' (default) or a file. */
  readonly store?: Store | undefined;
  readonly storePath?: string | undefined;
  /** Token for the admin API (Aritma's flow). */
  readonly adminToken?: string | undefined;
  /** Sees every request before the app does (e.g. to record what arrived). */
  readonly onRequest?: ((req: IncomingMessage) => void) | undefined;
  /** Idle and slow client limits (defaults: reference-sp/server/http-timeouts.ts). */
  readonly httpTimeouts?: Partial<HttpTimeouts> | undefined;
  /** Listen on this loopback port (a restart keeps its origin); default: an ephemeral one. */
  readonly port?: number | undefined;
}

export interface InProcessReferenceSp {
  readonly origin: string;
  readonly sp: ReferenceSp;
  readonly config: ReferenceSpConfig;
  readonly store: Store;
  close(): Promise<void>;
}

/** SP keys cost an RSA key generation; one pair per process is enough for every in-process start. */
let sharedSpKeys: SpKeys | undefined;

/**
 * The reference SP requires a trusted SAML IdP per tenant. Tenants that only serve SCIM trust the mock IdP's
 * signing certificate by hand (SonarQube's "Manual" tab); nothing signs in through them.
 */
export function placeholderIdp(origin: string, clock: Clock): { entityId: string; ssoUrl: string; signingCertificates: string[] } {
  const certificate = generatedKeyPair('signing', clock).certificatePem;
  return { entityId: `${origin}/placeholder-idp`, ssoUrl: `${origin}/placeholder-idp/sso`, signingCertificates: [certificate] };
}

export async function startReferenceSp(options: StartReferenceSpOptions): Promise<InProcessReferenceSp> {
  // The port must be known before the configuration resolves: the server listens first and answers 503 +
  // Retry-After until the app is ready (reference-sp/server/http-server.ts), never a crash.
  const ready = createReadyServer(options.httpTimeouts);
  const server = ready.server;
  const origin = `http://127.0.0.1:${await ready.listen(options.port ?? 0, '127.0.0.1')}`;
  const ownStore = options.store === undefined;
  let store: Store;
  try {
    const path = options.storePath ?? ':memory:';
    store = options.store ?? (path === ':memory:' ? openScenarioStore(options.clock) : openStore({ path, clock: options.clock }));
  } catch (error) {
    // A store that cannot open must not leave the listening server behind (cucumber would never exit).
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        if (ownStore) store.close();
        resolve();
      });
    });
  try {
    const config = await resolveConfig(await options.config(origin), { clock: options.clock }); // imported metadata's validUntil by the scenario's clock
    sharedSpKeys ??= createSpKeys('sso-harness in-process reference SP');
    const sp = createReferenceSp({ config, clock: options.clock, store, spKeys: sharedSpKeys, adminToken: options.adminToken });
    ready.ready((req, res) => {
      options.onRequest?.(req);
      sp.app(req, res);
    });
    return { origin, sp, config, store, close };
  } catch (error) {
    await close();
    throw error;
  }
}
