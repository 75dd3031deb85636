/*
 * Cross-check of the reference SP's Single Logout against an independent implementation: samlify plays the
 * IdP. samlify writes and signs a LogoutRequest for the SP from the SP's own metadata (its SingleLogoutService),
 * the SP serves it over HTTP, and samlify verifies the SP's signed LogoutResponse with the certificate from that
 * metadata; the SP's refusals are signed LogoutResponses samlify verifies too. The other way round, samlify reads
 * and verifies the SP-initiated LogoutRequest the SP sends to the IdP.
 */
import { createVerify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import samlify from 'samlify';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { cookieHash } from '../../sign-in/cookie-hash.ts';
import { harness, IDP_ENTITY_ID, IDP_SSO_URL, testIdpKeys } from '../test-support/fixture.ts';

samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const IDP_SLO = 'https://idp.example.test/slo';
const attrs = { email: 'alice@example.com' };

function redirectRequest(location: string) {
  const raw = location.slice(location.indexOf('?') + 1);
  return { query: Object.fromEntries(new URL(location).searchParams), octetString: raw.slice(0, raw.indexOf('&Signature=')) };
}

/*
 * samlify refuses a non-Success LogoutResponse (ERR_FAILED_STATUS) before it checks the signature, so a refusal's
 * query signature is checked here with node:crypto alone, against the certificate in the SP's metadata.
 */
function signedBy(location: string, certificatePem: string): boolean {
  const { query, octetString } = redirectRequest(location);
  return createVerify('RSA-SHA256').update(octetString).verify(certificatePem, query['Signature']!, 'base64');
}

const statusOf = (location: string) => {
  const xml = inflateRawSync(Buffer.from(new URL(location).searchParams.get('SAMLResponse')!, 'base64')).toString('utf8');
  return { codes: [...xml.matchAll(/StatusCode Value="([^"]+)"/g)].map((m) => m[1]), message: /<samlp:StatusMessage>([^<]*)</.exec(xml)?.[1] };
};

async function signedIn() {
  const h = await harness({
    idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem], sloUrl: IDP_SLO },
    allowUnsolicited: true,
    autoProvisioningEnabled: true,
  });
  const browser = request.agent(h.sp.app);
  const acs = await browser
    .post(`/saml/${h.tenantId}/acs`)
    .set('Accept', 'application/json')
    .type('form')
    .send({ SAMLResponse: await h.mint({ attributes: attrs }) });
  expect(acs.status).toBe(200);
  const sessionId = decodeURIComponent(/sp_session=([^;]+)/.exec(String(acs.headers['set-cookie']))![1]!);
  // samlify's assertions carry no SessionIndex: give the session the one the IdP below will name.
  h.store.setSessionLogoutKey(cookieHash(sessionId), '_session-1', undefined);
  const metadata = await request(h.sp.app).get(`/saml/${h.tenantId}/metadata`);
  const spEntity = samlify.ServiceProvider({ metadata: metadata.text, wantLogoutRequestSigned: true, wantLogoutResponseSigned: true });
  const idpEntity = samlify.IdentityProvider({
    entityID: IDP_ENTITY_ID,
    privateKey: testIdpKeys().privateKeyPem,
    signingCert: testIdpKeys().certificatePem,
    singleSignOnService: [{ Binding: REDIRECT, Location: IDP_SSO_URL }],
    singleLogoutService: [{ Binding: REDIRECT, Location: IDP_SLO }],
  });
  return { h, browser, spEntity, idpEntity };
}

describe('reference SP Single Logout, cross-checked with samlify as the IdP', () => {
  it("ends the session samlify's signed LogoutRequest names and answers with a LogoutResponse samlify verifies", async () => {
    const { h, browser, spEntity, idpEntity } = await signedIn();
    const { id, context } = idpEntity.createLogoutRequest(spEntity, 'redirect', { logoutNameID: 'alice@example.com', sessionIndex: '_session-1' });
    const url = new URL(context);
    expect(url.pathname).toBe(`/saml/${h.tenantId}/slo`);
    const answer = await request(h.sp.app).get(url.pathname + url.search);
    expect(answer.status).toBe(302);
    const location = answer.headers['location'] as string;
    const parsed = await idpEntity.parseLogoutResponse(spEntity, 'redirect', redirectRequest(location));
    expect(parsed.extract.response?.inResponseTo).toBe(id);
    expect(statusOf(location).codes).toEqual(['urn:oasis:names:tc:SAML:2.0:status:Success']);
    expect((await browser.get(`/saml/${h.tenantId}/me`)).status).toBe(401);

    // The same request again: refused as a replay, in a LogoutResponse samlify still verifies.
    const again = await request(h.sp.app).get(url.pathname + url.search);
    const refusal = again.headers['location'] as string;
    await expect(idpEntity.parseLogoutResponse(spEntity, 'redirect', redirectRequest(refusal))).rejects.toThrow(/ERR_FAILED_STATUS/);
    expect(signedBy(refusal, h.sp.spKeys.certificatePem)).toBe(true);
    expect(statusOf(refusal)).toEqual({ codes: ['urn:oasis:names:tc:SAML:2.0:status:Requester', 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied'], message: 'logout/replayed' });
  });

  it('refuses a LogoutRequest for another SessionIndex with UnknownPrincipal and keeps the session', async () => {
    const { h, browser, spEntity, idpEntity } = await signedIn();
    const { context } = idpEntity.createLogoutRequest(spEntity, 'redirect', { logoutNameID: 'alice@example.com', sessionIndex: '_another-session' });
    const url = new URL(context);
    const refusal = (await request(h.sp.app).get(url.pathname + url.search)).headers['location'] as string;
    await expect(idpEntity.parseLogoutResponse(spEntity, 'redirect', redirectRequest(refusal))).rejects.toThrow(/ERR_FAILED_STATUS/);
    expect(signedBy(refusal, h.sp.spKeys.certificatePem)).toBe(true);
    expect(statusOf(refusal)).toEqual({
      codes: ['urn:oasis:names:tc:SAML:2.0:status:Requester', 'urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal'],
      message: 'logout/session-index',
    });
    expect((await browser.get(`/saml/${h.tenantId}/me`)).status).toBe(200);
  });

  it('sends an SP-initiated LogoutRequest samlify verifies, naming the NameID and SessionIndex of the session', async () => {
    const { h, browser, spEntity, idpEntity } = await signedIn();
    const answer = await browser.get(`/saml/${h.tenantId}/logout`);
    expect(answer.status).toBe(302);
    const location = answer.headers['location'] as string;
    expect(location.startsWith(`${IDP_SLO}?SAMLRequest=`)).toBe(true);
    const parsed = await idpEntity.parseLogoutRequest(spEntity, 'redirect', redirectRequest(location));
    expect(parsed.extract.nameID).toBe('alice@example.com');
    expect(parsed.extract.sessionIndex).toBe('_session-1');
    expect(parsed.extract.issuer).toBe(h.spEntityId);
    expect((await browser.get(`/saml/${h.tenantId}/me`)).status).toBe(401);
  });
});
