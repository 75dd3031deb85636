/*
 * createMockIdp: the mock IdP as an express 5 app plus its control object.
 * Options (defaults where they are set):
 * - baseUrl: where the IdP is reachable, no trailing slash (used in metadata and the login page)
 * - entityId: default `${baseUrl}/metadata`
 * - dataDir: keys are generated there on first start and reused, and users added at run time are kept there
 *   (users.json, ./users-file.ts); omit (and omit `keys`) for in-memory keys and users
 * - keys: supplied signing (and optionally rogue) PEMs; wins over dataDir
 * - clock: the one clock that stamps every instant
 * - users / sps: initial directory users and SP registrations
 * - pendingTtlMs: how long an SP-initiated request waits on the login page (default 5 minutes)
 * - sessionTtlMs: how long a sign-in on the login page is reused by later requests (default 8 hours, ./idp-session.ts)
 * - oidcClients: OpenID clients registered at start (../oidc/clients/oidc-client.ts)
 * The OpenID Provider side (../oidc/op.ts, `oidc`) is mounted first; whatever it does not answer goes to the SAML
 * routes, so one IdP serves both protocols with one directory and one IdP session.
 */
import express, { type Express } from 'express';
import type { Clock } from '../clock.ts';
import type { OidcClientInput } from '../oidc/clients/oidc-client.ts';
import { MockOpenIdProvider } from '../oidc/op.ts';
import { loadIdpKeys, type IdpKeys, type KeyPair } from '../saml/keys/key-store.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';
import type { SpRegistrationInput } from '../saml/sp-registry/sp-registration.ts';
import { isDirectoryUser, MockIdpControl } from './control.ts';
import { buildRoutes } from './routes.ts';
import { openUsersFile } from './users-file.ts';

export interface MockIdpOptions {
  readonly baseUrl: string;
  readonly entityId?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly keys?: { signing: KeyPair; rogue?: KeyPair } | undefined;
  readonly clock: Clock;
  readonly users?: readonly DirectoryUser[] | undefined;
  readonly sps?: readonly SpRegistrationInput[] | undefined;
  readonly pendingTtlMs?: number | undefined;
  readonly sessionTtlMs?: number | undefined;
  readonly oidcClients?: readonly OidcClientInput[] | undefined;
}

export interface MockIdp {
  readonly app: Express;
  readonly control: MockIdpControl;
  /** The OpenID Provider side: issuers, clients, next sign-in, key rotation. */
  readonly oidc: MockOpenIdProvider;
  readonly keys: IdpKeys;
  readonly entityId: string;
  readonly baseUrl: string;
  /** The metadata exactly as GET /metadata publishes it (ID, validity, rollover keys, signature when asked). */
  metadataXml(): string;
}

export function createMockIdp(options: MockIdpOptions): MockIdp {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const entityId = options.entityId ?? `${baseUrl}/metadata`;
  const keys = loadIdpKeys({ dataDir: options.dataDir, keys: options.keys, clock: options.clock });
  const control = new MockIdpControl({
    baseUrl,
    entityId,
    clock: options.clock,
    keys,
    pendingTtlMs: options.pendingTtlMs ?? 5 * 60_000,
    sessionTtlMs: options.sessionTtlMs ?? 8 * 60 * 60_000,
  });
  for (const u of options.users ?? []) control.addUser(u);
  if (options.dataDir) {
    // Users added in an earlier run come back (and win over a same-login initial user); new ones are kept.
    const file = openUsersFile(options.dataDir, isDirectoryUser);
    for (const u of file.list()) control.addUser(u);
    control.persistUsers((u) => file.keep(u));
  }
  for (const sp of options.sps ?? []) control.registerSp(sp);
  const oidc = new MockOpenIdProvider({ baseUrl, dataDir: options.dataDir, clock: options.clock, directory: control, sessions: control.sessions, clients: options.oidcClients });
  const app = express();
  app.disable('x-powered-by');
  app.use(oidc.router());
  app.use(buildRoutes(control));
  return { app, control, oidc, keys, entityId, baseUrl, metadataXml: () => control.publishedMetadataXml() };
}
