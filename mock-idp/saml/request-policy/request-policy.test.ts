/*
 * The IdP's request policies: RequestedAuthnContext comparison (Core §3.3.2.2.1) as a table, the answer to a
 * request (IsPassive, ForceAuthn, sessions; Core §3.4.1), NameIDPolicy (Core §3.4.1.1), and over HTTP: each
 * refusal is a signed Response with only a Status, posted to the ACS (checked with xml-crypto on its own).
 */
import { SignedXml } from 'xml-crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { createMockIdp } from '../../server/create-mock-idp.ts';
import { parsePostForm } from '../bindings/post-binding.ts';
import { NAMEID_FORMAT } from '../namespaces.ts';
import { AUTHN_CLASS } from './authn-context-classes.ts';
import { decideAnswer } from './decide-answer.ts';
import { checkAllowCreate, formatForPolicy } from './name-id-policy.ts';
import { type Comparison, satisfies } from './requested-authn-context.ts';

const { Password: PW, PasswordProtectedTransport: PPT, MobileTwoFactorContract: MFA, X509 } = AUTHN_CLASS;
const ask = (comparison: Comparison, ...classRefs: string[]) => ({ comparison, classRefs });

describe('RequestedAuthnContext comparison (Core §3.3.2.2.1)', () => {
  it.each([
    ['exact', [PPT], PPT, true],
    ['exact', [PPT], MFA, false],
    ['exact', [X509, MFA], MFA, true],
    ['minimum', [PPT], PPT, true],
    ['minimum', [PPT], MFA, true],
    ['minimum', [MFA], PPT, false],
    ['better', [PPT], PPT, false],
    ['better', [PPT], MFA, true],
    ['better', [MFA], MFA, false],
    ['maximum', [PPT], PPT, true],
    ['maximum', [PPT], MFA, false],
    ['maximum', [PW], PPT, false],
    ['minimum', ['urn:example:unknown'], MFA, false],
  ] as const)('%s %j, used %s → %s', (comparison, classes, used, expected) => {
    expect(satisfies(used, ask(comparison, ...classes))).toBe(expected);
  });
});

describe('the answer to a request (Core §3.4.1)', () => {
  const plain = { forceAuthn: false, isPassive: false };
  const passive = { forceAuthn: false, isPassive: true };
  it.each([
    ['no session → login page, both methods', plain, undefined, false, { kind: 'login', methods: ['password', 'mfa'] }],
    ['session → answered', plain, {}, false, { kind: 'session' }],
    ['passive, session → answered', passive, {}, false, { kind: 'session' }],
    ['passive, no session → NoPassive', passive, undefined, false, 'NoPassive'],
    ['passive ignores a queued sign-in', passive, undefined, true, 'NoPassive'],
    ['passive and ForceAuthn → NoPassive', { forceAuthn: true, isPassive: true }, {}, false, 'NoPassive'],
    ['ForceAuthn → login page', { forceAuthn: true, isPassive: false }, {}, false, { kind: 'login', methods: ['password', 'mfa'] }],
    ['MFA asked, password session → login page, MFA only', { ...plain, requestedAuthnContext: ask('minimum', MFA) }, {}, false, { kind: 'login', methods: ['mfa'] }],
    ['MFA asked, MFA session → answered', { ...plain, requestedAuthnContext: ask('minimum', MFA) }, { authnContextClassRef: MFA }, false, { kind: 'session' }],
    ['MFA asked passively, password session → NoPassive', { ...passive, requestedAuthnContext: ask('exact', MFA) }, {}, false, 'NoPassive'],
    ['unsatisfiable → NoAuthnContext', { ...plain, requestedAuthnContext: ask('exact', X509) }, {}, true, 'NoAuthnContext'],
  ] as const)('%s', (_name, req, session, queued, expected) => {
    const answer = decideAnswer({ request: req, session, queued });
    if (typeof expected === 'string') expect(answer.kind === 'refuse' && answer.refusal.sub).toBe(expected);
    else expect(answer).toEqual(expected);
  });
});

describe('NameIDPolicy (Core §3.4.1.1)', () => {
  const sp = { entityId: 'urn:sp', nameIdFormat: undefined };
  const policy = (format?: string, allowCreate = true, spNameQualifier?: string) => ({ format, allowCreate, spNameQualifier });
  const refusal = (f: () => unknown) => {
    try {
      f();
      return undefined;
    } catch (e) {
      return (e as { sub?: string }).sub;
    }
  };
  it('honours the four formats it can produce, and leaves unspecified to the IdP', () => {
    expect(formatForPolicy(policy(NAMEID_FORMAT.persistent), sp)).toBe('persistent');
    expect(formatForPolicy(policy(NAMEID_FORMAT.transient), { entityId: 'urn:sp', nameIdFormat: 'unspecified' })).toBe('transient');
    expect(formatForPolicy(policy(NAMEID_FORMAT.unspecified), sp)).toBeUndefined();
    expect(formatForPolicy(undefined, sp)).toBeUndefined();
  });
  it('refuses a format it cannot produce, one the app is not configured for, and another SP as qualifier', () => {
    expect(refusal(() => formatForPolicy(policy('urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName'), sp))).toBe('InvalidNameIDPolicy');
    expect(refusal(() => formatForPolicy(policy(NAMEID_FORMAT.persistent), { entityId: 'urn:sp', nameIdFormat: 'emailAddress' }))).toBe('InvalidNameIDPolicy');
    expect(refusal(() => formatForPolicy(policy(NAMEID_FORMAT.persistent, true, 'urn:other'), sp))).toBe('InvalidNameIDPolicy');
    expect(formatForPolicy(policy(NAMEID_FORMAT.persistent, true, 'urn:sp'), sp)).toBe('persistent');
  });
  it('AllowCreate="false" refuses a persistent identifier not established yet, and only that', () => {
    expect(refusal(() => checkAllowCreate(policy(NAMEID_FORMAT.persistent, false), NAMEID_FORMAT.persistent, false))).toBe('InvalidNameIDPolicy');
    expect(refusal(() => checkAllowCreate(policy(NAMEID_FORMAT.persistent, false), NAMEID_FORMAT.persistent, true))).toBeUndefined();
    expect(refusal(() => checkAllowCreate(policy(NAMEID_FORMAT.emailAddress, false), NAMEID_FORMAT.emailAddress, false))).toBeUndefined();
  });
});

describe('over HTTP: refusals are signed Responses posted to the ACS', () => {
  const clock = { now: () => new Date('2026-05-01T09:00:00Z') };
  const alice = { email: 'alice@example.com', givenName: 'Alice', surname: 'L', displayName: 'Alice', login: 'alice@example.com', groups: [] };
  const idp = createMockIdp({ baseUrl: 'http://idp.test', clock, users: [alice], sps: [{ entityId: 'urn:sp', acs: 'https://sp.test/acs' }] });
  const redirect = (attrs: string, inner = '') => {
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0"${attrs}><saml:Issuer>urn:sp</saml:Issuer>${inner}</samlp:AuthnRequest>`;
    return `/saml/sso?SAMLRequest=${encodeURIComponent(deflateRawSync(xml).toString('base64'))}`;
  };
  const statusOf = (html: string) => {
    const form = parsePostForm(html);
    const xml = Buffer.from(form.fields['SAMLResponse']!, 'base64').toString('utf8');
    const codes = [...xml.matchAll(/StatusCode Value="urn:oasis:names:tc:SAML:2\.0:status:(\w+)"/g)].map((m) => m[1]);
    return { form, xml, codes };
  };

  it('IsPassive without a session: Responder/NoPassive, signed, InResponseTo the request, no assertion', async () => {
    const res = await request(idp.app).get(redirect(' IsPassive="true"')).expect(200);
    const { form, xml, codes } = statusOf(res.text);
    expect(form.action).toBe('https://sp.test/acs');
    expect(codes).toEqual(['Responder', 'NoPassive']);
    expect(xml).toContain('InResponseTo="_r1"');
    expect(xml).not.toContain('Assertion');
    const sig = new SignedXml({ publicCert: idp.keys.signing.certificatePem, getCertFromKeyInfo: () => null });
    sig.loadSignature(sig.findSignatures(new (await import('@xmldom/xmldom')).DOMParser().parseFromString(xml, 'text/xml'))[0]!);
    expect(sig.checkSignature(xml)).toBe(true);
  });

  it('an unsatisfiable RequestedAuthnContext: Responder/NoAuthnContext', async () => {
    const inner = `<samlp:RequestedAuthnContext Comparison="exact"><saml:AuthnContextClassRef>${X509}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>`;
    const res = await request(idp.app).get(redirect('', inner)).expect(200);
    expect(statusOf(res.text).codes).toEqual(['Responder', 'NoAuthnContext']);
  });

  it('a format the IdP cannot produce: Requester/InvalidNameIDPolicy; a bad Comparison is a malformed request', async () => {
    const res = await request(idp.app).get(redirect('', '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos"/>')).expect(200);
    expect(statusOf(res.text).codes).toEqual(['Requester', 'InvalidNameIDPolicy']);
    const bad = await request(idp.app).get(redirect('', '<samlp:RequestedAuthnContext Comparison="best"/>')).set('Accept', 'application/json').expect(400);
    expect(bad.body.error).toBe('request/not-authn-request');
  });

  it('MFA asked for: the login page offers MFA only, and signing in with MFA puts its class in the assertion', async () => {
    const inner = `<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>${MFA}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>`;
    const page = (await request(idp.app).get(redirect('', inner)).expect(200)).text;
    expect(page).toContain('value="mfa"');
    expect(page).not.toContain('value="send"');
    const pending = /name="pending" value="([^"]+)"/.exec(page)![1]!;
    const res = await request(idp.app).post('/login').type('form').send({ pending, user: alice.login, action: 'mfa' }).expect(200);
    expect(statusOf(res.text).xml).toContain(`<saml:AuthnContextClassRef>${MFA}</saml:AuthnContextClassRef>`);
  });
});

describe('the queued next sign-in "with MFA" (control API)', () => {
  const clock = { now: () => new Date('2026-05-01T09:00:00Z') };
  const bob = { email: 'bob@example.com', givenName: 'Bob', surname: 'B', displayName: 'Bob', login: 'bob@example.com', groups: [] };
  const idp = createMockIdp({ baseUrl: 'http://idp.test', clock, users: [bob], sps: [{ entityId: 'urn:sp', acs: 'https://sp.test/acs' }] });
  const mfaRequest = () => {
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_q1" Version="2.0"><saml:Issuer>urn:sp</saml:Issuer><samlp:RequestedAuthnContext Comparison="exact"><saml:AuthnContextClassRef>${MFA}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext></samlp:AuthnRequest>`;
    return `/saml/sso?SAMLRequest=${encodeURIComponent(deflateRawSync(xml).toString('base64'))}`;
  };
  const sent = (html: string) => Buffer.from(parsePostForm(html).fields['SAMLResponse']!, 'base64').toString('utf8');

  it('answers an MFA request with MFA when the queued sign-in says so, NoAuthnContext when it does not', async () => {
    await request(idp.app).put('/control/next-sign-in').send({ user: bob.login, authnMethod: 'mfa' }).expect(200);
    expect(sent((await request(idp.app).get(mfaRequest()).expect(200)).text)).toContain(`<saml:AuthnContextClassRef>${MFA}</saml:AuthnContextClassRef>`);
    await request(idp.app).put('/control/next-sign-in').send({ user: bob.login }).expect(200);
    expect(sent((await request(idp.app).get(mfaRequest()).expect(200)).text)).toContain('urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext');
  });

  it('refuses an authnMethod it does not know with control/bad-body', async () => {
    const res = await request(idp.app).put('/control/next-sign-in').send({ user: bob.login, authnMethod: 'fingerprint' }).expect(400);
    expect(res.body.error).toBe('control/bad-body');
  });
});
