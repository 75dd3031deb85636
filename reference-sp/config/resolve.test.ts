import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problems } from './test-support/problems.ts';
import { createSpKeys } from '../saml/keys.ts';
import { certBody } from '../saml/xml.ts';
import { ConfigError } from './errors.ts';
import { loadConfigFile, resolveConfig } from './resolve.ts';

const cert = createSpKeys('config test IdP').certificatePem;
const manualIdp = { entityId: 'https://idp.test', ssoUrl: 'https://idp.test/sso', signingCertificates: [cert] };
const metadata = (entityId = 'https://idp.test/meta') =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">` +
  `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
  `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.test/post"/>` +
  `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.test/redirect"/>` +
  `</md:IDPSSODescriptor></md:EntityDescriptor>`;

describe('resolveConfig', () => {
  it('resolves defaults ← profile ← input and freezes the result', async () => {
    const cfg = await resolveConfig({ baseUrl: 'http://sp.test/', tenants: [{ id: 'sq', profile: 'sonarqube', saml: { idp: manualIdp, clockSkewSeconds: 5 } }] });
    const saml = cfg.tenants[0]!.saml;
    expect(saml.clockSkewSeconds).toBe(5);
    expect(saml.allowedSignatureAlgorithms).toEqual(['rsa-sha256']);
    expect(saml.allowUnsolicited).toBe(false);
    expect(saml.wantResponseSigned).toBe(true);
    expect(saml.groupSync).toEqual({ enabled: true, attributeName: 'groups', preservedGroups: ['Members'], missingGroups: 'ignore', organizations: [] });
    expect(saml.acsUrls).toEqual(['http://sp.test/saml/sq/acs']);
    expect(saml.spEntityId).toBe('http://sp.test/saml/sq/metadata');
    expect(cfg.dataDir).toBe(':memory:');
    expect(Object.isFrozen(saml.groupSync)).toBe(true);
    expect(Object.isFrozen(cfg.tenants)).toBe(true);
  });

  it('collects every problem, each naming its full path', async () => {
    const found = await problems({
      baseUrl: 'not a url',
      tenants: [
        { id: 'a', saml: { idp: manualIdp } },
        { id: 'b', saml: { idp: manualIdp, wantResponseSigned: 'yes' } },
        { id: 'c', saml: { idp: manualIdp, clockSkewSeconds: -3, colour: 'blue' } },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'baseUrl must be an http(s) URL',
        'tenants[1].saml.wantResponseSigned must be true or false',
        'tenants[2].saml.clockSkewSeconds must be a non-negative integer',
        'tenants[2].saml.colour is not a known option',
      ]),
    );
    expect(found).toHaveLength(4);
  });

  it('validates the SCIM limits (maxScan, rateLimit, upload), each problem naming its full path', async () => {
    const found = await problems({
      baseUrl: 'http://sp.test',
      tenants: [
        { id: 'a', saml: { idp: manualIdp }, scim: { maxScan: 0, rateLimit: { requestsPerSecond: -1, burst: 1.5 } } },
        { id: 'b', saml: { idp: manualIdp }, scim: { rateLimit: 'fast', upload: { idleTimeoutMs: 0, slowly: true } } },
      ],
    });
    expect(found).toEqual([
      'tenants[0].scim.maxScan must be a positive integer',
      'tenants[0].scim.rateLimit.requestsPerSecond must be a positive number',
      'tenants[0].scim.rateLimit.burst must be a positive integer',
      'tenants[1].scim.rateLimit must be true, false, or an object with enabled, requestsPerSecond and burst',
      'tenants[1].scim.upload.slowly is not a known option',
      'tenants[1].scim.upload.idleTimeoutMs must be a positive integer',
    ]);
  });

  it('resolves the SCIM limits: defaults, a rate without burst (two seconds of it), and off', async () => {
    const cfg = await resolveConfig({
      baseUrl: 'http://sp.test',
      tenants: [
        { id: 'a', saml: { idp: manualIdp } },
        { id: 'b', saml: { idp: manualIdp }, scim: { rateLimit: { requestsPerSecond: 5 }, maxScan: 10, upload: { timeoutMs: 100 } } },
        { id: 'c', saml: { idp: manualIdp }, scim: { rateLimit: false } },
      ],
    });
    expect(cfg.tenants.map((t) => [t.scim.rateLimit, t.scim.maxScan, t.scim.upload])).toEqual([
      [{ requestsPerSecond: 200, burst: 400 }, 5000, { idleTimeoutMs: 10_000, timeoutMs: 30_000 }],
      [{ requestsPerSecond: 5, burst: 10 }, 10, { idleTimeoutMs: 10_000, timeoutMs: 100 }],
      [false, 5000, { idleTimeoutMs: 10_000, timeoutMs: 30_000 }],
    ]);
  });

  it('refuses a second ACS URL for SonarQube, naming the path', async () => {
    const found = await problems({
      baseUrl: 'http://sp.test',
      tenants: [{ id: 'sq', profile: 'sonarqube', saml: { idp: manualIdp, acsUrls: ['http://sp.test/a', 'http://sp.test/b'] } }],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^tenants\[0\]\.saml\.acsUrls must list exactly one URL/);
  });

  it('refuses a missing IdP, duplicate tenant ids, and a bad certificate', async () => {
    const found = await problems({
      baseUrl: 'http://sp.test',
      tenants: [
        { id: 'a', saml: {} },
        { id: 'a', saml: { idp: { ...manualIdp, signingCertificates: ['bm90IGEgY2VydA=='] } } },
      ],
    });
    expect(found.some((p) => p.startsWith('tenants[1].id "a" is already used by tenants[0]'))).toBe(true);
    expect(found.some((p) => p.startsWith('tenants[0].saml.idp is required'))).toBe(true);
    expect(found.some((p) => p.startsWith('tenants[1].saml.idp.signingCertificates[0] is not a valid X.509 certificate'))).toBe(true);
  });

  it('imports the IdP from metadata XML, preferring the HTTP-Redirect SSO service', async () => {
    const cfg = await resolveConfig({ baseUrl: 'http://sp.test', tenants: [{ id: 'n', profile: 'ninjaone', saml: { idp: { metadataXml: metadata() } } }] });
    expect(cfg.tenants[0]!.saml.idp).toMatchObject({ entityId: 'https://idp.test/meta', ssoUrl: 'https://idp.test/redirect', source: 'metadata-xml' });
    expect(cfg.tenants[0]!.saml.idp.signingCertificates).toHaveLength(1);
  });

  it('imports the IdP from a metadata URL and from a file; manual fields override', async () => {
    const fetch = async (url: string) => ({ ok: url === 'http://127.0.0.1:1/meta', status: 200, text: async () => metadata('https://idp.test/from-url') });
    const byUrl = await resolveConfig(
      { baseUrl: 'http://sp.test', tenants: [{ id: 'n', saml: { idp: { metadataUrl: 'http://127.0.0.1:1/meta', ssoUrl: 'https://manual.test/sso' } } }] },
      { fetch },
    );
    expect(byUrl.tenants[0]!.saml.idp).toMatchObject({ entityId: 'https://idp.test/from-url', ssoUrl: 'https://manual.test/sso', source: 'metadata-url' });
    const dir = mkdtempSync(join(tmpdir(), 'sp-config-'));
    writeFileSync(join(dir, 'idp.xml'), metadata('https://idp.test/from-file'));
    writeFileSync(join(dir, 'sp.yaml'), `baseUrl: http://sp.test\ntenants:\n  - id: n\n    saml:\n      idp:\n        metadataFile: idp.xml\n`);
    const byFile = await loadConfigFile(join(dir, 'sp.yaml'));
    expect(byFile.tenants[0]!.saml.idp).toMatchObject({ entityId: 'https://idp.test/from-file', source: 'metadata-file' });
  });

  it('reports unusable metadata with its path', async () => {
    const found = await problems({
      baseUrl: 'http://sp.test',
      tenants: [{ id: 'n', saml: { idp: { metadataXml: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>' } } }],
    });
    expect(found).toEqual(['tenants[0].saml.idp.metadataXml has no IDPSSODescriptor']);
  });

  it('reports a config file that is not YAML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-config-'));
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    await expect(loadConfigFile(join(dir, 'bad.json'))).rejects.toBeInstanceOf(ConfigError);
  });
});
