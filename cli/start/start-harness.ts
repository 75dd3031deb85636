/*
 * Starts the mock IdP and the reference SP side by side on loopback, wires them to each other the way an admin
 * would (the SP imports the IdP's metadata by URL; the IdP registers each SP from the SP's metadata), and keeps
 * keys, the SQLite database and SCIM tokens in a data directory so a restart serves the same identities.
 * The IdP is an OpenID Provider too: tenants with an OIDC entry sign in there (./oidc-tenants.ts).
 */
import { hasSaml, isOidcOnlyInput } from '../../reference-sp/config/oidc-only.ts';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMockIdp, registrationFromSpMetadata, systemClock, vendorStatements, type MockIdp } from '../../mock-idp/index.ts';
import { loadConfigFile, resolveConfig, type ReferenceSpConfig } from '../../reference-sp/config/index.ts';
import { createJsonLogger } from '../../reference-sp/log.ts';
import { createReferenceSp } from '../../reference-sp/server/app.ts';
import { createReadyServer, type RequestHandler } from '../../reference-sp/server/http-server.ts';
import type { HttpTimeouts } from '../../reference-sp/server/http-timeouts.ts';
import { openStore, storePathFor, type Store } from '../../reference-sp/store/index.ts';
import { DEFAULT_IDP_USERS, DEFAULT_TENANTS } from './embedded-defaults.ts';
import { oidcSection, registerOidcApps, type OidcTenantUrls } from './oidc-tenants.ts';
import { seedDemoUsers, type SeededUsers } from './seed-demo-users.ts';

export interface StartOptions {
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly idpPort: number;
  readonly spPort: number;
  readonly dataDir: string;
  /** A reference SP config file (YAML/JSON); its tenants replace the embedded ones. */
  readonly configFile?: string | undefined;
  /** Where the SP writes its JSON log lines; default stderr. */
  readonly log?: (line: string) => void;
  /** Idle and slow client limits of both servers (defaults: reference-sp/server/http-timeouts.ts). */
  readonly httpTimeouts?: Partial<HttpTimeouts> | undefined;
  /**
   * Create the IdP's demo users in tenants without just-in-time creation, once per data directory
   * (./seed-demo-users.ts). Default: true with the embedded tenants, false with a --config file.
   */
  readonly seedDemoUsers?: boolean | undefined;
}

export interface RunningHarness {
  readonly idpUrl: string;
  readonly spUrl: string;
  readonly idp: MockIdp;
  readonly config: ReferenceSpConfig;
  readonly store: Store;
  /** SCIM bearer token per tenant id: a token reaches its own tenant only (NinjaOne finds the tenant from it). */
  readonly scimTokens: Readonly<Record<string, string>>;
  readonly adminToken: string;
  /** Demo users created by this start, per tenant (see StartOptions.seedDemoUsers). */
  readonly seededUsers: SeededUsers;
  /** The tenants that sign in over OpenID Connect: sign-in, Test Connection and the OP's discovery URL. */
  readonly oidc: readonly OidcTenantUrls[];
  close(): Promise<void>;
}

/** A secret made once per data directory and reused, so a vendor's saved token keeps working after a restart. */
function persistentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(20).toString('hex');
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

export async function startHarness(options: StartOptions): Promise<RunningHarness> {
  const host = options.host ?? '127.0.0.1';
  const clock = systemClock;
  // Tokens for the embedded tenants only: a --config file brings its own tenants and tokens.
  const scimTokens: Record<string, string> = options.configFile
    ? {}
    : Object.fromEntries(DEFAULT_TENANTS.map((t) => [t.id, persistentSecret(options.dataDir, `scim-token-${t.id}`)]));
  const adminToken = process.env['SSO_HARNESS_ADMIN_TOKEN'] ?? persistentSecret(options.dataDir, 'admin-token');

  // Each server has its request listener from the start and gets its application only once that exists
  // (reference-sp/server/http-server.ts). A fixed port opens only then; port 0 (tests) must open first to learn
  // the port, and answers 503 + Retry-After until ready. Either way a request during start-up never crashes.
  const idpServer = createReadyServer(options.httpTimeouts);
  const spServer = createReadyServer(options.httpTimeouts);
  const servers = [idpServer.server, spServer.server];
  let store: Store | undefined;
  const close = async (): Promise<void> => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.filter((s) => s.listening).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    store?.close();
  };
  const urlOf = (port: number) => `http://${host}:${port}`;
  const openEarly = async (s: typeof idpServer, port: number) => urlOf(port === 0 ? await s.listen(0, host) : port);
  const openWhenReady = async (s: typeof idpServer, port: number, handler: RequestHandler) => {
    s.ready(handler);
    if (!s.server.listening) await s.listen(port, host);
  };

  try {
    const idpUrl = await openEarly(idpServer, options.idpPort);
    const idp = createMockIdp({ baseUrl: idpUrl, dataDir: join(options.dataDir, 'idp'), clock, users: DEFAULT_IDP_USERS });
    await openWhenReady(idpServer, options.idpPort, idp.app as never);

    const spUrl = await openEarly(spServer, options.spPort);
    // The SP imports the IdP's metadata by URL: the IdP is serving by now.
    const config = options.configFile
      ? await loadConfigFile(options.configFile, { clock })
      : await resolveConfig(
          {
            baseUrl: spUrl,
            dataDir: join(options.dataDir, 'sp'),
            tenants: DEFAULT_TENANTS.map((t) => ({
              id: t.id,
              profile: t.profile,
              // A tenant with OpenID Connect and no SAML settings signs in over OIDC only (reference-sp/config/oidc-only.ts).
              ...(isOidcOnlyInput(t) ? {} : { saml: { idp: { metadataUrl: `${idpUrl}/metadata` }, ...t.saml } }),
              scim: { tokens: [{ name: 'npm start', value: scimTokens[t.id]! }], ...t.scim },
              ...(t.oidc ? { oidc: oidcSection(idp.oidc, t.id, t.oidc, persistentSecret(options.dataDir, `oidc-client-secret-${t.id}`)) } : {}),
            })),
          },
          { clock },
        );
    store = openStore({ path: storePathFor(config.dataDir), clock });
    const sp = createReferenceSp({ config, clock, store, adminToken, log: createJsonLogger(options.log) });
    const seededUsers =
      (options.seedDemoUsers ?? !options.configFile) ? seedDemoUsers({ config, directory: store, users: DEFAULT_IDP_USERS, dataDir: join(options.dataDir, 'sp') }) : {};
    await store.durable();
    await openWhenReady(spServer, options.spPort, sp.app as never);

    // The IdP admin uploads each SP's metadata, then sets the attribute statements the vendor's guide asks for.
    for (const tenant of config.tenants) {
      if (!hasSaml(tenant)) continue;
      const response = await fetch(`${spUrl}/saml/${tenant.id}/metadata`);
      const registration = registrationFromSpMetadata(await response.text());
      const attributes = vendorStatements(tenant.profile);
      idp.control.registerSp({ ...registration, encryptionCertPem: undefined, preset: 'okta', ...(attributes ? { attributes } : {}) });
    }
    // The Okta admin's part of the OIDC guide: each OIDC tenant's app, registered at the OP (embedded tenants only).
    const embeddedOidc = new Map(options.configFile ? [] : DEFAULT_TENANTS.flatMap((t) => (t.oidc ? [[t.id, t.oidc] as const] : [])));
    const oidc = registerOidcApps(idp.oidc, config, embeddedOidc, spUrl);
    return { idpUrl, spUrl, idp, config, store, scimTokens, adminToken, seededUsers, oidc, close };
  } catch (error) {
    await close();
    throw error;
  }
}
