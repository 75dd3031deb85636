/*
 * The strict mini SP against the mock IdP: a legitimate SP-initiated sign-in signs the user in, and every attack the
 * defect SPs are vulnerable to is refused by it, with the refusal code of the rule that should refuse it (the
 * other half of each defect's proof is in defect-sps.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviationInput } from '../../../mock-idp/index.ts';
import { attempt, postToAcs, registerSp, startTestIdp, type TestIdp } from './test-support/drive.ts';
import { startMiniSp, type RunningMiniSp } from './mini-sp/app.ts';

let idp: TestIdp;
let sp: RunningMiniSp;
let entityId: string;

beforeAll(async () => {
  idp = await startTestIdp();
  sp = await startMiniSp({ idpMetadataXml: idp.metadataXml });
  entityId = await registerSp(idp.idp, sp);
});

afterAll(async () => {
  await sp?.close();
  await idp?.close();
});

const VICTIM = 'bob@example.com';
const encryptTo = (options: object): DeviationInput => ({ method: 'encryptTo', args: [sp.context.keys.certificatePem, options] });

describe('the strict mini SP', () => {
  it('signs in a legitimate SP-initiated response, and sends the browser to a same-origin RelayState', async () => {
    const result = await attempt(idp.idp, sp, entityId, { relayState: '/dashboard?tab=1' });
    expect(result.status).toBe(302);
    expect(result.location).toBe('/dashboard?tab=1');
    expect(result.user).toBe('alice@example.com');
  });

  it.each(['aes256-gcm', 'aes128-cbc'])('signs in an assertion encrypted with %s and RSA-OAEP', async (dataAlgorithm) => {
    const result = await attempt(idp.idp, sp, entityId, { deviations: [encryptTo({ dataAlgorithm, keyAlgorithm: 'rsa-oaep' })] });
    expect(result.xml).toContain('EncryptedAssertion');
    expect(result.user).toBe('alice@example.com');
  });

  it.each<[string, () => DeviationInput[], string]>([
    ['unsigned', () => ['omitSignature'], 'signature/missing'],
    ['signed by a rogue key', () => ['signWithRogueKey'], 'signature/invalid'],
    ['signed with RSA-SHA1', () => [{ method: 'signatureAlgorithm', args: ['sha1'] }], 'signature/algorithm'],
    ['signed only on the Response', () => ['signResponseOnly'], 'signature/missing'],
    ['expired', () => [{ method: 'expiredBy', args: ['10m'] }], 'conditions/expired'],
    ['not yet valid', () => [{ method: 'notYetValidFor', args: ['10m'] }], 'conditions/not-yet-valid'],
    ['for another audience', () => [{ method: 'audience', args: ['https://other.example/sp'] }], 'audience/mismatch'],
    ['for another recipient', () => [{ method: 'recipient', args: ['https://other.example/acs'] }], 'recipient/mismatch'],
    ['for another destination', () => [{ method: 'destination', args: ['https://other.example/acs'] }], 'destination/mismatch'],
    ['from another issuer', () => [{ method: 'issuer', args: ['https://other.example/idp'] }], 'issuer/mismatch'],
    ['answering an unknown request', () => [{ method: 'inResponseTo', args: ['_unknown'] }], 'in-response-to/unknown'],
    ['with two assertions', () => ['duplicateAssertion'], 'assertion/count'],
    ['with a DOCTYPE', () => ['withDoctype'], 'xml/doctype'],
    ['tampered after signing', () => ['tamperAfterSigning'], 'signature/invalid'],
    ['without a required attribute', () => [{ method: 'withoutAttribute', args: ['surname'] }], 'attributes/missing'],
    ['encrypted with RSA-1_5', () => [encryptTo({ keyAlgorithm: 'rsa-1_5' })], 'encryption/algorithm'],
    ['with an empty SignatureValue', () => ['emptySignatureValue'], 'signature/invalid'],
    ['signed with HMAC keyed with the public certificate', () => ['hmacWithPublicCertificate'], 'signature/invalid'],
    ['signed by a key whose certificate is in KeyInfo', () => ['rogueCertificateInKeyInfo'], 'signature/invalid'],
    ['with an XSLT transform', () => ['xsltTransform'], 'signature/invalid'],
    ['with an XPath transform naming the victim', () => [{ method: 'xpathTransform', args: [VICTIM] }], 'signature/invalid'],
    ['without the enveloped-signature transform', () => ['withoutEnvelopedTransform'], 'signature/invalid'],
    ['with an ID used twice', () => [{ method: 'duplicateId', args: [VICTIM] }], 'signature/invalid'],
    ['with an assertion hidden in Extensions', () => [{ method: 'assertionInExtensions', args: [VICTIM] }], 'signature/invalid'],
    ['with an assertion hidden in Advice', () => [{ method: 'assertionInAdvice', args: [VICTIM] }], 'signature/invalid'],
    ['with an external entity', () => [{ method: 'externalEntity', args: ['http://127.0.0.1:9/x'] }], 'xml/doctype'],
    ['with exponential entities', () => ['entityExpansion'], 'xml/doctype'],
  ])('refuses a response %s', async (_name, deviations, code) => {
    const result = await attempt(idp.idp, sp, entityId, { deviations: deviations() });
    expect(result.status).toBe(403);
    expect(result.code).toBe(code);
    expect(result.user).toBeNull();
  });

  // XSW1/2 wrap a signed Response; XSW3–8 a signed assertion in an unsigned Response, so the assertion rules decide.
  it.each([
    ['XSW1', 'signBoth', 'signature/invalid'],
    ['XSW2', 'signBoth', 'signature/invalid'],
    ['XSW3', 'signAssertionOnly', 'assertion/count'],
    ['XSW4', 'signAssertionOnly', 'signature/missing'],
    ['XSW5', 'signAssertionOnly', 'assertion/count'],
    ['XSW6', 'signAssertionOnly', 'signature/invalid'],
    ['XSW7', 'signAssertionOnly', 'signature/missing'],
    ['XSW8', 'signAssertionOnly', 'signature/invalid'],
  ])('refuses signature wrapping %s', async (kind, signing, code) => {
    const result = await attempt(idp.idp, sp, entityId, { deviations: [signing, { method: 'wrapSignature', args: [kind] }] });
    expect(result.status).toBe(403);
    expect(result.code).toBe(code);
    expect(result.user).toBeNull();
  });

  it('refuses an unsolicited response', async () => {
    const result = await attempt(idp.idp, sp, entityId, { unsolicited: true });
    expect(result.status).toBe(403);
    expect(result.code).toBe('unsolicited/refused');
    expect(result.user).toBeNull();
  });

  it('refuses a replay of an accepted response', async () => {
    const first = await attempt(idp.idp, sp, entityId);
    expect(first.user).toBe('alice@example.com');
    const again = await postToAcs(first.browser, sp, first.form);
    expect(again.status).toBe(403);
    expect(again.code).toBe('replay/detected');
  });

  it.each<[string, DeviationInput[], string]>([
    ['a comment injected in the NameID', [{ method: 'nameIdCommentInjection', args: [VICTIM] }], `${VICTIM}.attacker.example`],
    ['a CDATA section injected in the NameID', [{ method: 'nameIdCdataInjection', args: [VICTIM] }], `${VICTIM}.attacker.example`],
    ['an assertion for the victim in the signature Object', [{ method: 'assertionInSignatureObject', args: [VICTIM] }], 'alice@example.com'],
    ['an assertion for the victim in a look-alike namespace', [{ method: 'namespacePrefixConfusion', args: [VICTIM] }], 'alice@example.com'],
  ])('signs in only the identity the IdP signed, despite %s', async (_name, deviations, signed) => {
    const result = await attempt(idp.idp, sp, entityId, { deviations });
    expect(result.user).toBe(signed);
  });

  it('refuses a 2 MB body before reading it', async () => {
    const result = await attempt(idp.idp, sp, entityId, { deviations: [{ method: 'padTo', args: ['2MB'] }] });
    expect(result.status).toBe(413);
    expect(result.user).toBeNull();
  });

  it('reads the whole NameID: a comment inside it does not truncate the signed identity', async () => {
    const signed = 'bob@example.com.evil.example';
    const result = await attempt(idp.idp, sp, entityId, {
      deviations: [{ method: 'nameId', args: [signed] }],
      edit: (xml) => xml.replace(`>${signed}<`, '>bob@example.com<!---->.evil.example<'),
    });
    expect(result.xml).toContain('bob@example.com<!---->.evil.example');
    expect(result.user).toBe(signed);
  });

  it.each(['//evil.example/x', '/\\evil.example/x', 'https://evil.example/x', '/ok\r\nLocation: x'])('does not follow RelayState %j', async (relayState) => {
    const result = await attempt(idp.idp, sp, entityId, { relayState });
    expect(result.user).toBe('alice@example.com');
    expect(result.location).toBe('/');
  });
});
