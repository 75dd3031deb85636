import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../config/index.ts';
import { createMemoryLogger } from '../log.ts';
import { createIdpTrust } from './idp-metadata-refresh.ts';
import { metadataExpiry } from './metadata-trust/check-metadata-valid.ts';
import { metadataDoc, signMetadata } from './metadata-trust/test-support.ts';
import { attackerKeys, IDP_ENTITY_ID, IDP_SSO_URL, TestClock, testIdpKeys } from './test-support/fixture.ts';
import { certBody } from './xml.ts';

const METADATA_URL = 'https://idp.example.test/federationmetadata.xml';

function metadata(certificatePem: string, ssoUrl = IDP_SSO_URL): string {
  return (
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${IDP_ENTITY_ID}">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>` +
    `<ds:X509Certificate>${certBody(certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/></md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}

/** A metadata host whose answer a test changes; counts fetches. */
function host(xml: string) {
  const state = { xml, status: 200, fetches: 0 };
  const fetcher = async () => {
    state.fetches++;
    return new Response(state.status === 200 ? state.xml : '', { status: state.status });
  };
  return { state, fetch: fetcher as unknown as typeof fetch };
}

async function setup(idp: Record<string, unknown>) {
  const h = host(metadata(testIdpKeys().certificatePem));
  const config = await resolveConfig({ baseUrl: 'http://sp.test', tenants: [{ id: 'sonar', profile: 'sonarqube', saml: { idp } }] }, { fetch: h.fetch });
  const clock = new TestClock(new Date('2026-01-01T00:00:00Z'));
  const log = createMemoryLogger();
  const tenant = config.tenants[0]!;
  return { h, clock, log, tenant, trust: createIdpTrust(config.tenants, { clock, log, fetch: h.fetch }) };
}

const certOf = (pem: string) => certBody(pem);

describe('createIdpTrust', () => {
  it('fetches the metadata again once it is older than metadataRefreshSeconds, and trusts the new certificate', async () => {
    const { h, clock, tenant, trust } = await setup({ metadataUrl: METADATA_URL, metadataRefreshSeconds: 3600 });
    h.state.xml = metadata(attackerKeys().certificatePem, 'https://idp.example.test/sso-2');
    clock.advance(3599);
    expect((await trust.current(tenant)).saml.idp.signingCertificates.map(certOf)).toEqual([certOf(testIdpKeys().certificatePem)]);
    clock.advance(1);
    const now = await trust.current(tenant);
    expect(now.saml.idp.signingCertificates.map(certOf)).toEqual([certOf(attackerKeys().certificatePem)]);
    expect(now.saml.idp.ssoUrl).toBe('https://idp.example.test/sso-2');
    expect(h.state.fetches).toBe(2);
  });

  it('keeps the last good metadata when a refresh fails, and logs it', async () => {
    const { h, clock, log, tenant, trust } = await setup({ metadataUrl: METADATA_URL, metadataRefreshSeconds: 60 });
    h.state.status = 503;
    clock.advance(60);
    expect((await trust.current(tenant)).saml.idp.signingCertificates.map(certOf)).toEqual([certOf(testIdpKeys().certificatePem)]);
    expect(log.entries.find((e) => e.event === 'saml.idp-metadata')?.fields).toMatchObject({ outcome: 'kept', reason: 'HTTP 503' });
    h.state.status = 200;
    h.state.xml = '<not-metadata/>';
    clock.advance(60);
    expect((await trust.current(tenant)).saml.idp.ssoUrl).toBe(IDP_SSO_URL);
  });

  it('keeps what the configuration gave by hand (the Manual tab wins over the metadata)', async () => {
    const { h, clock, tenant, trust } = await setup({ metadataUrl: METADATA_URL, metadataRefreshSeconds: 60, ssoUrl: 'https://idp.example.test/by-hand' });
    h.state.xml = metadata(attackerKeys().certificatePem, 'https://idp.example.test/sso-2');
    clock.advance(60);
    const now = await trust.current(tenant);
    expect(now.saml.idp.ssoUrl).toBe('https://idp.example.test/by-hand');
    expect(now.saml.idp.signingCertificates.map(certOf)).toEqual([certOf(attackerKeys().certificatePem)]);
  });

  it('never refreshes an IdP given by hand', async () => {
    const { h, clock, tenant, trust } = await setup({ entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem] });
    clock.advance(10 * 86_400);
    expect(await trust.current(tenant)).toBe(tenant);
    expect(h.state.fetches).toBe(0);
  });

  it('refuses metadataRefreshSeconds without a metadataUrl, naming the path', async () => {
    const input = {
      baseUrl: 'http://sp.test',
      tenants: [{ id: 'sonar', saml: { idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem], metadataRefreshSeconds: 60 } } }],
    };
    const error = await resolveConfig(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.some((p) => p.startsWith('tenants[0].saml.idp.metadataRefreshSeconds '))).toBe(true);
  });
});

describe('createIdpTrust: the metadata lifecycle (saml-metadata §2.3.2, §4.3.1)', () => {
  const T0 = '2026-01-01T00:00:00Z';

  async function lifecycle(first: string, idp: Record<string, unknown> = {}) {
    const h = host(first);
    const clock = new TestClock(new Date(T0));
    const config = await resolveConfig(
      { baseUrl: 'http://sp.test', tenants: [{ id: 'acme', saml: { idp: { metadataUrl: METADATA_URL, metadataRefreshSeconds: 86_400, ...idp } } }] },
      { fetch: h.fetch, clock },
    );
    const log = createMemoryLogger();
    const tenant = config.tenants[0]!;
    return { h, clock, log, tenant, trust: createIdpTrust(config.tenants, { clock, log, fetch: h.fetch }) };
  }
  const idpCert = testIdpKeys().certificatePem;
  const newCert = attackerKeys().certificatePem;
  const lastLog = (log: ReturnType<typeof createMemoryLogger>) => log.entries.filter((e) => e.event === 'saml.idp-metadata').at(-1)?.fields;

  it("fetches again after the document's cacheDuration when it is shorter than metadataRefreshSeconds", async () => {
    const { h, clock, tenant, trust } = await lifecycle(metadataDoc({ certificates: [idpCert], cacheDuration: 'PT1H' }));
    clock.advance(3599);
    await trust.current(tenant);
    expect(h.state.fetches).toBe(1);
    clock.advance(1);
    await trust.current(tenant);
    expect(h.state.fetches).toBe(2);
  });

  it('fetches again at validUntil at the latest, and trusts a fresh copy', async () => {
    const { h, clock, tenant, trust } = await lifecycle(metadataDoc({ certificates: [idpCert], validUntil: '2026-01-01T00:10:00Z' }));
    h.state.xml = metadataDoc({ certificates: [idpCert], validUntil: '2026-01-08T00:00:00Z' });
    clock.advance(600);
    const now = await trust.current(tenant);
    expect(h.state.fetches).toBe(2);
    expect(now.saml.idp.validUntil).toBe('2026-01-08T00:00:00.000Z');
    expect(metadataExpiry(now.saml.idp, clock.now())).toBeUndefined();
  });

  it('refuses an expired document at refresh (metadata/expired), keeps the last good copy, and refuses sign-ins once that expires too', async () => {
    const { h, clock, log, tenant, trust } = await lifecycle(metadataDoc({ certificates: [idpCert], validUntil: '2026-01-01T01:00:00Z', cacheDuration: 'PT30M' }));
    h.state.xml = metadataDoc({ certificates: [newCert], validUntil: '2026-01-01T00:30:00Z' });
    clock.advance(1800);
    const kept = await trust.current(tenant);
    expect(lastLog(log)).toMatchObject({ outcome: 'kept', code: 'metadata/expired' });
    expect(kept.saml.idp.signingCertificates.map(certOf)).toEqual([certOf(idpCert)]);
    expect(metadataExpiry(kept.saml.idp, clock.now())).toBeUndefined();
    clock.advance(1800);
    expect(metadataExpiry((await trust.current(tenant)).saml.idp, clock.now())?.code).toBe('metadata/expired');
  });

  it('holds a refreshed document to the metadata signing certificate (metadata/signature-invalid keeps the last good copy)', async () => {
    const signed = (certs: string[], key: string) => signMetadata(metadataDoc({ certificates: certs }), key);
    const { h, clock, log, tenant, trust } = await lifecycle(signed([idpCert], testIdpKeys().privateKeyPem), { metadataSigningCertificate: idpCert });
    h.state.xml = signed([newCert], attackerKeys().privateKeyPem);
    clock.advance(86_400);
    expect((await trust.current(tenant)).saml.idp.signingCertificates.map(certOf)).toEqual([certOf(idpCert)]);
    expect(lastLog(log)).toMatchObject({ outcome: 'kept', code: 'metadata/signature-invalid' });
    h.state.xml = signed([idpCert, newCert], testIdpKeys().privateKeyPem);
    clock.advance(86_400);
    expect((await trust.current(tenant)).saml.idp.signingCertificates.map(certOf)).toEqual([certOf(idpCert), certOf(newCert)]);
  });

  it('key rollover: both keys while the IdP publishes both, only the new one once it drops the old one', async () => {
    const { h, clock, tenant, trust } = await lifecycle(metadataDoc({ certificates: [idpCert, newCert] }));
    expect(tenant.saml.idp.signingCertificates.map(certOf)).toEqual([certOf(idpCert), certOf(newCert)]);
    h.state.xml = metadataDoc({ certificates: [newCert] });
    clock.advance(86_400);
    expect((await trust.current(tenant)).saml.idp.signingCertificates.map(certOf)).toEqual([certOf(newCert)]);
  });
});
