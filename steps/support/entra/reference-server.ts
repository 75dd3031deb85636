/*
 * The bundled reference SP, started in-process on an ephemeral loopback port as the SCIM target of the Entra
 * provisioning scenarios and of the provisioning benchmark:
 * - NinjaOne profile tenants (seed 002): layout `/ws/scim/v2`, the tenant taken from the bearer token, the
 *   ninjaone User extension with `organizationId` required; one tenant per SCIM mode a scenario asks for
 * - the store is SQLite, `:memory:` for scenarios or a file (WAL, synchronous=FULL) for the benchmark
 * - the config is resolved (validated, frozen) once at start, like the real server's
 * The reference SP insists on a trusted SAML IdP per tenant; the scenarios never sign in, so each tenant trusts
 * the mock IdP's signing certificate by hand (SonarQube's "Manual" tab).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { generatedKeyPair } from '../../../mock-idp/index.ts';
import { resolveConfig } from '../../../reference-sp/config/index.ts';
import type { ScimMode } from '../../../reference-sp/config/scim-section.ts';
import { createReferenceSp } from '../../../reference-sp/server/app.ts';
import { createSpKeys, type SpKeys } from '../../../reference-sp/saml/keys.ts';
import { openStore, type Store } from '../../../reference-sp/store/index.ts';

export interface ClockLike {
  now(): Date;
}

export interface ReferenceTenantSpec {
  /** Tenant id, e.g. `ninjaone-lenient`. */
  readonly id: string;
  readonly mode: ScimMode;
}

export interface ReferenceTenant {
  readonly id: string;
  readonly mode: ScimMode;
  /** NinjaOne's tenant URL, `{origin}/ws/scim/v2` (the tenant is the token's). */
  readonly url: string;
  readonly token: string;
}

/** Reads made by the harness itself (checking what was stored) carry this header and are not recorded. */
export const OBSERVER_HEADER = 'x-sso-harness-observer';

/** A request as the server received it (path and query as sent). */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
}

export interface RunningReferenceScim {
  readonly origin: string;
  /** Every request the server received, in arrival order: independent evidence for what the client logged. */
  readonly received: ReceivedRequest[];
  readonly store: Store;
  readonly tenants: ReadonlyMap<string, ReferenceTenant>;
  close(): Promise<void>;
}

export interface StartReferenceScimOptions {
  readonly tenants: readonly ReferenceTenantSpec[];
  readonly clock: ClockLike;
  /** ':memory:' (default) or a database file. */
  readonly storePath?: string;
}

/** SP keys cost an RSA key generation; one pair per process. */
let spKeys: SpKeys | undefined;

export async function startReferenceScim(options: StartReferenceScimOptions): Promise<RunningReferenceScim> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const certificate = generatedKeyPair('signing', options.clock).certificatePem;
  const idp = { entityId: `${origin}/mock-idp`, ssoUrl: `${origin}/mock-idp/sso`, signingCertificates: [certificate] };
  const tokens = new Map(options.tenants.map((t) => [t.id, `${t.id}-${randomBytes(16).toString('hex')}`]));
  const config = await resolveConfig({
    baseUrl: origin,
    dataDir: ':memory:',
    tenants: options.tenants.map((t) => ({
      id: t.id,
      profile: 'ninjaone',
      saml: { idp },
      scim: { mode: t.mode, tokens: [{ name: 'Entra provisioning', value: tokens.get(t.id)! }] },
    })),
  });
  const store = openStore({ path: options.storePath ?? ':memory:', clock: options.clock });
  spKeys ??= createSpKeys('sso-harness Entra scenarios SP');
  const sp = createReferenceSp({ config, clock: options.clock, store, spKeys });
  const received: ReceivedRequest[] = [];
  server.on('request', (req, res) => {
    if (req.headers[OBSERVER_HEADER] === undefined) received.push({ method: req.method ?? '', url: req.url ?? '' });
    sp.app(req, res);
  });
  const tenants = new Map(options.tenants.map((t) => [t.id, { id: t.id, mode: t.mode, url: `${origin}/ws/scim/v2`, token: tokens.get(t.id)! }]));
  return {
    origin,
    received,
    store,
    tenants,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}
