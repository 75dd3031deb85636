// The enveloped-signature check every SP-signed message goes through at the mock IdP: one verdict per rule of
// saml-core §5.4. The SP's own writer (reference-sp/saml/sign-enveloped.ts) meets it in the SLO, POST
// AuthnRequest and Artifact tests across the wire.
import { describe, expect, it } from 'vitest';
import { generatedKeyPair } from '../keys/key-store.ts';
import { parseXml } from '../xml.ts';
import { signElement } from './sign-element.ts';
import { checkEnvelopedSignature, type EnvelopedVerdict } from './verify-enveloped.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const sp = generatedKeyPair('test-sp-signing', clock);
const other = generatedKeyPair('test-sp-other', clock);
const request = (id: string) =>
  `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0"><saml:Issuer>urn:sp</saml:Issuer><saml:NameID>alice</saml:NameID></samlp:LogoutRequest>`;
const signed = (id: string) => signElement(request(id), { id, localName: 'LogoutRequest', key: sp, algorithm: 'sha256' });

const verdict = (xml: string, id = '_a', cert = sp.certificatePem): EnvelopedVerdict => checkEnvelopedSignature({ id, xml, doc: parseXml(xml) }, cert);

describe('checkEnvelopedSignature (saml-core §5.4)', () => {
  it.each<[string, () => EnvelopedVerdict, EnvelopedVerdict]>([
    ['signed by the registered key', () => verdict(signed('_a')), 'ok'],
    ['unsigned', () => verdict(request('_a')), 'missing'],
    ['signed by another key', () => verdict(signed('_a'), '_a', other.certificatePem), 'invalid'],
    ['tampered after signing', () => verdict(signed('_a').replace('>alice<', '>mallory<')), 'invalid'],
    ['a Reference to another ID', () => verdict(signed('_a').replace('ID="_a"', 'ID="_b"'), '_b'), 'wrong-reference'],
    ['a second Signature', () => verdict(signed('_a').replace('<saml:NameID>', `${/<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed('_a'))![0]}<saml:NameID>`)), 'not-enveloped'],
  ])('%s', (_, run, expected) => {
    expect(run()).toBe(expected);
  });
});
