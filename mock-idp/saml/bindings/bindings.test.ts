import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generatedKeyPair } from '../keys/key-store.ts';
import { decodeRedirectRequest, rawQueryParams } from './redirect-binding.ts';
import { autoPostForm, parsePostForm } from './post-binding.ts';
import { parseAuthnRequest } from './authn-request.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const sp = generatedKeyPair('test-sp-signing', clock);
const other = generatedKeyPair('test-sp-other', clock);
const REQ =
  '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_abc" Version="2.0" AssertionConsumerServiceIndex="2"><saml:Issuer>urn:sp</saml:Issuer><samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"/></samlp:AuthnRequest>';

/** saml-bindings §3.4.4.1: sign "SAMLRequest=…&RelayState=…&SigAlg=…" over the URL-encoded values. */
function signedQuery(keyPem: string, relayState?: string): string {
  let q = `SAMLRequest=${encodeURIComponent(deflateRawSync(REQ).toString('base64'))}`;
  if (relayState !== undefined) q += `&RelayState=${encodeURIComponent(relayState)}`;
  q += `&SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`;
  const signature = createSign('RSA-SHA256').update(q).sign(keyPem, 'base64');
  return `${q}&Signature=${encodeURIComponent(signature)}`;
}

describe('HTTP-Redirect binding', () => {
  it('keeps raw (URL-encoded) values for the signature check', () => {
    expect(rawQueryParams('a=%2B1&b=x+y&a=second').get('a')).toBe('%2B1');
  });

  it('inflates the request and verifies a query-string signature with the registered certificate', () => {
    const m = decodeRedirectRequest(signedQuery(sp.privateKeyPem, 'state & more'));
    expect(m.xml).toBe(REQ);
    expect(m.relayState).toBe('state & more');
    expect(m.signed).toBe(true);
    expect(() => m.verify(sp.certificatePem)).not.toThrow();
    expect(() => m.verify(other.certificatePem)).toThrow(expect.objectContaining({ code: 'request/signature-invalid' }));
  });

  it('a changed RelayState breaks the signature', () => {
    const q = signedQuery(sp.privateKeyPem, 'one').replace('RelayState=one', 'RelayState=two');
    expect(() => decodeRedirectRequest(q).verify(sp.certificatePem)).toThrow(expect.objectContaining({ code: 'request/signature-invalid' }));
  });

  it('an unsigned message asked to verify → request/signature-missing; unknown SigAlg → unsupported', () => {
    const unsigned = `SAMLRequest=${encodeURIComponent(deflateRawSync(REQ).toString('base64'))}`;
    expect(() => decodeRedirectRequest(unsigned).verify(sp.certificatePem)).toThrow(expect.objectContaining({ code: 'request/signature-missing' }));
    const md5 = `${unsigned}&SigAlg=urn%3Amd5&Signature=AAAA`;
    expect(() => decodeRedirectRequest(md5).verify(sp.certificatePem)).toThrow(expect.objectContaining({ code: 'request/unsupported-sig-alg' }));
  });
});

describe('AuthnRequest', () => {
  it('reads ID, Issuer, ACS index and NameIDPolicy', () => {
    const r = parseAuthnRequest(REQ);
    expect(r).toMatchObject({ id: '_abc', issuer: 'urn:sp', acsIndex: 2, acsUrl: undefined });
    expect(r.nameIdPolicyFormat).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
  });
  it.each([
    ['<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" Version="2.0"/>', 'request/not-authn-request'],
    ['<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0"/>', 'request/not-authn-request'],
    ['<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>', 'request/not-authn-request'],
    ['<<<', 'request/bad-xml'],
  ])('%s → %s', (xml, code) => {
    expect(() => parseAuthnRequest(xml)).toThrow(expect.objectContaining({ code }));
  });
});

describe('auto-post form', () => {
  it('round-trips action and fields through HTML escaping', () => {
    const html = autoPostForm('https://sp.test/acs?a=1&b="2"', { SAMLResponse: 'PHg+', RelayState: '<&"\'>', Skip: undefined });
    expect(html).toContain('onload="document.forms[0].submit()"');
    expect(html).not.toContain('<&"');
    expect(parsePostForm(html)).toEqual({ action: 'https://sp.test/acs?a=1&b="2"', fields: { SAMLResponse: 'PHg+', RelayState: '<&"\'>' } });
  });
});
