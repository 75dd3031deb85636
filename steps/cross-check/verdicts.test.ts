/*
 * Independent cross-check (issue 2 §5): for every response variant the mock IdP mints, the reference SP's
 * verdict must agree with @node-saml/node-saml's — both accept the valid variants, both refuse the hostile ones.
 * Where the two disagree on purpose, the row says why (node-saml does not check the Issuer; it accepts RSA-1_5
 * only where Node allows PKCS#1 v1.5 decryption, which Node 20 refuses).
 *
 * This file imports both sides of the wire, so it lives under steps/ (mock-idp/ and reference-sp/ never import
 * each other). node-saml reads the system clock, so Date is frozen at the instant both sides' clock reads.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { generatedKeyPair, loadIdpKeys, responseBuilder, XSW_KINDS, type ResponseBuilder } from '../../mock-idp/index.ts';
import { resolveConfig, type TenantConfig } from '../../reference-sp/config/index.ts';
import { createSpKeys } from '../../reference-sp/saml/keys.ts';
import { runAcsPipeline } from '../../reference-sp/saml/pipeline.ts';
import { storedReplayCache } from '../../reference-sp/saml/replay-cache.ts';
import { storedOutstandingRequests } from '../../reference-sp/sign-in/request-store.ts';
import { openStore, type Store } from '../../reference-sp/store/index.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const clock = { now: () => NOW };
const IDP = 'https://idp.cross-check.test/metadata';
const BASE = 'https://sp.cross-check.test';
const keys = loadIdpKeys({ clock });
const spKeys = createSpKeys('cross-check SP', NOW);

let tenant: TenantConfig;
let store: Store;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const config = await resolveConfig({
    baseUrl: BASE,
    tenants: [
      {
        id: 'acme',
        profile: 'generic',
        saml: {
          idp: { entityId: IDP, ssoUrl: `${IDP}/sso`, signingCertificates: [keys.signing.certificatePem] },
          allowUnsolicited: true,
          autoProvisioningEnabled: true,
          wantAssertionsSigned: false,
          allowedSignatureAlgorithms: ['rsa-sha1', 'rsa-sha256', 'rsa-sha512'],
          allowedDigestAlgorithms: ['sha1', 'sha256', 'sha512'],
          clockSkewSeconds: 0,
        },
      },
    ],
  });
  tenant = config.tenants[0]!;
  store = openStore({ path: ':memory:', clock });
  store.ensureTenant('acme', 'generic');
});

afterAll(() => {
  vi.useRealTimers();
  store.close();
});

function nodeSaml(): SAML {
  return new SAML({
    idpCert: keys.signing.certificatePem,
    issuer: tenant.saml.spEntityId,
    audience: tenant.saml.spEntityId,
    callbackUrl: tenant.saml.acsUrls[0]!,
    idpIssuer: IDP,
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: 0,
    decryptionPvk: spKeys.privateKeyPem,
  });
}

function mint(): ResponseBuilder {
  return responseBuilder({ clock, keys, issuer: IDP }).forSp(tenant.saml.spEntityId, tenant.saml.acsUrls[0]!).nameId('alice@example.com').attribute('email', 'alice@example.com');
}

async function verdicts(builder: ResponseBuilder): Promise<{ referenceSp: string; nodeSaml: string }> {
  const built = await builder.build();
  // Each side gets its own replay state: a fresh in-memory state store per row, so only the row's deviation decides.
  const state = openStore({ path: ':memory:', clock });
  const deps = { clock, spKeys, requests: storedOutstandingRequests(state, clock), replay: storedReplayCache(state, clock), directory: store };
  const result = await runAcsPipeline({ tenant, samlResponse: built.base64 }, deps);
  state.close();
  let node = 'accepted';
  try {
    await nodeSaml().validatePostResponseAsync({ SAMLResponse: built.base64 });
  } catch {
    node = 'refused';
  }
  return { referenceSp: result.ok ? 'accepted' : `refused (${result.rejection.code})`, nodeSaml: node };
}

const agreeing: Array<[string, (b: ResponseBuilder) => ResponseBuilder, 'accepted' | 'refused']> = [
  ['signed response and assertion, RSA-SHA256', (b) => b.signBoth(), 'accepted'],
  ['signed response only, RSA-SHA512', (b) => b.signResponseOnly().signatureAlgorithm('sha512'), 'accepted'],
  ['signed assertion only, RSA-SHA1', (b) => b.signAssertionOnly().signatureAlgorithm('sha1'), 'accepted'],
  ['encrypted AES-256-GCM / RSA-OAEP', (b) => b.encryptTo(spKeys.certificatePem, { dataAlgorithm: 'aes256-gcm', keyAlgorithm: 'rsa-oaep' }), 'accepted'],
  ['encrypted AES-128-CBC / RSA-OAEP', (b) => b.encryptTo(spKeys.certificatePem, { dataAlgorithm: 'aes128-cbc', keyAlgorithm: 'rsa-oaep' }), 'accepted'],
  ['unsigned', (b) => b.omitSignature(), 'refused'],
  ['signed by a key the SP does not trust', (b) => b.signWithRogueKey(), 'refused'],
  ['changed after signing', (b) => b.tamperAfterSigning(), 'refused'],
  ['for another audience', (b) => b.audience('https://other.example.test'), 'refused'],
  ['expired 10 minutes ago', (b) => b.expiredBy('10m'), 'refused'],
  ['valid only in 5 minutes', (b) => b.notYetValidFor('5m'), 'refused'],
  ['with a DOCTYPE (XXE probe)', (b) => b.withDoctype(), 'refused'],
  ['with two assertions', (b) => b.duplicateAssertion(), 'refused'],
  ['encrypted to another certificate', (b) => b.encryptTo(generatedKeyPair('cross-check-other', clock).certificatePem), 'refused'],
  ...XSW_KINDS.map(
    (kind) =>
      [`wrapped (${kind})`, (b: ResponseBuilder) => b.wrapSignature(kind, 'mallory@example.com'), 'refused'] as [string, (b: ResponseBuilder) => ResponseBuilder, 'refused'],
  ),
];

describe('the reference SP and node-saml agree', () => {
  const rows = agreeing.map(([name, deviate, expected]) => ({ name, deviate, expected }));
  it.each(rows)('$name: both $expected', async ({ deviate, expected }) => {
    const v = await verdicts(deviate(mint()));
    expect(v.nodeSaml).toBe(expected);
    expect(v.referenceSp.startsWith(expected)).toBe(true);
  });
});

describe('where they disagree, on purpose', () => {
  it('a foreign Issuer: node-saml accepts (it does not check Issuer on responses), the reference SP refuses', async () => {
    const v = await verdicts(mint().issuer('https://impostor.example.test'));
    expect(v).toEqual({ referenceSp: 'refused (issuer/mismatch)', nodeSaml: 'accepted' });
  });

  it('RSA-1_5 key transport: the reference SP refuses it by policy before decrypting; node-saml fails to decrypt on Node 20', async () => {
    const v = await verdicts(mint().encryptTo(spKeys.certificatePem, { dataAlgorithm: 'aes256-gcm', keyAlgorithm: 'rsa-1_5' }));
    expect(v).toEqual({ referenceSp: 'refused (decryption/algorithm-refused)', nodeSaml: 'refused' });
  });
});
