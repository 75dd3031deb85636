/*
 * The IdP's ArtifactResolutionService (saml-core §3.5.3): one-time use, only to the SP the artifact was issued
 * for, authenticated by its signature; every other case an empty ArtifactResponse with status Success; a SOAP
 * problem a SOAP fault. ArtifactResolves are signed here with the IdP's
 * own enveloped signer (../sign/sign-element.ts); the reference SP's signer meets the service across the wire.
 */
import { describe, expect, it } from 'vitest';
import { generatedKeyPair } from '../keys/key-store.ts';
import { signElement } from '../sign/sign-element.ts';
import { resolveSpRegistration } from '../sp-registry/sp-registration.ts';
import { ArtifactService } from './artifact-service.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const idpKey = generatedKeyPair('artifact-idp', clock);
const spKey = generatedKeyPair('artifact-sp', clock);
const sp = resolveSpRegistration({ entityId: 'urn:sp', acs: [{ url: 'https://sp.test/acs', binding: 'artifact' }], signingCertPem: spKey.certificatePem });
const other = resolveSpRegistration({ entityId: 'urn:other', acs: 'https://other.test/acs' });
const findSp = (id: string) => [sp, other].find((s) => s.entityId === id);

function resolveRequest(artifact: string, issuer = 'urn:sp', sign = true): string {
  const xml = `<samlp:ArtifactResolve xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>${issuer}</saml:Issuer><samlp:Artifact>${artifact}</samlp:Artifact></samlp:ArtifactResolve>`;
  let body = xml;
  if (sign) {
    body = signElement(xml, { id: '_r1', localName: 'ArtifactResolve', key: spKey, algorithm: 'sha256' });
  }
  return `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${body}</S:Body></S:Envelope>`;
}

const service = () => new ArtifactService({ entityId: 'https://idp.test/metadata', clock, signingKey: () => idpKey });
const RESPONSE = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_resp" Version="2.0"/>';

describe('ArtifactService', () => {
  it('answers the SP it was issued for, signed, once; a second time empty with Success', () => {
    const s = service();
    const artifact = s.issue('urn:sp', RESPONSE);
    const first = s.resolve(resolveRequest(artifact), findSp);
    expect(first.status).toBe(200);
    expect(first.body).toContain('ID="_resp"');
    expect(first.body).toContain('InResponseTo="_r1"');
    expect(first.body).toMatch(/<ds:Signature/);
    const second = s.resolve(resolveRequest(artifact), findSp);
    expect(second.body).not.toContain('_resp');
    expect(second.body).toContain('status:Success');
    expect(s.resolutions().map((r) => r.outcome)).toEqual(['resolved', 'artifact/unknown']);
  });

  it.each([
    ['another SP asks', (a: string) => resolveRequest(a, 'urn:other', false), 'artifact/other-sp'],
    ['the SP asks unsigned', (a: string) => resolveRequest(a, 'urn:sp', false), 'artifact/signature-missing'],
    ['the signature is broken', (a: string) => resolveRequest(a).replace('<samlp:Artifact>', '<samlp:Artifact> '), 'artifact/signature-invalid'],
    ['an unknown requester asks', (a: string) => resolveRequest(a, 'urn:nobody', false), 'artifact/unknown-requester'],
  ])('%s → empty response, and the artifact is used up', (_n, request, outcome) => {
    const s = service();
    const artifact = s.issue('urn:sp', RESPONSE);
    const answer = s.resolve(request(artifact), findSp);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain('_resp');
    expect(s.resolutions().at(-1)?.outcome).toBe(outcome);
    expect(s.resolve(resolveRequest(artifact), findSp).body).not.toContain('_resp');
  });

  it('expires artifacts and bounds the store', () => {
    let now = clock.now().getTime();
    const s = new ArtifactService({ entityId: 'https://idp.test/metadata', clock: { now: () => new Date(now) }, signingKey: () => idpKey, ttlMs: 1000, maxEntries: 2 });
    const a = s.issue('urn:sp', RESPONSE);
    s.issue('urn:sp', RESPONSE);
    s.issue('urn:sp', RESPONSE);
    expect(s.pending).toBe(2);
    expect(s.resolve(resolveRequest(a), findSp).body).not.toContain('_resp'); // the oldest was dropped
    now += 1000;
    expect(s.pending).toBe(0);
  });

  it.each([
    ['not XML', 'nope'],
    ['not an Envelope', '<x/>'],
    ['an empty Body', '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body/></S:Envelope>'],
    ['not an ArtifactResolve', '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><x/></S:Body></S:Envelope>'],
  ])('%s → SOAP fault (HTTP 500, SOAP 1.1 §6.2)', (_n, body) => {
    const answer = service().resolve(body, findSp);
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('<faultcode>SOAP-ENV:Client</faultcode>');
  });

  it('deviations: another SourceID; the previous artifact again', () => {
    const s = service();
    s.setNext([{ method: 'wrongSourceId', args: ['https://other.example'] }]);
    const wrong = Buffer.from(s.issue('urn:sp', RESPONSE), 'base64');
    expect(wrong.subarray(4, 24).toString('hex')).not.toBe(Buffer.from(s.issue('urn:sp', RESPONSE), 'base64').subarray(4, 24).toString('hex'));
    const last = s.issue('urn:sp', RESPONSE);
    s.setNext(['replayPrevious']);
    expect(s.issue('urn:sp', RESPONSE)).toBe(last);
    expect(() => s.setNext(['replayPrevius'])).toThrow(expect.objectContaining({ code: 'control/unknown-deviation' }));
  });
});
