/*
 * The bundled reference server, started in-process on an ephemeral loopback port once per run, with an
 * in-memory store and one tenant per layout the scenarios exercise:
 * - `generic` (strict) at /scim/v2/generic — the target of every core scenario;
 * - `lenient` at /scim/v2/lenient — Entra's legacy shapes accepted and recorded;
 * - `particle` at /v1/orgs/{orgSlug}/team/provision with scoped tokens (seed 000);
 * - `ninjaone` at /ws/scim/v2, tenant taken from the token, ninjaone extension (seed 002);
 * - `aritma` with an admin token for the identity-provider and SCIM-token admin API (seed 001).
 * The whole reference SP app is served (../reference-sp-server.ts), as `npm start` serves it; the tenants trust a
 * placeholder IdP, as the SCIM scenarios never sign in.
 */
import { randomBytes } from 'node:crypto';
import { systemClock } from '../../../reference-sp/clock.ts';
import { placeholderIdp, startReferenceSp } from '../reference-sp-server.ts';

export interface BundledFixtures {
  /** Origin of the server, e.g. http://127.0.0.1:40123. */
  readonly origin: string;
  readonly strict: { readonly baseUrl: string; readonly token: string };
  readonly lenient: { readonly baseUrl: string; readonly token: string; readonly tenant: string };
  readonly particle: {
    readonly baseUrl: string;
    readonly orgSlug: string;
    /** The API user's token with the four scopes Particle's guide selects. */
    readonly token: string;
    /** Tokens carrying every scope but the one named (scope → token). */
    readonly lacking: Readonly<Record<string, string>>;
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

const secret = (label: string): string => `${label}-${randomBytes(16).toString('hex')}`;

export async function startBundledServer(): Promise<RunningBundledServer | undefined> {
  const tokens = {
    strict: secret('generic'),
    lenient: secret('lenient'),
    ninjaone: secret('ninjaone'),
    aritmaAdmin: secret('aritma-admin'),
    particle: secret('particle'),
  };
  const scopes = ['teams.users:invite', 'teams.users:remove', 'teams.users:list', 'teams.users:update'];
  const lacking = Object.fromEntries(scopes.map((scope) => [scope, secret(`particle-without-${scope.split(':')[1]}`)]));
  const orgSlug = 'acme-iot';
  const running = await startReferenceSp({
    clock: systemClock,
    config: (origin) => {
      const saml = { idp: placeholderIdp(origin, systemClock) };
      return {
        baseUrl: origin,
        dataDir: ':memory:',
        tenants: [
          { id: 'generic', profile: 'generic', saml, scim: { mode: 'strict', tokens: [{ name: 'harness', value: tokens.strict }] } },
          { id: 'lenient', profile: 'generic', saml, scim: { mode: 'lenient', tokens: [{ name: 'harness', value: tokens.lenient }] } },
          {
            id: 'particle',
            profile: 'particle',
            saml,
            scim: {
              orgSlug,
              tokens: [
                { name: 'SSO user provisioning', value: tokens.particle, scopes },
                ...scopes.map((scope) => ({ name: `without ${scope}`, value: lacking[scope]!, scopes: scopes.filter((s) => s !== scope) })),
              ],
            },
          },
          { id: 'ninjaone', profile: 'ninjaone', saml, scim: { tokens: [{ name: 'harness', value: tokens.ninjaone }] } },
          { id: 'aritma', profile: 'aritma', saml, scim: { adminToken: tokens.aritmaAdmin } },
        ],
      };
    },
  });
  const origin = running.origin;

  const fixtures: BundledFixtures = {
    origin,
    strict: { baseUrl: `${origin}/scim/v2/generic`, token: tokens.strict },
    lenient: { baseUrl: `${origin}/scim/v2/lenient`, token: tokens.lenient, tenant: 'lenient' },
    particle: { baseUrl: `${origin}/v1/orgs/${orgSlug}/team/provision`, orgSlug, token: tokens.particle, lacking },
    ninjaone: { baseUrl: `${origin}/ws/scim/v2`, token: tokens.ninjaone },
    aritma: { origin, tenant: 'aritma', adminToken: tokens.aritmaAdmin },
  };
  return { baseUrl: fixtures.strict.baseUrl, token: tokens.strict, fixtures, close: running.close };
}
