/*
 * The certify run's mock IdP, in two shapes that share keys and entity ID so the SP trusts both:
 * - `certifyIdp(target, sp)`: an in-process MockIdp object that mints every response (no HTTP needed), with the
 *   SP registered (./target.ts) and the two identities of the run in its directory;
 * - `serveIdpMetadata(target)`: the same IdP listening on loopback at target.idp.port, which the run/CLI starts
 *   so the SP can fetch the metadata it must trust (and a person can use its login page).
 * Keys live in target.idp.dataDir (the `npm start` layout: createMockIdp({ dataDir })), so an SP configured once
 * trusts every later run. The entity ID defaults to the one `npm start`'s IdP has.
 */
import { createServer, type Server } from 'node:http';
import { createMockIdp, systemClock, type Clock, type MockIdp } from '../../mock-idp/index.ts';
import type { SamlCertifyTarget } from './contract.ts';
import type { ResolvedSp } from './target.ts';

/** `npm start`'s IdP: an SP configured against it trusts a certify run that keeps its data dir. */
export const DEFAULT_IDP_ENTITY_ID = 'http://127.0.0.1:7000/metadata';
const DEFAULT_IDP_PORT = 7000;

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Where the IdP says it is (metadata SSO URL): its port, or npm start's when the port is picked at random. */
function idpBaseUrl(port: number): string {
  return `http://127.0.0.1:${port || DEFAULT_IDP_PORT}`;
}

export function idpEntityId(target: Pick<SamlCertifyTarget, 'idp'>): string {
  return target.idp.entityId ?? DEFAULT_IDP_ENTITY_ID;
}

/** A directory user for an email address: login and email are the address, names derive from it. */
export function directoryUser(email: string) {
  const local = email.split('@')[0] ?? email;
  const given = titleCase(local.split(/[._-]/)[0] ?? local);
  return { email, login: email, givenName: given, surname: 'Example', displayName: `${given} Example`, groups: [] as string[] };
}

/**
 * The in-process IdP that mints the run's responses, with user + victim in its directory and the SP registered
 * (when it is known already: the bundled SP needs the IdP's metadata before it has its own).
 */
export function certifyIdp(target: Pick<SamlCertifyTarget, 'idp' | 'user' | 'victim'>, sp?: ResolvedSp, clock: Clock = systemClock): MockIdp {
  // Initial users are not written to the data dir's users.json: a certify run leaves `npm start`'s directory as it was.
  const users = [target.user, target.victim].map(directoryUser);
  const idp = createMockIdp({ baseUrl: idpBaseUrl(target.idp.port), entityId: idpEntityId(target), dataDir: target.idp.dataDir, clock, users });
  if (sp) idp.control.registerSp(sp.registration);
  return idp;
}

export interface ServedIdp {
  /** The metadata URL the SP must trust. */
  readonly metadataUrl: string;
  readonly entityId: string;
  close(): Promise<void>;
}

/** Serves the IdP (metadata, login page) on loopback at target.idp.port (0: a free port). */
export async function serveIdpMetadata(target: Pick<SamlCertifyTarget, 'idp'>, clock: Clock = systemClock): Promise<ServedIdp> {
  const server: Server = createServer();
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(target.idp.port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : target.idp.port);
    });
  });
  const idp = createMockIdp({ baseUrl: `http://127.0.0.1:${port}`, entityId: idpEntityId(target), dataDir: target.idp.dataDir, clock });
  server.on('request', idp.app);
  return {
    metadataUrl: `http://127.0.0.1:${port}/metadata`,
    entityId: idp.entityId,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
