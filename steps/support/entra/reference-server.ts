/*
 * The bundled reference SP, started in-process on an ephemeral loopback port as the SCIM target of the Entra
 * provisioning scenarios and of the provisioning benchmark:
 * - NinjaOne profile tenants (seed 002): layout `/ws/scim/v2`, the tenant taken from the bearer token, the
 *   ninjaone User extension with `organizationId` required; one tenant per SCIM mode a scenario asks for
 * - the store is SQLite, `:memory:` for scenarios or a file (WAL, synchronous=FULL) for the benchmark
 * - the config is resolved (validated, frozen) once at start, like the real server's
 * Started through ../reference-sp-server.ts like every in-process reference SP; the tenants trust a placeholder IdP.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../reference-sp/clock.ts';
import type { ScimMode } from '../../../reference-sp/config/scim-section.ts';
import type { Store } from '../../../reference-sp/store/index.ts';
import { placeholderIdp, startReferenceSp } from '../reference-sp-server.ts';

export interface ReferenceTenantSpec {
  /** Tenant id, e.g. `ninjaone-lenient`. */
  readonly id: string;
  readonly mode: ScimMode;
  /** Serve no extension schema (NinjaOne's organizationId not required): for IdPs that send the core schema only. */
  readonly withoutExtensions?: boolean;
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
  readonly clock: Clock;
  /** ':memory:' (default) or a database file. */
  readonly storePath?: string;
}

export async function startReferenceScim(options: StartReferenceScimOptions): Promise<RunningReferenceScim> {
  const tokens = new Map(options.tenants.map((t) => [t.id, `${t.id}-${randomBytes(16).toString('hex')}`]));
  const received: ReceivedRequest[] = [];
  const running = await startReferenceSp({
    clock: options.clock,
    storePath: options.storePath,
    config: (origin) => ({
      baseUrl: origin,
      dataDir: ':memory:',
      tenants: options.tenants.map((t) => ({
        id: t.id,
        profile: 'ninjaone',
        saml: { idp: placeholderIdp(origin, options.clock) },
        scim: { mode: t.mode, tokens: [{ name: 'Entra provisioning', value: tokens.get(t.id)! }], ...(t.withoutExtensions ? { extensions: [] } : {}) },
      })),
    }),
    onRequest: (req) => {
      if (req.headers[OBSERVER_HEADER] === undefined) received.push({ method: req.method ?? '', url: req.url ?? '' });
    },
  });
  const origin = running.origin;
  const tenants = new Map(options.tenants.map((t) => [t.id, { id: t.id, mode: t.mode, url: `${origin}/ws/scim/v2`, token: tokens.get(t.id)! }]));
  return { origin, received, store: running.store, tenants, close: running.close };
}
