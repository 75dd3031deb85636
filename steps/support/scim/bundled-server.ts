/*
 * The bundled reference server, started in-process on an ephemeral loopback port once per run, with an
 * in-memory store and one tenant per layout the scenarios exercise:
 * - `generic` (strict) at /scim/v2/generic — the target of every core scenario;
 * - `lenient` at /scim/v2/lenient — Entra's legacy shapes accepted and recorded;
 * - `particle` at /v1/orgs/{orgSlug}/team/provision with scoped tokens (seed 000);
 * - `ninjaone` at /ws/scim/v2, tenant taken from the token, ninjaone extension (seed 002);
 * - `aritma` with an admin token for the identity-provider and SCIM-token admin API (seed 001).
 * Only the SCIM router of the reference SP is mounted (reference-sp/scim/router.ts, the same router
 * `npm start` serves): the SCIM scenarios need no SAML configuration.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import express from 'express';
import forge from 'node-forge';
import { systemClock } from '../../../reference-sp/clock.ts';
import { resolveConfig } from '../../../reference-sp/config/index.ts';
import { openStore } from '../../../reference-sp/store/index.ts';
import { createScimRouter } from '../../../reference-sp/scim/router.ts';

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

/**
 * The reference SP's config requires a SAML IdP per tenant. The SCIM scenarios never sign in, so each tenant
 * names a placeholder IdP whose signing certificate is a real self-signed X.509 made for this run.
 */
function placeholderIdp(origin: string): { entityId: string; ssoUrl: string; signingCertificates: string[] } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: 'commonName', value: 'sso-harness SCIM scenarios placeholder IdP' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), forge.md.sha256.create());
  return { entityId: `${origin}/placeholder-idp`, ssoUrl: `${origin}/placeholder-idp/sso`, signingCertificates: [forge.pki.certificateToPem(cert)] };
}

export async function startBundledServer(): Promise<RunningBundledServer | undefined> {
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
    particle: secret('particle'),
  };
  const scopes = ['teams.users:invite', 'teams.users:remove', 'teams.users:list', 'teams.users:update'];
  const lacking = Object.fromEntries(scopes.map((scope) => [scope, secret(`particle-without-${scope.split(':')[1]}`)]));
  const orgSlug = 'acme-iot';
  const saml = { idp: placeholderIdp(origin) };
  const config = await resolveConfig({
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
  });
  const store = openStore({ path: ':memory:' });
  const app = express();
  app.disable('x-powered-by');
  app.use(createScimRouter({ store, config, clock: systemClock }));
  app.use((req, res) => {
    res.status(404).json({ error: 'route/unknown', detail: { message: `no route ${req.method} ${req.path}` } });
  });
  server.on('request', app);

  const fixtures: BundledFixtures = {
    origin,
    strict: { baseUrl: `${origin}/scim/v2/generic`, token: tokens.strict },
    lenient: { baseUrl: `${origin}/scim/v2/lenient`, token: tokens.lenient, tenant: 'lenient' },
    particle: { baseUrl: `${origin}/v1/orgs/${orgSlug}/team/provision`, orgSlug, token: tokens.particle, lacking },
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
