/*
 * The ACS pipeline, one row per rule: each row changes exactly one thing in an otherwise valid response and
 * names the rejection code it must produce (codes, never message text).
 */
import { describe, expect, it } from 'vitest';
import type { SamlTenantInput } from '../config/saml-section.ts';
import { openStore } from '../store/index.ts';
import { runAcsPipeline } from './pipeline.ts';
import type { SamlRejectionCode } from './rejection.ts';
import { storedReplayCache } from './replay-cache.ts';
import { storedOutstandingRequests } from '../sign-in/request-store.ts';
import type { AcsDeps } from './state.ts';
import { b64, responseXml, sign, type CraftOptions } from './test-support/craft.ts';
import { IDP_ENTITY_ID, TestClock, attackerKeys, tenantConfig, testIdpKeys, testSpKeys } from './test-support/fixture.ts';
import { hostileResponseXml, type HostileOptions } from './test-support/hostile.ts';
import { mintWithSamlify } from './test-support/samlify-idp.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const ACS = 'http://sp.test/saml/acme/acs';
const SP = 'http://sp.test/saml/acme/metadata';
const SHA1 = { signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' };
const base: CraftOptions = { now: NOW, acsUrl: ACS, spEntityId: SP, idpEntityId: IDP_ENTITY_ID, attributes: { email: 'alice@example.com' } };
const at = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();

type Setup = { deps: AcsDeps; store: ReturnType<typeof openStore> };
interface Row {
  readonly name: string;
  readonly saml?: SamlTenantInput;
  readonly craft?: Partial<CraftOptions>;
  readonly signed?: 'Assertion' | 'Response' | 'both' | 'none' | 'attacker';
  readonly sha1?: boolean;
  readonly raw?: (xml: string) => unknown;
  readonly before?: (s: Setup) => void;
  readonly expected: SamlRejectionCode | 'accepted';
  readonly expectedDetail?: string;
}

async function run(row: Row, samlResponseOverride?: unknown, setup?: Setup) {
  const config = await tenantConfig({ allowUnsolicited: true, autoProvisioningEnabled: true, ...row.saml });
  const tenant = config.tenants[0]!;
  const clock = new TestClock(NOW);
  const s: Setup =
    setup ??
    (() => {
      const store = openStore({ path: ':memory:', clock });
      store.ensureTenant(tenant.id);
      return {
        store,
        deps: { clock, spKeys: testSpKeys(), requests: storedOutstandingRequests(store, clock), replay: storedReplayCache(store, clock), directory: store, ssoState: store },
      };
    })();
  row.before?.(s);
  let xml = responseXml({ ...base, ...row.craft });
  const key = row.signed === 'attacker' ? attackerKeys() : testIdpKeys();
  const signOpts = { privateKeyPem: key.privateKeyPem, ...(row.sha1 ? SHA1 : {}) };
  const signed = row.signed ?? 'Assertion';
  if (signed === 'Assertion' || signed === 'both' || signed === 'attacker') xml = sign(xml, 'Assertion', signOpts);
  if (signed === 'Response' || signed === 'both') xml = sign(xml, 'Response', signOpts);
  const samlResponse = samlResponseOverride ?? (row.raw ? row.raw(xml) : b64(xml));
  return { result: await runAcsPipeline({ tenant, samlResponse }, s.deps), setup: s };
}

const rows: Row[] = [
  { name: 'a valid signed assertion', expected: 'accepted' },
  { name: 'a valid signed response and assertion', signed: 'both', saml: { wantResponseSigned: true }, expected: 'accepted' },
  { name: 'no SAMLResponse field', raw: () => undefined, expected: 'binding/malformed' },
  { name: 'SAMLResponse that is not base64', raw: () => '%%%not-base64%%%', expected: 'binding/malformed' },
  { name: 'truncated XML', raw: (x) => b64(x.slice(0, 200)), expected: 'xml/malformed' },
  {
    name: 'an XXE DOCTYPE',
    raw: (x) => b64(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + x.replace('alice@example.com', '&xxe;')),
    expected: 'xml/doctype',
  },
  {
    name: 'a root element that is not a Response',
    raw: () => b64('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0"/>'),
    expected: 'response/invalid',
  },
  { name: 'a non-success status', craft: { status: 'urn:oasis:names:tc:SAML:2.0:status:Requester' }, expected: 'status/not-success' },
  { name: 'no signature at all', signed: 'none', saml: { wantAssertionsSigned: false }, expected: 'signature/missing' },
  { name: 'an unsigned assertion when assertions must be signed', signed: 'Response', expected: 'signature/missing' },
  { name: 'an unsigned response when the response must be signed', signed: 'Assertion', saml: { wantResponseSigned: true }, expected: 'signature/missing' },
  { name: 'a signature by another key', signed: 'attacker', expected: 'signature/invalid' },
  { name: 'a NameID changed after signing', raw: (x) => b64(x.replace('>alice@example.com</saml:NameID>', '>mallory@example.com</saml:NameID>')), expected: 'signature/invalid' },
  { name: 'RSA-SHA1 when SHA-1 is refused', sha1: true, expected: 'signature/algorithm-refused' },
  {
    name: 'RSA-SHA1 when the tenant allows it',
    sha1: true,
    saml: { allowedSignatureAlgorithms: ['rsa-sha1', 'rsa-sha256'], allowedDigestAlgorithms: ['sha1', 'sha256'] },
    expected: 'accepted',
  },
  { name: 'two assertions', craft: { extraAssertion: true }, signed: 'Response', saml: { wantAssertionsSigned: false }, expected: 'assertion/count' },
  { name: 'no assertion', raw: (x) => b64(x.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, '')), expected: 'assertion/count' },
  { name: 'a plain assertion when encryption is required', saml: { requireEncryptedAssertion: true }, expected: 'encryption/required' },
  { name: 'another issuer', craft: { issuer: 'https://evil.example/idp' }, expected: 'issuer/mismatch' },
  { name: 'another Response issuer', craft: { responseIssuer: 'https://evil.example/idp' }, expected: 'issuer/mismatch' },
  { name: 'no assertion issuer', craft: { issuer: null }, signed: 'Response', saml: { wantAssertionsSigned: false }, expected: 'issuer/mismatch' },
  { name: 'another Destination', craft: { destination: 'https://other.example/acs' }, expected: 'destination/mismatch' },
  { name: 'a signed Response without Destination', craft: { destination: null }, signed: 'both', expected: 'destination/mismatch' },
  { name: 'another audience', craft: { audience: 'https://other-sp.example' }, expected: 'audience/mismatch' },
  { name: 'no AudienceRestriction', craft: { audience: null }, expected: 'audience/mismatch' },
  { name: 'NotBefore beyond the skew', craft: { notBefore: at(61) }, expected: 'conditions/not-yet-valid' },
  { name: 'NotBefore within the skew', craft: { notBefore: at(59) }, expected: 'accepted' },
  { name: 'NotOnOrAfter passed beyond the skew', craft: { notOnOrAfter: at(-60) }, expected: 'conditions/expired' },
  { name: 'NotOnOrAfter passed within the skew', craft: { notOnOrAfter: at(-59) }, expected: 'accepted' },
  { name: 'NotOnOrAfter passed with zero skew', craft: { notOnOrAfter: at(-1) }, saml: { clockSkewSeconds: 0 }, expected: 'conditions/expired' },
  { name: 'another Recipient', craft: { recipient: 'https://other.example/acs' }, expected: 'recipient/mismatch' },
  { name: 'no Recipient', craft: { recipient: null }, expected: 'recipient/mismatch' },
  { name: 'an expired bearer confirmation', craft: { scNotOnOrAfter: at(-120) }, expected: 'subject-confirmation/expired' },
  { name: 'a bearer confirmation with NotBefore', craft: { scNotBefore: at(-10) }, expected: 'subject-confirmation/invalid' },
  { name: 'no bearer confirmation', craft: { method: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key' }, expected: 'subject-confirmation/invalid' },
  { name: 'an InResponseTo the SP never sent', craft: { inResponseTo: '_never-sent' }, expected: 'in-response-to/unknown' },
  { name: 'an InResponseTo the SP sent', craft: { inResponseTo: '_sent' }, before: (s) => s.deps.requests.remember('acme', '_sent', 600), expected: 'accepted' },
  {
    name: 'an InResponseTo sent for another tenant',
    craft: { inResponseTo: '_sent' },
    before: (s) => s.deps.requests.remember('other', '_sent', 600),
    expected: 'in-response-to/unknown',
  },
  {
    name: 'Response and confirmation answering different requests',
    craft: { inResponseTo: '_a', scInResponseTo: '_b' },
    before: (s) => s.deps.requests.remember('acme', '_a', 600),
    expected: 'in-response-to/mismatch',
  },
  { name: 'an unsolicited response when refused', saml: { allowUnsolicited: false }, expected: 'unsolicited/refused' },
  { name: 'an unsolicited response to a tenant whose SSO is not enabled', saml: { ssoEnabled: false }, expected: 'tenant/sso-not-enabled' },
  {
    name: 'a sign-in to a tenant whose SSO is not enabled',
    saml: { ssoEnabled: false },
    craft: { inResponseTo: '_sent' },
    before: (s) => s.deps.requests.remember('acme', '_sent', 600),
    expected: 'tenant/sso-not-enabled',
  },
  {
    name: "the Test Connection's sign-in to a tenant whose SSO is not enabled",
    saml: { ssoEnabled: false },
    craft: { inResponseTo: '_test' },
    before: (s) => s.deps.requests.remember('acme', '_test', 600, null, 'test-connection'),
    expected: 'accepted',
  },
  {
    name: 'a sign-in to a tenant whose SSO the admin enabled',
    saml: { ssoEnabled: false },
    craft: { inResponseTo: '_sent' },
    before: (s) => {
      s.deps.requests.remember('acme', '_sent', 600);
      s.store.setSsoEnabled('acme', true, NOW);
    },
    expected: 'accepted',
  },
  {
    name: 'a misspelled required attribute',
    saml: { requiredAttributes: ['email'] },
    craft: { attributes: { emailaddress: 'a@b.c' } },
    expected: 'attributes/missing',
    expectedDetail: 'email',
  },
  { name: 'a missing login attribute', saml: { attributeMapping: { login: 'uid' } }, expected: 'attributes/missing', expectedDetail: 'uid' },
  { name: 'an unknown user without JIT', saml: { autoProvisioningEnabled: false }, expected: 'user/unknown' },
  {
    name: 'a known user without JIT',
    saml: { autoProvisioningEnabled: false },
    before: (s) => void s.store.createUser('acme', { userName: 'Alice@Example.com' }),
    expected: 'accepted',
  },
  {
    name: 'an inactive user',
    before: (s) => void s.store.insertUser('acme', { userName: 'alice@example.com', active: false, resource: { userName: 'alice@example.com' } }),
    expected: 'user/inactive',
  },
];

describe('ACS pipeline', () => {
  it.each(rows)('$name → $expected', async (row) => {
    const { result } = await run(row);
    if (row.expected === 'accepted') {
      expect(result.ok ? 'accepted' : result.rejection.code).toBe('accepted');
      expect(result.state.user?.userName.toLowerCase()).toBe('alice@example.com');
    } else {
      expect(result.ok ? 'accepted' : result.rejection.code).toBe(row.expected);
      if (row.expectedDetail && !result.ok) expect(result.rejection.detail.expected).toBe(row.expectedDetail);
    }
  });

  it('refuses the same assertion twice (replay/detected) until it expires', async () => {
    const first = await run({ name: 'first', expected: 'accepted' });
    expect(first.result.ok).toBe(true);
    const xml = sign(responseXml(base), 'Assertion', { privateKeyPem: testIdpKeys().privateKeyPem });
    const second = await run({ name: 'again', expected: 'replay/detected' }, b64(xml), first.setup);
    expect(second.result.ok ? 'accepted' : second.result.rejection.code).toBe('replay/detected');
  });

  it('consumes an AuthnRequest ID: the second answer to it is refused', async () => {
    const row: Row = { name: 'solicited', craft: { inResponseTo: '_once' }, before: (s) => s.deps.requests.remember('acme', '_once', 600), expected: 'accepted' };
    const first = await run(row);
    expect(first.result.ok).toBe(true);
    const other = sign(responseXml({ ...base, inResponseTo: '_once', assertionId: '_assertion-other' }), 'Assertion', { privateKeyPem: testIdpKeys().privateKeyPem });
    const second = await run({ name: 'again', expected: 'in-response-to/unknown' }, b64(other), first.setup);
    expect(second.result.ok ? 'accepted' : second.result.rejection.code).toBe('in-response-to/unknown');
  });

  it('refuses an assertion encrypted to another key (decryption/failed)', async () => {
    const samlResponse = await mintWithSamlify({
      idp: { entityId: IDP_ENTITY_ID, ssoUrl: 'https://idp.example.test/sso', keys: testIdpKeys() },
      sp: { entityId: SP, acsUrl: ACS, encryptionCertPem: attackerKeys().certificatePem },
      sign: 'assertion',
      encrypt: true,
      now: NOW,
      nameId: 'alice@example.com',
    });
    const { result } = await run({ name: 'enc', expected: 'decryption/failed' }, samlResponse);
    expect(result.ok ? 'accepted' : result.rejection.code).toBe('decryption/failed');
  });
});

describe('encryption algorithm policy (xmlenc-core1 §5.2)', () => {
  const mint = (dataEncryptionAlgorithm: string) =>
    mintWithSamlify({
      idp: { entityId: IDP_ENTITY_ID, ssoUrl: 'https://idp.example.test/sso', keys: testIdpKeys() },
      sp: { entityId: SP, acsUrl: ACS, encryptionCertPem: testSpKeys().certificatePem },
      sign: 'assertion',
      encrypt: true,
      dataEncryptionAlgorithm,
      now: NOW,
      nameId: 'alice@example.com',
    });
  const verdict = async (samlResponse: string, saml: SamlTenantInput = {}) => {
    const { result } = await run({ name: 'enc', saml, expected: 'accepted' }, samlResponse);
    return result.ok ? 'accepted' : result.rejection.code;
  };

  it('accepts AES-256-CBC by default, as Entra ID encrypts with it', async () => {
    expect(await verdict(await mint('http://www.w3.org/2001/04/xmlenc#aes256-cbc'))).toBe('accepted');
  });

  it('refuses AES-256-CBC before decrypting when the tenant allows only GCM', async () => {
    const samlResponse = await mint('http://www.w3.org/2001/04/xmlenc#aes256-cbc');
    expect(await verdict(samlResponse, { allowedEncryptionAlgorithms: ['aes128-gcm', 'aes256-gcm'] })).toBe('decryption/algorithm-refused');
  });
});

describe('signature wrapping (XSW) and duplicates', () => {
  const signedXml = () => sign(responseXml(base), 'Assertion', { privateKeyPem: testIdpKeys().privateKeyPem });
  const code = async (xml: string, saml: SamlTenantInput = {}) => {
    const { result } = await run({ name: 'xsw', saml, expected: 'signature/invalid' }, b64(xml));
    return result.ok ? 'accepted' : result.rejection.code;
  };

  it('XSW: an evil assertion wrapping the signed one, carrying its signature, is refused', async () => {
    const xml = signedXml();
    const original = xml.match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)![0];
    const signature = original.match(/<ds:Signature[\s\S]*<\/ds:Signature>/)![0];
    const evil = original
      .replace(signature, '')
      .replace('alice@example.com', 'mallory@example.com')
      .replace(/(<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1${signature}`)
      .replace('</saml:Assertion>', `<saml:Advice>${original}</saml:Advice></saml:Assertion>`);
    expect(await code(xml.replace(original, evil))).toBe('signature/invalid');
  });

  it('XSW: an unsigned evil assertion beside the signed one is refused', async () => {
    const xml = signedXml();
    const original = xml.match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)![0];
    const evil = original
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace('ID="_assertion1"', 'ID="_evil"')
      .replace('alice@example.com', 'mallory@example.com');
    expect(await code(xml.replace(original, evil + original))).toBe('assertion/count');
  });

  it('XSW: the signed response moved under a new unsigned root is refused', async () => {
    const xml = sign(responseXml(base), 'Response', { privateKeyPem: testIdpKeys().privateKeyPem });
    const evil = responseXml({ ...base, responseId: '_evilroot', nameId: 'mallory@example.com' }).replace(
      '</samlp:Response>',
      `<samlp:Extensions>${xml}</samlp:Extensions></samlp:Response>`,
    );
    expect(await code(evil, { wantAssertionsSigned: false })).toBe('signature/missing');
  });

  it('a reference to another element than the signed one is refused', async () => {
    const xml = signedXml().replace('URI="#_assertion1"', 'URI="#_response1"');
    expect(await code(xml)).toBe('signature/invalid');
  });

  it('two signatures on one element are refused', async () => {
    const xml = signedXml();
    const signature = xml.match(/<ds:Signature[\s\S]*<\/ds:Signature>/)![0];
    expect(await code(xml.replace(signature, signature + signature))).toBe('signature/invalid');
  });

  it('an ID used twice in the document is refused', async () => {
    const xml = signedXml().replace('<samlp:Status>', '<samlp:Extensions><x:y xmlns:x="urn:x" ID="_assertion1"/></samlp:Extensions><samlp:Status>');
    expect(await code(xml)).toBe('signature/invalid');
  });

  it('an unexpected transform is refused', async () => {
    const xml = signedXml().replace(
      '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>',
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/>',
    );
    expect(await code(xml)).toBe('signature/invalid');
  });

  // Assertion smuggling (Somorovsky et al., USENIX Security 2012): the genuine signature still verifies, and the
  // signed assertion is the one read; an assertion anywhere else is still refused, so no SP reading this one's
  // verdicts learns that a smuggled assertion is harmless.
  const evilAssertion = (id = '_evil', ns = 'urn:oasis:names:tc:SAML:2.0:assertion') =>
    signedXml()
      .match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)![0]
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace('ID="_assertion1"', `ID="${id}"`)
      .replace('alice@example.com', 'mallory@example.com')
      .replace('xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"', `xmlns:saml="${ns}"`);

  it('an assertion in the signed assertion’s Advice is refused', async () => {
    const unsigned = responseXml(base).replace('</saml:Conditions>', `</saml:Conditions><saml:Advice>${evilAssertion()}</saml:Advice>`);
    const xml = sign(unsigned, 'Assertion', { privateKeyPem: testIdpKeys().privateKeyPem });
    expect(await code(xml)).toBe('assertion/count');
  });

  it('an unsigned assertion in samlp:Extensions beside the signed one is refused', async () => {
    const xml = signedXml().replace('<samlp:Status>', `<samlp:Extensions>${evilAssertion()}</samlp:Extensions><samlp:Status>`);
    expect(await code(xml)).toBe('assertion/count');
  });

  it('an unsigned assertion in a ds:Object of the assertion signature is refused', async () => {
    const xml = signedXml().replace('</ds:Signature>', `<ds:Object>${evilAssertion()}</ds:Object></ds:Signature>`);
    expect(await code(xml)).toBe('signature/invalid');
  });

  it('an unsigned assertion in a ds:Object of the Response signature is refused, though the enveloped transform hides it', async () => {
    const xml = sign(responseXml(base), 'Response', { privateKeyPem: testIdpKeys().privateKeyPem }).replace(
      '</ds:Signature>',
      `<ds:Object>${evilAssertion()}</ds:Object></ds:Signature>`,
    );
    expect(await code(xml, { wantAssertionsSigned: false })).toBe('signature/invalid');
  });

  it('an element named like an assertion in a ds:Object is refused too (saml-core §5.4.1: enveloped signatures only)', async () => {
    const xml = sign(responseXml(base), 'Response', { privateKeyPem: testIdpKeys().privateKeyPem }).replace(
      '</ds:Signature>',
      `<ds:Object>${evilAssertion('_evil', 'urn:oasis:names:tc:SAML:2.0:assertion:confused')}</ds:Object></ds:Signature>`,
    );
    expect(await code(xml, { wantAssertionsSigned: false })).toBe('signature/invalid');
  });

  it('a Response child the schema does not allow (saml: bound to another namespace) is refused', async () => {
    const xml = signedXml().replace('<saml:Assertion ', `${evilAssertion('_evil', 'urn:oasis:names:tc:SAML:2.0:assertion:confused')}<saml:Assertion `);
    expect(await code(xml)).toBe('response/invalid');
  });

  it('reads only the verified XML: the NameID comes from the signed assertion', async () => {
    const { result } = await run({ name: 'ok', expected: 'accepted' });
    expect(result.ok && result.state.nameId).toBe('alice@example.com');
    expect(result.state.signatures.map((s) => s.on)).toEqual(['Assertion']);
  });
});

describe('bounded cost before any cryptography (issue 8 item 4)', () => {
  const verdict = async (xml: string) => {
    const { result } = await run({ name: 'hostile', expected: 'accepted' }, b64(xml));
    return result.ok ? 'accepted' : result.rejection.code;
  };
  const hostile = (o: Partial<HostileOptions> & { emptyElements: number }) => hostileResponseXml({ ...base, privateKeyPem: attackerKeys().privateKeyPem, ...o });

  it('refuses 120k empty elements signed by an unknown key as xml/too-large', async () => {
    const xml = hostile({ emptyElements: 120_000 });
    expect(xml.length).toBeGreaterThan(450_000);
    expect(await verdict(xml)).toBe('xml/too-large');
  });

  it('refuses the same padding inside the signed assertion as xml/too-large', async () => {
    expect(await verdict(hostile({ emptyElements: 120_000, where: 'assertion' }))).toBe('xml/too-large');
  });

  it('refuses deep nesting as xml/too-deep', async () => {
    expect(await verdict(hostile({ emptyElements: 200, nested: true }))).toBe('xml/too-deep');
  });

  it('refuses an element with hundreds of namespace declarations as xml/too-large', async () => {
    const decls = Array.from({ length: 300 }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('');
    const xml = sign(responseXml(base), 'Assertion', { privateKeyPem: testIdpKeys().privateKeyPem }).replace('<samlp:Response ', `<samlp:Response${decls} `);
    expect(await verdict(xml)).toBe('xml/too-large');
  });

  it('refuses padding added inside a genuinely signed assertion (signature/invalid)', async () => {
    expect(await verdict(hostile({ emptyElements: 5000, where: 'assertion', privateKeyPem: testIdpKeys().privateKeyPem }))).toBe('signature/invalid');
  });

  it('still accepts a genuinely signed assertion with unsigned content beside it (only the signed element is verified and read)', async () => {
    expect(await verdict(hostile({ emptyElements: 5000, where: 'response', privateKeyPem: testIdpKeys().privateKeyPem }))).toBe('accepted');
  });

  it.each([
    ['inclusive C14N', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'],
    ['inclusive C14N with comments', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments'],
    ['exclusive C14N with comments', 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments'],
  ])('accepts signatures canonicalized with %s, a comment and a CR in the signed assertion', async (_name, canonicalization) => {
    const crafted = responseXml({ ...base, attributes: { email: 'alice@example.com', note: 'line1 line2' } })
      .replace('line1 line2', 'line1&#13;&#10;<![CDATA[line2]]>')
      .replace('<saml:Subject>', '<!-- a comment --><saml:Subject>');
    const signOpts = { privateKeyPem: testIdpKeys().privateKeyPem, canonicalization };
    const assertionOnly = sign(crafted, 'Assertion', signOpts);
    expect(await verdict(assertionOnly)).toBe('accepted');
    expect(await verdict(sign(assertionOnly, 'Response', signOpts))).toBe('accepted');
  });
});

describe('no rejection echoes what the sender wrote (issue 8 item 2)', () => {
  const SECRET = 'SECRET-from-the-message';
  const detailOf = async (samlResponse: string) => {
    const { result } = await run({ name: 'echo', expected: 'accepted' }, samlResponse);
    return result.ok ? 'accepted' : JSON.stringify(result.rejection.toJSON());
  };
  const signedXml = () => sign(responseXml(base), 'Assertion', { privateKeyPem: testIdpKeys().privateKeyPem });

  it.each<[string, () => string]>([
    ['an unexpected exception inside a check', () => 'unused'],
    [
      'a StatusMessage and unknown status codes (read before any signature check)',
      () => b64(responseXml({ ...base, status: `urn:x:${SECRET}` }).replace('</samlp:Status>', `<samlp:StatusMessage>${SECRET}</samlp:StatusMessage></samlp:Status>`)),
    ],
    ['a root element that is not a Response', () => b64(`<x:${SECRET} xmlns:x="urn:x" Version="${SECRET}"/>`)],
    ['a Version that is not 2.0', () => b64(responseXml(base).replace('Version="2.0"', `Version="${SECRET}"`))],
    ['a parser error quoting the document', () => b64(`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><${SECRET}></samlp:Response>`)],
    ['a signature reference to another ID', () => b64(signedXml().replace('URI="#_assertion1"', `URI="#${SECRET}"`))],
    ['a transform that is not allowed', () => b64(signedXml().replace('Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"', `Algorithm="urn:${SECRET}"`))],
    ['a digest that does not match', () => b64(signedXml().replace('alice@example.com</saml:NameID>', `${SECRET}</saml:NameID>`))],
  ])('%s', async (name, make) => {
    let detail: string;
    if (name.startsWith('an unexpected exception')) {
      const config = await tenantConfig({ allowUnsolicited: true });
      const boom = {
        name: 'boom',
        run: () => {
          throw new Error(SECRET);
        },
      };
      const clock = new TestClock(NOW);
      const store = openStore({ path: ':memory:', clock });
      const deps: AcsDeps = {
        clock,
        spKeys: testSpKeys(),
        requests: storedOutstandingRequests(store, clock),
        replay: storedReplayCache(store, clock),
        directory: store,
      };
      const result = await runAcsPipeline({ tenant: config.tenants[0]!, samlResponse: '' }, deps, [boom]);
      expect(result.ok ? undefined : (result.rejection.cause as Error).message).toBe(SECRET);
      detail = result.ok ? 'accepted' : JSON.stringify(result.rejection.toJSON());
    } else {
      detail = await detailOf(make());
    }
    expect(detail).not.toBe('accepted');
    expect(detail).not.toContain(SECRET);
  });
});
