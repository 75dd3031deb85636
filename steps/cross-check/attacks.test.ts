/*
 * Attack cross-check (issue 10, brief C): every attack deviation the certify catalog sends, minted by the mock
 * IdP — queued by name as data, exactly as a feature or `certify saml` queues it — for a reference SP tenant that
 * the IdP registered from the SP's own metadata, and run through the reference SP's ACS pipeline. The reference
 * SP is the model an external SP is compared with, so each attack must be refused with its stable code, and the
 * NameID injections (CVE-2017-11427 family) must sign in only the identity the IdP really signed, never the victim.
 * The deviations an external SP meets as they are (rogue key, tampering, two assertions, DOCTYPE, every
 * encryption pair, the validity window at the clock-skew edges) are checked the same way.
 *
 * This file imports both sides of the wire, so it lives under steps/ (mock-idp/ and reference-sp/ never import
 * each other). Each row gets its own replay cache, so only the row's deviation decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockIdp, registrationFromSpMetadata, signedIdentity, type DeviationInput, type MockIdp } from '../../mock-idp/index.ts';
import { resolveConfig, type TenantConfig } from '../../reference-sp/config/index.ts';
import { createSpKeys } from '../../reference-sp/saml/keys.ts';
import { spMetadataXml } from '../../reference-sp/saml/metadata.ts';
import { runAcsPipeline } from '../../reference-sp/saml/pipeline.ts';
import { storedReplayCache } from '../../reference-sp/saml/replay-cache.ts';
import { storedOutstandingRequests } from '../../reference-sp/sign-in/request-store.ts';
import { openStore, type Store } from '../../reference-sp/store/index.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const clock = { now: () => NOW };
const IDP_BASE = 'https://idp.attacks.test';
const SKEW_SECONDS = 60;
const USER = 'alice@example.com';
const VICTIM = 'bob@example.com';
const spKeys = createSpKeys('attack cross-check SP', NOW);

let tenant: TenantConfig;
let store: Store;
let idp: MockIdp;

beforeAll(async () => {
  idp = createMockIdp({
    baseUrl: IDP_BASE,
    clock,
    users: [
      { id: 'u1', login: USER, email: USER, givenName: 'Alice', surname: 'Liddell', displayName: 'Alice Liddell', groups: [] },
      { id: 'u2', login: VICTIM, email: VICTIM, givenName: 'Bob', surname: 'Builder', displayName: 'Bob Builder', groups: [] },
    ],
  });
  const config = await resolveConfig({
    baseUrl: 'https://sp.attacks.test',
    tenants: [
      {
        id: 'acme',
        profile: 'generic',
        saml: {
          idp: { entityId: idp.entityId, ssoUrl: `${IDP_BASE}/sso`, signingCertificates: [idp.keys.signing.certificatePem] },
          allowUnsolicited: true,
          // The most permissive choice: whatever identity an attack smuggles in would be created and signed in.
          autoProvisioningEnabled: true,
          wantAssertionsSigned: false,
          clockSkewSeconds: SKEW_SECONDS,
        },
      },
    ],
  });
  tenant = config.tenants[0]!;
  store = openStore({ path: ':memory:', clock });
  store.ensureTenant('acme', 'generic');
  // Registered from the SP's metadata, as certify does; plain assertions unless a row asks for encryption.
  idp.control.registerSp({ ...registrationFromSpMetadata(spMetadataXml(tenant, spKeys)), encryptionCertPem: undefined, signing: 'both' });
});

afterAll(() => store.close());

type Verdict = { refused: string } | { accepted: string };

async function verdict(deviations: readonly DeviationInput[]): Promise<Verdict> {
  idp.control.setNextSignIn({ user: USER, deviations: [...deviations] });
  const issued = await idp.control.idpInitiated({ sp: tenant.saml.spEntityId });
  // A fresh in-memory state store (replay, requests) per row, so only the row's deviations decide.
  const state = openStore({ path: ':memory:', clock });
  const deps = { clock, spKeys, requests: storedOutstandingRequests(state, clock), replay: storedReplayCache(state, clock), directory: store };
  const result = await runAcsPipeline({ tenant, samlResponse: issued.fields['SAMLResponse'] }, deps);
  state.close();
  return result.ok ? { accepted: result.state.user!.userName } : { refused: result.rejection.code };
}

const ASSERTION_ONLY = 'signAssertionOnly';

/* The attacks: each refused with the code that names the rule it breaks. */
const refused: Array<[string, DeviationInput[], string]> = [
  ['an empty SignatureValue', ['emptySignatureValue'], 'signature/invalid'],
  ['a rogue key with a look-alike certificate in KeyInfo', ['rogueCertificateInKeyInfo'], 'signature/invalid'],
  ['an HMAC keyed with the public certificate', ['hmacWithPublicCertificate'], 'signature/algorithm-refused'],
  ['an evil assertion in Extensions', [ASSERTION_ONLY, { method: 'assertionInExtensions', args: [VICTIM] }], 'assertion/count'],
  ['the signed assertion in an evil one’s Advice', [ASSERTION_ONLY, { method: 'assertionInAdvice', args: [VICTIM] }], 'signature/missing'],
  ['an evil assertion in the Response signature’s Object', [{ method: 'assertionInSignatureObject', args: [VICTIM] }], 'signature/invalid'],
  ['an evil assertion in the Assertion signature’s Object', [ASSERTION_ONLY, { method: 'assertionInSignatureObject', args: [VICTIM] }], 'signature/invalid'],
  ['an evil assertion with the signed one’s ID', [ASSERTION_ONLY, { method: 'duplicateId', args: [VICTIM] }], 'assertion/count'],
  ['saml: bound to a look-alike namespace, beside the assertion', [ASSERTION_ONLY, { method: 'namespacePrefixConfusion', args: [VICTIM] }], 'response/invalid'],
  ['saml: bound to a look-alike namespace, in the Response signature', [{ method: 'namespacePrefixConfusion', args: [VICTIM] }], 'signature/invalid'],
  ['an XSLT transform', ['xsltTransform'], 'signature/invalid'],
  ['an XPath transform that leaves the Subject unsigned', [{ method: 'xpathTransform', args: [VICTIM] }], 'signature/invalid'],
  ['no enveloped-signature transform', ['withoutEnvelopedTransform'], 'signature/invalid'],
  ['an external entity in the NameID', [{ method: 'externalEntity', args: ['http://127.0.0.1:9/xxe'] }], 'xml/doctype'],
  ['a bounded billion laughs', ['entityExpansion'], 'xml/doctype'],
  ['a 2 MB response', [{ method: 'padTo', args: ['2m'] }], 'xml/too-large'],
  ['signed by a key the SP does not trust', ['signWithRogueKey'], 'signature/invalid'],
  ['changed after signing', ['tamperAfterSigning'], 'signature/invalid'],
  ['changed after signing to the victim', [{ method: 'tamperAfterSigning', args: [VICTIM] }], 'signature/invalid'],
  ['two assertions', ['duplicateAssertion'], 'assertion/count'],
  ['a DOCTYPE (XXE probe)', ['withDoctype'], 'xml/doctype'],
];

describe('the reference SP refuses every attack deviation with its code', () => {
  it.each(refused.map(([name, deviations, code]) => ({ name, deviations, code })))('$name → $code', async ({ deviations, code }) => {
    expect(await verdict(deviations)).toEqual({ refused: code });
  });
});

describe('NameID injection signs in only the genuinely signed identity, never the victim', () => {
  it.each(['nameIdCommentInjection', 'nameIdCdataInjection'])('%s', async (method) => {
    for (const placement of ['signBoth', ASSERTION_ONLY, 'signResponseOnly']) {
      expect(await verdict([placement, { method, args: [VICTIM] }])).toEqual({ accepted: signedIdentity(VICTIM) });
    }
  });
});

describe('deviations an external SP meets as they are', () => {
  it('the baseline signs the user in (so every refusal above is the deviation’s doing)', async () => {
    expect(await verdict([])).toEqual({ accepted: USER });
  });

  it.each([
    ['aes128-cbc', 'rsa-oaep', { accepted: USER }],
    ['aes256-cbc', 'rsa-oaep', { accepted: USER }],
    ['aes128-gcm', 'rsa-oaep', { accepted: USER }],
    ['aes256-gcm', 'rsa-oaep', { accepted: USER }],
    ['aes128-cbc', 'rsa-1_5', { refused: 'decryption/algorithm-refused' }],
    ['aes256-cbc', 'rsa-1_5', { refused: 'decryption/algorithm-refused' }],
    ['aes128-gcm', 'rsa-1_5', { refused: 'decryption/algorithm-refused' }],
    ['aes256-gcm', 'rsa-1_5', { refused: 'decryption/algorithm-refused' }],
  ] as const)('encryptTo %s / %s → %o', async (dataAlgorithm, keyAlgorithm, expected) => {
    expect(await verdict([{ method: 'encryptTo', args: [spKeys.certificatePem, { dataAlgorithm, keyAlgorithm }] }])).toEqual(expected);
  });

  it('encryptTo another certificate is refused like any decryption failure', async () => {
    expect(await verdict([{ method: 'encryptTo', args: [createSpKeys('someone else', NOW).certificatePem] }])).toEqual({ refused: 'decryption/failed' });
  });

  it.each([
    ['expiredBy', `${SKEW_SECONDS - 1}s`, { accepted: USER }],
    ['expiredBy', `${SKEW_SECONDS}s`, { refused: 'conditions/expired' }],
    ['expiredBy', `${SKEW_SECONDS + 1}s`, { refused: 'conditions/expired' }],
    ['notYetValidFor', `${SKEW_SECONDS - 1}s`, { accepted: USER }],
    ['notYetValidFor', `${SKEW_SECONDS + 1}s`, { refused: 'conditions/not-yet-valid' }],
  ] as const)(`%s(%s) at a ${SKEW_SECONDS}s clock skew → %o`, async (method, by, expected) => {
    expect(await verdict([{ method, args: [by] }])).toEqual(expected);
  });
});
