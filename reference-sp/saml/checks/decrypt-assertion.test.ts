/*
 * One answer for every decryption-stage failure (issue 8 item 2; xmlenc-core1 §6.1.2). Each row breaks one
 * thing in an otherwise valid encrypted response; every row must give the same code, status, JSON body and
 * HTML page, byte for byte, and none may carry a word of the plaintext. The control row proves the crafted
 * encryption itself is sound: the same construction, unbroken, signs alice in.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { assertionXml, b64, responseXml, sign, type CraftOptions } from '../test-support/craft.ts';
import { encryptedAssertionXml, type RawEncryptOptions } from '../test-support/encrypt.ts';
import { IDP_ENTITY_ID, attackerKeys, harness, testIdpKeys, testSpKeys, type Harness } from '../test-support/fixture.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const SECRET = 'SECRET-PLAINTEXT';

async function post(h: Harness, samlResponse: string) {
  const json = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: samlResponse });
  const html = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'text/html').type('form').send({ SAMLResponse: samlResponse });
  return { status: json.status, json: json.text, htmlStatus: html.status, html: html.text };
}

describe('decryption failures all look the same (xmlenc-core1 §6.1.2)', async () => {
  const h = await harness({ allowUnsolicited: true, autoProvisioningEnabled: true });
  const opts: CraftOptions = { now: NOW, acsUrl: h.acsUrl, spEntityId: h.spEntityId, idpEntityId: IDP_ENTITY_ID, attributes: { email: 'alice@example.com' } };
  const signedAssertion = (o: Partial<CraftOptions> = {}, key = testIdpKeys().privateKeyPem) => {
    // sign() signs the first Assertion of a Response; the assertion declares its own namespaces, so it is
    // taken back out standalone.
    const xml = sign(responseXml({ ...opts, ...o }), 'Assertion', { privateKeyPem: key });
    return xml.match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)![0];
  };
  /** An unsigned Response carrying one EncryptedAssertion: nothing authenticates the ciphertext. */
  const response = (e: Omit<RawEncryptOptions, 'certificatePem'> & { certificatePem?: string }, o: Partial<CraftOptions> = {}) =>
    b64(responseXml({ ...opts, ...o }, encryptedAssertionXml({ certificatePem: testSpKeys().certificatePem, ...e })));

  it('control: the same construction, unbroken, is accepted', async () => {
    const samlResponse = response({ plaintext: signedAssertion() });
    const res = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: samlResponse });
    expect(res.status).toBe(200);
  });

  const rows: [string, () => string][] = [
    ['bad CBC padding', () => response({ plaintext: signedAssertion(), corrupt: 'padding' })],
    ['valid padding, plaintext that is not XML', () => response({ plaintext: `${SECRET} <&<< not xml` })],
    ['valid padding, plaintext that is not UTF-8', () => response({ plaintext: Buffer.from([0xff, 0xfe, 0x3c, 0x61, 0x3e]) })],
    ['a decrypted assertion that does not parse', () => response({ plaintext: `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:${SECRET}></saml:Oops>` })],
    ['a decrypted document that is not an Assertion', () => response({ plaintext: `<${SECRET} xmlns="urn:x"/>` })],
    [
      'a decrypted assertion with a DTD',
      () => response({ plaintext: `<!DOCTYPE a [<!ENTITY s "${SECRET}">]><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">&s;</saml:Assertion>` }),
    ],
    [
      'a decrypted assertion over the parse limits',
      () => response({ plaintext: `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${'<a>'.repeat(100)}${'</a>'.repeat(100)}</saml:Assertion>` }),
    ],
    ['a GCM tag that does not verify', () => response({ plaintext: signedAssertion(), cipher: 'aes256-gcm', corrupt: 'tag' })],
    ['a content key not wrapped for the SP (random key transport)', () => response({ plaintext: signedAssertion(), corrupt: 'key' })],
    ['a content key wrapped for another certificate', () => response({ plaintext: signedAssertion(), certificatePem: attackerKeys().certificatePem })],
    ['a ciphertext of the wrong length', () => response({ plaintext: signedAssertion(), corrupt: 'length' })],
    ['a well-formed assertion, decrypted, signed by another key', () => response({ plaintext: signedAssertion({}, attackerKeys().privateKeyPem) })],
    ['a well-formed assertion, decrypted, changed after signing', () => response({ plaintext: signedAssertion().replace('>alice@example.com<', '>mallory@example.com<') })],
    ['a well-formed assertion, decrypted, unsigned', () => response({ plaintext: assertionXml(opts) })],
  ];

  it('every failure gives the same status, JSON body and HTML page, and none quotes the plaintext', async () => {
    const answers = new Map<string, Awaited<ReturnType<typeof post>>>();
    for (const [name, make] of rows) answers.set(name, await post(h, make()));
    const [first] = answers.values();
    expect(first!.status).toBe(403);
    expect(JSON.parse(first!.json).error).toBe('decryption/failed');
    for (const [name, answer] of answers) {
      expect({ name, ...answer }).toEqual({ name, ...first! });
      expect(answer.json + answer.html).not.toContain(SECRET);
      expect(answer.json + answer.html).not.toMatch(/Oops|padding|tag|parse|entity|not xml/i);
    }
  });
});
