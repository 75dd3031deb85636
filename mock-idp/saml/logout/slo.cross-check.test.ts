/*
 * Cross-check of the mock IdP's Single Logout against an independent implementation: samlify plays the SP.
 * samlify writes and signs an SP-initiated LogoutRequest (HTTP-Redirect) from the IdP's own metadata, the mock
 * IdP serves it over real HTTP on loopback, and samlify verifies the IdP's signed LogoutResponse with the
 * certificate from that metadata. The other way round, samlify reads and verifies the LogoutRequest the IdP
 * propagates to it as a session participant.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import samlify from 'samlify';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock.ts';
import { createMockIdp, type MockIdp } from '../../server/create-mock-idp.ts';
import { generatedKeyPair } from '../keys/key-store.ts';

samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const SP_ID = 'https://samlify-sp.example/metadata';
const SP_SLO = 'https://samlify-sp.example/slo';
const SP_ACS = 'https://samlify-sp.example/acs';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(): Promise<{ idp: MockIdp; base: string }> {
  server = createServer();
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const idp = createMockIdp({ baseUrl: base, clock: systemClock });
  server.on('request', idp.app);
  idp.control.addUser({ email: 'alice@example.com', login: 'alice@example.com', givenName: 'Alice', surname: 'Example', displayName: 'Alice Example', groups: [] });
  return { idp, base };
}

function samlifySp() {
  const keys = generatedKeyPair('samlify-sp', systemClock);
  const sp = samlify.ServiceProvider({
    entityID: SP_ID,
    privateKey: keys.privateKeyPem,
    signingCert: keys.certificatePem,
    wantLogoutResponseSigned: true,
    wantLogoutRequestSigned: true,
    assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: SP_ACS }],
    singleLogoutService: [{ Binding: REDIRECT, Location: SP_SLO }],
  });
  return { sp, keys };
}

/** What samlify's redirect flow needs: decoded query values and the signed octets exactly as sent. */
function redirectRequest(location: string) {
  const raw = location.slice(location.indexOf('?') + 1);
  return { query: Object.fromEntries(new URL(location).searchParams), octetString: raw.slice(0, raw.indexOf('&Signature=')) };
}

describe('mock IdP Single Logout, cross-checked with samlify as the SP', () => {
  it("accepts samlify's signed LogoutRequest and answers with a LogoutResponse samlify verifies", async () => {
    const { idp, base } = await start();
    const { sp, keys } = samlifySp();
    idp.control.registerSp({ entityId: SP_ID, acs: SP_ACS, signingCertPem: keys.certificatePem, singleLogout: { url: SP_SLO } });
    const { session } = idp.control.sessions.start('alice@example.com');
    const issued = await idp.control.idpInitiated({ sp: SP_ID, user: 'alice@example.com', sessionIndex: session.sessionIndex });
    const nameId = /<saml:NameID[^>]*>([^<]+)</.exec(issued.built.xml)![1]!;

    const idpEntity = samlify.IdentityProvider({ metadata: idp.metadataXml(), wantLogoutRequestSigned: true });
    const { id, context } = sp.createLogoutRequest(idpEntity, 'redirect', { logoutNameID: nameId, sessionIndex: session.sessionIndex });
    expect(context.startsWith(`${base}/saml/slo?`)).toBe(true);

    const answer = await fetch(context, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const location = answer.headers.get('location')!;
    expect(location.startsWith(`${SP_SLO}?SAMLResponse=`)).toBe(true);
    const parsed = await sp.parseLogoutResponse(idpEntity, 'redirect', redirectRequest(location));
    expect(parsed.extract.response?.inResponseTo).toBe(id);
    expect(parsed.extract.issuer).toBe(idp.entityId);
    expect(idp.control.sessions.live()).toHaveLength(0);
  });

  it('refuses the same samlify LogoutRequest unsigned, with logout/signature-missing', async () => {
    const { idp } = await start();
    const { sp, keys } = samlifySp();
    idp.control.registerSp({ entityId: SP_ID, acs: SP_ACS, signingCertPem: keys.certificatePem, singleLogout: { url: SP_SLO } });
    const idpEntity = samlify.IdentityProvider({ metadata: idp.metadataXml(), wantLogoutRequestSigned: false });
    const { context } = sp.createLogoutRequest(idpEntity, 'redirect', { logoutNameID: 'alice@example.com', sessionIndex: '_x' });
    const answer = await fetch(context, { headers: { accept: 'application/json' } });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toBe('logout/signature-missing');
  });

  it('propagates a LogoutRequest that samlify, as the participant, verifies and reads', async () => {
    const { idp } = await start();
    const { sp, keys } = samlifySp();
    idp.control.registerSp({ entityId: SP_ID, acs: SP_ACS, signingCertPem: keys.certificatePem, singleLogout: { url: SP_SLO } });
    const { session } = idp.control.sessions.start('alice@example.com');
    const issued = await idp.control.idpInitiated({ sp: SP_ID, user: 'alice@example.com', sessionIndex: session.sessionIndex });
    expect(/<saml:NameID[^>]*>([^<]+)</.exec(issued.built.xml)?.[1]).toBe('alice@example.com');
    const step = idp.control.logout.fromIdp({ login: 'alice@example.com' });
    expect(step.kind).toBe('redirect');
    const idpEntity = samlify.IdentityProvider({ metadata: idp.metadataXml() });
    const parsed = await sp.parseLogoutRequest(idpEntity, 'redirect', redirectRequest((step as { url: string }).url));
    expect(parsed.extract.request?.destination).toBe(SP_SLO);
    expect(parsed.extract.nameID).toBe('alice@example.com');
    expect(parsed.extract.sessionIndex).toBe(session.sessionIndex);
    expect(parsed.extract.issuer).toBe(idp.entityId);
  });
});
