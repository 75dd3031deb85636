/*
 * The mock IdP over HTTP (supertest, in-process). SP-initiated requests are made by @node-saml/node-saml acting
 * as a real SP (signed and unsigned, Redirect and POST), and the Responses are validated by it too.
 */
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { createMockIdp } from './create-mock-idp.ts';
import { generatedKeyPair } from '../saml/keys/key-store.ts';
import { parsePostForm } from '../saml/bindings/post-binding.ts';
import { signingCertificateFromMetadata } from '../saml/metadata/idp-metadata.ts';
import { ENTRA_CLAIMS } from '../saml/presets/presets.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';

let nowMs = Date.parse('2026-05-01T09:00:00Z');
const clock = { now: () => new Date(nowMs) };
const BASE = 'http://127.0.0.1:7000';
const SP = 'https://sp.example.test/metadata';
const ACS = 'https://sp.example.test/acs';
const SIGNED_SP = 'https://signed-sp.example.test/metadata';
const SIGNED_ACS = 'https://signed-sp.example.test/acs';
const spKeys = generatedKeyPair('test-sp-signing', clock);
const otherKeys = generatedKeyPair('test-sp-other', clock);

const alice: DirectoryUser = {
  id: 'a1b2',
  email: 'alice@example.com',
  givenName: 'Alice',
  surname: 'Liddell',
  displayName: 'Alice <script>alert(1)</script>',
  login: 'alice@contoso.example',
  groups: ['Engineering'],
};

const idp = createMockIdp({
  baseUrl: BASE,
  clock,
  users: [alice],
  sps: [
    {
      entityId: SP,
      acs: [
        { url: ACS, index: 0 },
        { url: `${ACS}/alt`, index: 1 },
      ],
      preset: 'entra',
    },
    { entityId: SIGNED_SP, acs: SIGNED_ACS, authnRequestsSigned: true, signingCertPem: spKeys.certificatePem, preset: 'okta' },
  ],
});

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(nowMs);
});
afterAll(() => vi.useRealTimers());

function nodeSamlSp(entityId: string, acs: string, signing?: { privateKey: string }): SAML {
  return new SAML({
    entryPoint: `${BASE}/saml/sso`,
    idpCert: idp.keys.signing.certificatePem,
    issuer: entityId,
    audience: entityId,
    callbackUrl: acs,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: ValidateInResponseTo.always,
    signatureAlgorithm: 'sha256',
    ...(signing ?? {}),
  });
}

const pathOf = (url: string) => url.slice(BASE.length);

describe('metadata', () => {
  it('publishes entityID, both SSO bindings and the signing certificate', async () => {
    const res = await request(idp.app).get('/metadata').expect(200);
    expect(res.type).toBe('application/samlmetadata+xml');
    expect(res.text).toContain(`entityID="${BASE}/metadata"`);
    expect(res.text).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect');
    expect(res.text).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    const cert = signingCertificateFromMetadata(res.text)!;
    expect(idp.keys.signing.certificatePem.replace(/-----[^-]+-----|\s/g, '')).toBe(cert);
  });
});

describe('SP-initiated sign-in', () => {
  it('HTTP-Redirect: unsigned request → login page → pick user → Response node-saml accepts', async () => {
    const sp = nodeSamlSp(SP, ACS);
    const url = await sp.getAuthorizeUrlAsync('relay-123', undefined, {});
    const page = await request(idp.app).get(pathOf(url)).expect(200);
    expect(page.text).toContain('Sign in to');
    expect(page.text).toContain(ENTRA_CLAIMS.emailaddress);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;');
    const pending = /name="pending" value="([^"]+)"/.exec(page.text)![1]!;
    const posted = await request(idp.app).post('/login').type('form').send({ pending, user: alice.login }).expect(200);
    const { action, fields } = parsePostForm(posted.text);
    expect(action).toBe(ACS);
    expect(fields['RelayState']).toBe('relay-123');
    const { profile } = await sp.validatePostResponseAsync(fields as { SAMLResponse: string });
    expect(profile?.nameID).toBe(alice.login); // Entra: the UPN, in emailAddress format
    expect(profile?.nameIDFormat).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(profile?.[ENTRA_CLAIMS.givenname]).toBe('Alice');
    // the pending request is used up
    await request(idp.app).post('/login').type('form').send({ pending, user: alice.login }).expect(400);
  });

  it('HTTP-Redirect with a queued user answers at once; a signed request from an SP that must sign', async () => {
    const sp = nodeSamlSp(SIGNED_SP, SIGNED_ACS, { privateKey: spKeys.privateKeyPem });
    idp.control.setNextSignIn({ user: 'alice@example.com' });
    const url = await sp.getAuthorizeUrlAsync('r', undefined, {});
    expect(url).toContain('Signature=');
    const res = await request(idp.app).get(pathOf(url)).expect(200);
    const { action, fields } = parsePostForm(res.text);
    expect(action).toBe(SIGNED_ACS);
    const { profile } = await sp.validatePostResponseAsync(fields as { SAMLResponse: string });
    expect(profile?.['email']).toBe(alice.email);
    expect(profile?.['firstName']).toBe('Alice');
  });

  it.each([
    ['plain base64 as saml-bindings §3.5.4 says', true],
    ['deflated, as node-saml sends by default', false],
  ])('HTTP-POST binding (%s): a signed request is verified and answered', async (_name, skipRequestCompression) => {
    const sp = new SAML({
      ...nodeSamlSp(SIGNED_SP, SIGNED_ACS, { privateKey: spKeys.privateKeyPem }).options,
      skipRequestCompression,
    });
    idp.control.setNextSignIn({ user: alice.login });
    const html = await sp.getAuthorizeFormAsync('', undefined, {});
    const { fields } = parsePostForm(html);
    const res = await request(idp.app).post('/saml/sso').type('form').send(fields).expect(200);
    const { profile } = await sp.validatePostResponseAsync(parsePostForm(res.text).fields as { SAMLResponse: string });
    expect(profile?.nameID).toBe(alice.email); // node-saml asks NameIDPolicy emailAddress
  });

  it('the Response goes to the ACS index the request names', async () => {
    const xml = authnRequest(SP, { index: 1 });
    idp.control.setNextSignIn({ user: alice.login });
    const res = await request(idp.app)
      .get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode(xml))}`)
      .expect(200);
    expect(parsePostForm(res.text).action).toBe(`${ACS}/alt`);
  });

  it('an unregistered ACS URL is refused, unless a postTo deviation sends it there on purpose', async () => {
    const xml = authnRequest(SP, { url: 'https://evil.example.test/acs' });
    idp.control.setNextSignIn({ user: alice.login });
    const refused = await request(idp.app)
      .get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode(xml))}`)
      .set('Accept', 'application/json');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('request/unregistered-acs');
    idp.control.setNextSignIn({ user: alice.login, deviations: [{ method: 'postTo', args: ['https://evil.example.test/acs'] }] });
    const res = await request(idp.app)
      .get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode(xml))}`)
      .expect(200);
    expect(parsePostForm(res.text).action).toBe('https://evil.example.test/acs');
  });

  it('a pending request expires with the clock', async () => {
    idp.control.clearNextSignIn();
    const page = await request(idp.app)
      .get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode(authnRequest(SP)))}`)
      .expect(200);
    const pending = /name="pending" value="([^"]+)"/.exec(page.text)![1]!;
    nowMs += 6 * 60_000;
    try {
      const res = await request(idp.app).post('/login').type('form').set('Accept', 'application/json').send({ pending, user: alice.login });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('pending/unknown');
    } finally {
      nowMs -= 6 * 60_000;
    }
  });
});

describe('bad input to the IdP endpoints is a 400 with a stable code', () => {
  const spSigned = () => nodeSamlSp(SIGNED_SP, SIGNED_ACS, { privateKey: otherKeys.privateKeyPem });
  const cases: [string, () => Promise<request.Response>, string][] = [
    ['no SAMLRequest', () => request(idp.app).get('/saml/sso'), 'request/missing'],
    ['not base64', () => request(idp.app).get('/saml/sso?SAMLRequest=%25%25%25'), 'request/bad-base64'],
    ['not deflate', () => request(idp.app).get(`/saml/sso?SAMLRequest=${encodeURIComponent(Buffer.from('hello').toString('base64'))}`), 'request/bad-deflate'],
    ['not XML', () => request(idp.app).get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode('<a><b></a>'))}`), 'request/bad-xml'],
    [
      'a DOCTYPE',
      () => request(idp.app).get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'))}`),
      'request/doctype-forbidden',
    ],
    ['not an AuthnRequest', () => request(idp.app).get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode('<x/>'))}`), 'request/not-authn-request'],
    ['an unknown SP', () => request(idp.app).get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode(authnRequest('urn:nobody')))}`), 'request/unknown-sp'],
    [
      'unsigned from an SP that must sign',
      () => request(idp.app).get(`/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode(authnRequest(SIGNED_SP)))}`),
      'request/signature-missing',
    ],
    [
      'signed with a key that is not registered (Redirect)',
      async () => request(idp.app).get(pathOf(await spSigned().getAuthorizeUrlAsync('x', undefined, {}))),
      'request/signature-invalid',
    ],
    [
      'signed with a key that is not registered (POST)',
      async () =>
        request(idp.app)
          .post('/saml/sso')
          .type('form')
          .send(parsePostForm(await spSigned().getAuthorizeFormAsync('', undefined, {})).fields),
      'request/signature-invalid',
    ],
    ['POST with nothing', () => request(idp.app).post('/saml/sso').type('form').send({}), 'request/missing'],
    ['POST with bad base64', () => request(idp.app).post('/saml/sso').type('form').send({ SAMLRequest: '***' }), 'request/bad-base64'],
    ['IdP-initiated to an unknown SP', () => request(idp.app).get('/saml/idp-initiated?sp=urn:nobody&user=alice@example.com'), 'request/unknown-sp'],
    ['login with an unknown user', () => request(idp.app).post('/login').type('form').send({ sp: SP, user: 'mallory' }), 'user/unknown'],
    ['malformed control JSON', () => request(idp.app).put('/control/next-sign-in').set('Content-Type', 'application/json').send('{nope'), 'control/bad-body'],
    [
      'an unknown deviation',
      () =>
        request(idp.app)
          .put('/control/next-sign-in')
          .send({ user: alice.login, deviations: ['signWithRogueKye'] }),
      'control/unknown-deviation',
    ],
    [
      'a deviation with bad arguments',
      () =>
        request(idp.app)
          .put('/control/next-sign-in')
          .send({ deviations: [{ method: 'expiredBy', args: [{}] }] }),
      'control/bad-body',
    ],
    ['an invalid SP registration', () => request(idp.app).post('/control/sps').send({ entityId: '', acs: 'not a url' }), 'sp/invalid-registration'],
    [
      'SP metadata with a DOCTYPE',
      () =>
        request(idp.app)
          .post('/control/sps')
          .send({ metadata: { xml: '<!DOCTYPE x><x/>' } }),
      'sp/bad-metadata',
    ],
  ];
  for (const [name, send, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const res = await send().then((r) => r);
      expect(res.status).toBe(400);
      const body = res.type === 'application/json' ? res.body.error : /data-error-code="([^"]+)"/.exec(res.text)?.[1];
      expect(body).toBe(code);
    });
  }
});

describe('control API', () => {
  it('queues attributes and deviations for the next sign-in, which are used once', async () => {
    await request(idp.app)
      .put('/control/next-sign-in')
      .send({
        user: alice.login,
        attributes: [{ name: 'emailaddress', values: ['alice@example.com'] }],
        deviations: ['signAssertionOnly', { method: 'audience', args: ['urn:someone-else'] }],
      })
      .expect(200);
    const state = await request(idp.app).get('/control/state').expect(200);
    expect(state.body.nextSignIn.user).toBe(alice.login);
    const res = await request(idp.app).post('/control/idp-initiated').send({ sp: SP, relayState: 'rs' }).expect(200);
    expect(res.body.action).toBe(ACS);
    const xml = (await request(idp.app).get('/control/last-response').expect(200)).text;
    expect(xml).toContain('<saml:Audience>urn:someone-else</saml:Audience>');
    expect(xml).toContain('Name="emailaddress"');
    expect(xml).not.toContain(ENTRA_CLAIMS.emailaddress);
    expect(xml).not.toContain('InResponseTo');
    const after = await request(idp.app).get('/control/state').expect(200);
    expect(after.body.nextSignIn).toBeNull();
    expect(after.body.issued.at(-1).spEntityId).toBe(SP);
  });

  it('registers an SP from metadata XML and signs in to it IdP-initiated; node-saml accepts the unsolicited Response', async () => {
    const spSaml = new SAML({
      idpCert: idp.keys.signing.certificatePem,
      issuer: 'https://meta-sp.example.test',
      callbackUrl: 'https://meta-sp.example.test/acs',
      audience: 'https://meta-sp.example.test',
      wantAssertionsSigned: true,
      validateInResponseTo: ValidateInResponseTo.never,
      publicCert: spKeys.certificatePem,
      privateKey: spKeys.privateKeyPem,
    });
    const metadata = spSaml.generateServiceProviderMetadata(null, spKeys.certificatePem);
    const reg = await request(idp.app)
      .post('/control/sps')
      .send({ metadata: { xml: metadata }, overrides: { preset: 'onelogin' } })
      .expect(201);
    expect(reg.body.entityId).toBe('https://meta-sp.example.test');
    expect(reg.body.acs[0].url).toBe('https://meta-sp.example.test/acs');
    const res = await request(idp.app)
      .get(`/saml/idp-initiated?sp=${encodeURIComponent('https://meta-sp.example.test')}&user=${alice.login}`)
      .expect(200);
    const { profile } = await spSaml.validatePostResponseAsync(parsePostForm(res.text).fields as { SAMLResponse: string });
    expect(profile?.['User.email']).toBe(alice.email);
  });

  it('the login page offers IdP-initiated sign-in to a chosen SP and shows what will be sent', async () => {
    const page = await request(idp.app)
      .get(`/?sp=${encodeURIComponent(SIGNED_SP)}`)
      .expect(200);
    expect(page.text).toContain('IdP-initiated sign-in');
    expect(page.text).toMatch(new RegExp(`<option value="${SIGNED_SP}" selected>`));
    expect(page.text).toContain('<code>firstName</code>'); // the okta preset of that SP
    const res = await request(idp.app).post('/login').type('form').send({ sp: SIGNED_SP, user: alice.login }).expect(200);
    expect(parsePostForm(res.text).action).toBe(SIGNED_ACS);
  });

  it('a deviation that cannot be built fails that sign-in with builder/invalid, and is not kept for the next', async () => {
    idp.control.setNextSignIn({ user: alice.login, deviations: [{ method: 'wrapSignature', args: ['XSW3'] }, 'signResponseOnly'] });
    const res = await request(idp.app).post('/control/idp-initiated').send({ sp: SP });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('builder/invalid');
    expect((await request(idp.app).get('/control/state')).body.nextSignIn).toBeNull();
  });

  it('registers an SP from metadata fetched over HTTP (loopback)', async () => {
    const { createServer } = await import('node:http');
    const md = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://fetched.example.test"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://fetched.example.test/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    const server = createServer((_req, res) => res.end(md));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const reg = await request(idp.app)
        .post('/control/sps')
        .send({ metadata: { url: `http://127.0.0.1:${port}/md` } })
        .expect(201);
      expect(reg.body.entityId).toBe('https://fetched.example.test');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('replayPrevious sends the last Response again, byte for byte', async () => {
    const first = await idp.control.idpInitiated({ sp: SP, user: alice.login });
    idp.control.setNextSignIn({ user: alice.login, deviations: ['replayPrevious'] });
    const again = await idp.control.idpInitiated({ sp: SP });
    expect(again.fields.SAMLResponse).toBe(first.fields.SAMLResponse);
  });
});

function authnRequest(issuer: string, acs: { url?: string; index?: number } = {}): string {
  const acsAttr = acs.url ? ` AssertionConsumerServiceURL="${acs.url}"` : acs.index !== undefined ? ` AssertionConsumerServiceIndex="${acs.index}"` : '';
  return `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${Math.random().toString(16).slice(2)}" Version="2.0" IssueInstant="2026-05-01T09:00:00Z"${acsAttr}><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`;
}

function redirectEncode(xml: string): string {
  return deflateRawSync(Buffer.from(xml)).toString('base64');
}

describe('the IdP session (./idp-session.ts)', () => {
  const sessionIndexOf = (form: string) => /SessionIndex="([^"]+)"/.exec(Buffer.from(parsePostForm(form).fields['SAMLResponse']!, 'base64').toString('utf8'))?.[1];
  const requestPath = (forceAuthn: boolean) => {
    const xml = authnRequest(SP, { url: ACS }).replace('Version="2.0"', `Version="2.0"${forceAuthn ? ' ForceAuthn="true"' : ''}`);
    return `/saml/sso?SAMLRequest=${encodeURIComponent(redirectEncode(xml))}`;
  };
  const signInOnLoginPage = async () => {
    const page = await request(idp.app).get(requestPath(false)).expect(200);
    const pending = /name="pending" value="([^"]+)"/.exec(page.text)![1]!;
    const posted = await request(idp.app).post('/login').type('form').send({ pending, user: alice.login }).expect(200);
    const cookie = posted.headers['set-cookie'] as unknown as string[];
    expect(cookie.join(';')).toMatch(/idp_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    return { cookie: cookie[0]!.split(';')[0]!, sessionIndex: sessionIndexOf(posted.text) };
  };

  it('a second request from the signed-in browser is answered at once, in the same session', async () => {
    const { cookie, sessionIndex } = await signInOnLoginPage();
    const again = await request(idp.app).get(requestPath(false)).set('Cookie', cookie).expect(200);
    expect(parsePostForm(again.text).action).toBe(ACS);
    expect(sessionIndexOf(again.text)).toBe(sessionIndex);
  });

  it('ForceAuthn="true" shows the login page whatever the session (saml-core §3.4.1)', async () => {
    const { cookie } = await signInOnLoginPage();
    const forced = await request(idp.app).get(requestPath(true)).set('Cookie', cookie).expect(200);
    expect(forced.text).toContain('name="pending"');
  });

  it('a browser without the cookie, with an unknown one, or after the session ended sees the login page', async () => {
    const { cookie } = await signInOnLoginPage();
    expect((await request(idp.app).get(requestPath(false)).expect(200)).text).toContain('name="pending"');
    expect((await request(idp.app).get(requestPath(false)).set('Cookie', 'idp_session=forged').expect(200)).text).toContain('name="pending"');
    const before = nowMs;
    nowMs += 8 * 60 * 60_000;
    try {
      expect((await request(idp.app).get(requestPath(false)).set('Cookie', cookie).expect(200)).text).toContain('name="pending"');
    } finally {
      nowMs = before;
    }
  });

  it('a sign-in on the login page that fails starts no session', async () => {
    const sessions = idp.control.sessions.size;
    const res = await request(idp.app).post('/login').type('form').send({ sp: SP, user: 'mallory' });
    expect(res.status).toBe(400);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(idp.control.sessions.size).toBe(sessions);
  });
});
