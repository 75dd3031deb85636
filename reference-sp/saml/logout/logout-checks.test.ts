/*
 * The reference SP's /slo refusals, one rule each (table-driven): hand-made LogoutRequests signed over the
 * HTTP-Redirect query with the trusted IdP key (or not), each answered with a signed LogoutResponse whose status
 * and StatusMessage carry the code; a LogoutResponse to no request of ours is refused outright. Also the config
 * and metadata the logout needs.
 */
import { createSign } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../config/errors.ts';
import { attackerKeys, harness, IDP_ENTITY_ID, IDP_SSO_URL, tenantConfig, testIdpKeys } from '../test-support/fixture.ts';
import { idpSloUrl } from './idp-slo-endpoint.ts';

const IDP_SLO = 'https://idp.example.test/slo';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const idp = { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem], sloUrl: IDP_SLO };

interface Request {
  readonly id?: string;
  readonly issuer?: string;
  readonly destination?: string;
  readonly notOnOrAfter?: string;
  readonly nameId?: string | null;
  readonly sessionIndexes?: readonly string[];
  readonly doctype?: boolean;
}

function logoutRequest(r: Request, destination: string): string {
  return (
    (r.doctype ? '<!DOCTYPE x [<!ENTITY e "x">]>' : '') +
    `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${r.id ?? '_req1'}" Version="2.0"` +
    ` IssueInstant="2026-01-01T00:00:00Z" Destination="${r.destination ?? destination}" NotOnOrAfter="${r.notOnOrAfter ?? '2026-01-01T00:05:00Z'}">` +
    `<saml:Issuer>${r.issuer ?? IDP_ENTITY_ID}</saml:Issuer>` +
    (r.nameId === null ? '' : `<saml:NameID>${r.nameId ?? 'alice@example.com'}</saml:NameID>`) +
    (r.sessionIndexes ?? []).map((s) => `<samlp:SessionIndex>${s}</samlp:SessionIndex>`).join('') +
    `</samlp:LogoutRequest>`
  );
}

/** A Redirect-binding query for the XML, signed with `key` and SigAlg (none: unsigned). */
function query(xml: string, param: 'SAMLRequest' | 'SAMLResponse', sign?: { key: string; sigAlg: string }): string {
  let q = `${param}=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`;
  if (!sign) return q;
  q += `&SigAlg=${encodeURIComponent(sign.sigAlg)}`;
  return `${q}&Signature=${encodeURIComponent(
    createSign(sign.sigAlg === RSA_SHA1 ? 'RSA-SHA1' : 'RSA-SHA256')
      .update(q)
      .sign(sign.key, 'base64'),
  )}`;
}

function answer(location: string) {
  const url = new URL(location);
  const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLResponse')!, 'base64')).toString('utf8');
  return {
    to: url.origin + url.pathname,
    codes: [...xml.matchAll(/StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:([A-Za-z]+)"/g)].map((m) => m[1]),
    message: /<samlp:StatusMessage>([^<]*)</.exec(xml)?.[1],
    inResponseTo: /InResponseTo="([^"]*)"/.exec(xml)?.[1],
  };
}

describe('reference SP /slo refuses a LogoutRequest it cannot trust, in a signed LogoutResponse', () => {
  const key = () => testIdpKeys().privateKeyPem;
  it.each([
    ['unsigned', {}, undefined, 'logout/signature-missing', 'RequestDenied'],
    ['signed by another key', {}, { key: attackerKeys().privateKeyPem, sigAlg: RSA_SHA256 }, 'logout/signature-invalid', 'RequestDenied'],
    ['signed with SHA-1, which the tenant refuses', {}, { key: '', sigAlg: RSA_SHA1 }, 'logout/signature-invalid', 'RequestDenied'],
    ['from another issuer', { issuer: 'https://other-idp.example/metadata' }, 'trusted', 'logout/issuer', 'RequestDenied'],
    ['addressed elsewhere', { destination: 'https://elsewhere.example/slo' }, 'trusted', 'logout/destination', 'RequestDenied'],
    ['expired', { notOnOrAfter: '2025-12-31T23:59:00Z' }, 'trusted', 'logout/expired', 'RequestDenied'],
    ['naming nobody', { nameId: null }, 'trusted', 'logout/malformed', 'RequestDenied'],
    ['with too many SessionIndex values', { sessionIndexes: Array.from({ length: 17 }, (_, i) => `_s${i}`) }, 'trusted', 'logout/malformed', 'RequestDenied'],
    ['for a principal without a session', { nameId: 'bob@example.com' }, 'trusted', 'logout/session-index', 'UnknownPrincipal'],
  ] as const)('%s', async (_name, r, signing, code, sub) => {
    const h = await harness({ idp });
    const destination = `http://sp.test/saml/${h.tenantId}/slo`;
    const sign = signing === 'trusted' ? { key: key(), sigAlg: RSA_SHA256 } : signing && { key: signing.key || key(), sigAlg: signing.sigAlg };
    const res = await request(h.sp.app).get(`/saml/${h.tenantId}/slo?${query(logoutRequest(r, destination), 'SAMLRequest', sign)}`);
    expect(res.status).toBe(302);
    const a = answer(res.headers['location'] as string);
    expect(a).toMatchObject({ to: IDP_SLO, codes: ['Requester', sub], message: code, inResponseTo: '_req1' });
  });

  it('a DOCTYPE is malformed, answered without repeating anything', async () => {
    const h = await harness({ idp });
    const res = await request(h.sp.app)
      .get(`/saml/${h.tenantId}/slo?${query(logoutRequest({ doctype: true }, ''), 'SAMLRequest')}`)
      .set('Accept', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('logout/malformed');
  });

  it('a request ID that is not a plain xs:ID is not repeated in the refusal', async () => {
    const h = await harness({ idp });
    const xml = logoutRequest({ id: '_a"b' }, `http://sp.test/saml/${h.tenantId}/slo`).replace('ID="_a"b"', 'ID="_a&quot;&lt;b"');
    const res = await request(h.sp.app).get(`/saml/${h.tenantId}/slo?${query(xml, 'SAMLRequest')}`);
    expect(answer(res.headers['location'] as string)).toMatchObject({ message: 'logout/signature-missing', inResponseTo: undefined });
  });

  it('a LogoutResponse to no LogoutRequest of ours → logout/in-response-to, refused to the browser', async () => {
    const h = await harness({ idp });
    const xml =
      `<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"` +
      ` Destination="http://sp.test/saml/${h.tenantId}/slo" InResponseTo="_never-sent"><saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`;
    const res = await request(h.sp.app)
      .get(`/saml/${h.tenantId}/slo?${query(xml, 'SAMLResponse', { key: key(), sigAlg: RSA_SHA256 })}`)
      .set('Accept', 'application/json');
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('logout/in-response-to');
  });
});

describe('Single Logout configuration and metadata', () => {
  it('refuses a binding other than redirect or post, naming its path', async () => {
    const problems = await tenantConfig({ singleLogout: { binding: 'soap' as never } }).then(
      () => [],
      (e: ConfigError) => e.problems,
    );
    expect(problems.some((p) => p.startsWith('tenants[0].saml.singleLogout.binding'))).toBe(true);
  });

  it("reads the IdP's SingleLogoutService from its metadata, Redirect preferred", () => {
    const md = (bindings: string[]) =>
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="e"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      bindings.map((b) => `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-${b}" Location="https://idp/${b}"/>`).join('') +
      `</md:IDPSSODescriptor></md:EntityDescriptor>`;
    expect(idpSloUrl(md(['POST', 'Redirect']))).toBe('https://idp/Redirect');
    expect(idpSloUrl(md(['POST']))).toBe('https://idp/POST');
    expect(idpSloUrl(md([]))).toBeUndefined();
  });

  it('advertises its SingleLogoutService for both bindings in SP metadata', async () => {
    const h = await harness({ idp });
    const res = await request(h.sp.app).get(`/saml/${h.tenantId}/metadata`);
    expect([...res.text.matchAll(/<md:SingleLogoutService Binding="[^"]+HTTP-(\w+)" Location="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['Redirect', `http://sp.test/saml/${h.tenantId}/slo`],
      ['POST', `http://sp.test/saml/${h.tenantId}/slo`],
    ]);
  });
});
