/*
 * The bundled reference server, started in-process on an ephemeral loopback port once per run, with an
 * in-memory store and one tenant per layout the scenarios exercise:
 * - `generic` (strict) at /scim/v2/generic — the target of every core scenario;
 * - `lenient` at /scim/v2/lenient — Entra's legacy shapes accepted and recorded;
 * - `particle` at /v1/orgs/{orgSlug}/team/provision with scoped tokens (seed 000);
 * - `ninjaone` at /ws/scim/v2, tenant taken from the token, ninjaone extension (seed 002);
 * - `aritma` with an admin token for the identity-provider and SCIM-token admin API (seed 001).
 * Returns undefined while the reference server is not in the tree yet (target.ts then falls back to scimmy).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface BundledFixtures {
  /** Origin of the server, e.g. http://127.0.0.1:40123. */
  readonly origin: string;
  readonly strict: { readonly baseUrl: string; readonly token: string };
  readonly lenient: { readonly baseUrl: string; readonly token: string; readonly tenant: string };
  readonly particle: {
    readonly baseUrl: string;
    readonly orgSlug: string;
    /** A token carrying exactly the named scopes; `all` carries the four of them. */
    readonly tokens: Readonly<Record<'all' | 'none' | 'invite' | 'remove' | 'list' | 'update', string>>;
  };
  readonly ninjaone: { readonly baseUrl: string; readonly token: string };
  readonly aritma: { readonly origin: string; readonly tenant: string; readonly adminToken: string };
}

export interface RunningBundledServer {
  readonly baseUrl: string;
  readonly token: string;
  readonly fixtures: BundledFixtures;
  close(): Promise<void>;
}

const appModule = new URL('../../../reference-sp/server/app.ts', import.meta.url);

const secret = (label: string): string => `${label}-${randomBytes(16).toString('hex')}`;

export async function startBundledServer(): Promise<RunningBundledServer | undefined> {
  if (!existsSync(fileURLToPath(appModule))) return undefined;
  // Imported by URL so this file typechecks while the reference server is still being written.
  const { createReferenceSp } = (await import(appModule.href)) as {
    createReferenceSp: (options: { config: unknown; clock: unknown; store: unknown }) => (req: unknown, res: unknown) => void;
  };
  const { resolveConfig } = await import('../../../reference-sp/config/index.ts');
  const { openStore } = await import('../../../reference-sp/store/index.ts');
  const { systemClock } = await import('../../../reference-sp/clock.ts');

  const server = createServer();
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const tokens = {
    strict: secret('generic'),
    lenient: secret('lenient'),
    ninjaone: secret('ninjaone'),
    aritmaAdmin: secret('aritma-admin'),
    particle: {
      all: secret('particle-all'),
      none: secret('particle-none'),
      invite: secret('particle-invite'),
      remove: secret('particle-remove'),
      list: secret('particle-list'),
      update: secret('particle-update'),
    },
  };
  const scope = { invite: 'teams.users:invite', remove: 'teams.users:remove', list: 'teams.users:list', update: 'teams.users:update' } as const;
  const orgSlug = 'acme-iot';
  const config = await resolveConfig({
    baseUrl: origin,
    dataDir: ':memory:',
    tenants: [
      { id: 'generic', profile: 'generic', scim: { mode: 'strict', tokens: [{ name: 'harness', value: tokens.strict }] } },
      { id: 'lenient', profile: 'generic', scim: { mode: 'lenient', tokens: [{ name: 'harness', value: tokens.lenient }] } },
      {
        id: 'particle',
        profile: 'particle',
        scim: {
          orgSlug,
          tokens: [
            { name: 'SSO user provisioning', value: tokens.particle.all, scopes: Object.values(scope) },
            { name: 'no scopes', value: tokens.particle.none, scopes: [] },
            ...(['invite', 'remove', 'list', 'update'] as const).map((key) => ({ name: key, value: tokens.particle[key], scopes: [scope[key]] })),
          ],
        },
      },
      { id: 'ninjaone', profile: 'ninjaone', scim: { tokens: [{ name: 'harness', value: tokens.ninjaone }] } },
      { id: 'aritma', profile: 'aritma', scim: { adminToken: tokens.aritmaAdmin } },
    ],
  });
  const store = openStore({ path: ':memory:' });
  const app = createReferenceSp({ config, clock: systemClock, store });
  server.on('request', app as Parameters<typeof server.on>[1]);

  const fixtures: BundledFixtures = {
    origin,
    strict: { baseUrl: `${origin}/scim/v2/generic`, token: tokens.strict },
    lenient: { baseUrl: `${origin}/scim/v2/lenient`, token: tokens.lenient, tenant: 'lenient' },
    particle: { baseUrl: `${origin}/v1/orgs/${orgSlug}/team/provision`, orgSlug, tokens: tokens.particle },
    ninjaone: { baseUrl: `${origin}/ws/scim/v2`, token: tokens.ninjaone },
    aritma: { origin, tenant: 'aritma', adminToken: tokens.aritmaAdmin },
  };
  return {
    baseUrl: fixtures.strict.baseUrl,
    token: tokens.strict,
    fixtures,
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
