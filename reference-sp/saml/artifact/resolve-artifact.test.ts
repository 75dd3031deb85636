/*
 * The artifact decoding step inside the real ACS pipeline, against a fake ArtifactResolutionService (an injected
 * fetch): one row per rule, each naming the code it must produce. The IdP's ArtifactResponse is signed here with
 * xml-crypto directly (../test-support/craft.ts).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.ts';
import { runAcsPipeline } from '../pipeline.ts';
import { storedReplayCache } from '../replay-cache.ts';
import { storedOutstandingRequests } from '../../sign-in/request-store.ts';
import { responseXml, sign } from '../test-support/craft.ts';
import { IDP_ENTITY_ID, IDP_SSO_URL, TestClock, attackerKeys, tenantConfig, testIdpKeys, testSpKeys } from '../test-support/fixture.ts';
import { acsPipelineFor } from './acs-message.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const ARS = 'https://idp.example.test/saml/artifact';
const artifact = (issuer = IDP_ENTITY_ID) => Buffer.concat([Buffer.from('00040000', 'hex'), createHash('sha1').update(issuer).digest(), Buffer.alloc(20, 9)]).toString('base64');

interface Answer {
  readonly inResponseTo?: (resolveId: string) => string;
  readonly message?: boolean;
  readonly key?: 'idp' | 'attacker' | 'none';
  readonly status?: number;
  readonly body?: string;
}

function artifactResponse(resolveId: string, a: Answer): string {
  const inner =
    a.message === false
      ? ''
      : sign(
          responseXml({
            now: NOW,
            acsUrl: 'http://sp.test/saml/acme/acs',
            spEntityId: 'http://sp.test/saml/acme/metadata',
            idpEntityId: IDP_ENTITY_ID,
            attributes: { email: 'alice@example.com' },
          }),
          'Assertion',
          { privateKeyPem: testIdpKeys().privateKeyPem },
        ).replace(/^<\?xml[^>]*\?>/, '');
  const xml = `<samlp:ArtifactResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_ar" Version="2.0" IssueInstant="${NOW.toISOString()}" InResponseTo="${a.inResponseTo?.(resolveId) ?? resolveId}"><saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${inner}</samlp:ArtifactResponse>`;
  if (a.key === 'none') return xml;
  return sign(xml, 'ArtifactResponse', { privateKeyPem: (a.key === 'attacker' ? attackerKeys() : testIdpKeys()).privateKeyPem });
}

function fakeIdp(a: Answer): typeof fetch {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    if (a.status === 0) throw new TypeError('fetch failed');
    const resolveId = /ArtifactResolve[^>]*\sID="([^"]+)"/.exec(String(init?.body))![1]!;
    const body = a.body ?? `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${artifactResponse(resolveId, a)}</S:Body></S:Envelope>`;
    return new Response(body, { status: a.status ?? 200, headers: { 'content-type': 'text/xml' } });
  }) as typeof fetch;
}

async function run(samlArt: unknown, a: Answer) {
  const config = await tenantConfig({
    allowUnsolicited: true,
    autoProvisioningEnabled: true,
    acsBinding: 'artifact',
    idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem], artifactResolutionUrl: ARS },
  });
  const tenant = config.tenants[0]!;
  const clock = new TestClock(NOW);
  const store = openStore({ path: ':memory:', clock });
  store.ensureTenant(tenant.id);
  const deps = { clock, spKeys: testSpKeys(), requests: storedOutstandingRequests(store, clock), replay: storedReplayCache(store, clock), directory: store, ssoState: store };
  const result = await runAcsPipeline({ tenant, samlResponse: undefined }, deps, acsPipelineFor('POST', { SAMLart: samlArt }, { fetch: fakeIdp(a) }));
  return result.ok ? 'accepted' : result.rejection.code;
}

describe('resolve-artifact in the ACS pipeline', () => {
  it.each([
    ['a resolved artifact runs the embedded Response through the pipeline', artifact(), {}, 'accepted'],
    ['SAMLart of another type', Buffer.alloc(44).toString('base64'), {}, 'artifact/malformed'],
    ['another issuer', artifact('https://other.example'), {}, 'artifact/source-id'],
    ['the IdP unreachable', artifact(), { status: 0 }, 'artifact/resolution-failed'],
    [
      'the IdP answers HTTP 500 with a SOAP fault',
      artifact(),
      { status: 500, body: '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault/></S:Body></S:Envelope>' },
      'artifact/resolution-failed',
    ],
    [
      'the IdP answers with a fault and 200',
      artifact(),
      { body: '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault/></S:Body></S:Envelope>' },
      'artifact/resolution-failed',
    ],
    ['an unsigned ArtifactResponse', artifact(), { key: 'none' }, 'artifact/signature-invalid'],
    ['an ArtifactResponse signed by another key', artifact(), { key: 'attacker' }, 'artifact/signature-invalid'],
    ['an answer to another ArtifactResolve', artifact(), { inResponseTo: () => '_someone-else' }, 'artifact/in-response-to'],
    ['an empty ArtifactResponse', artifact(), { message: false }, 'artifact/empty'],
  ] as const)('%s', async (_n, samlArt, answer, expected) => {
    expect(await run(samlArt, answer as Answer)).toBe(expected);
  });

  it('SAMLResponse and SAMLart together → artifact/malformed', async () => {
    const checks = acsPipelineFor('POST', { SAMLart: artifact(), SAMLResponse: 'x' });
    await expect(async () => checks.find((c) => c.name === 'artifact-binding')!.run({} as never)).rejects.toMatchObject({ code: 'artifact/malformed' });
  });
});
