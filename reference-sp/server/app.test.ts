import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { harness } from '../saml/test-support/fixture.ts';

const attrs = { email: 'alice@example.com', firstName: 'Alice', lastName: 'Liddell' };

describe('ACS end to end with samlify as the IdP', () => {
  for (const sign of ['response', 'assertion', 'both'] as const) {
    for (const encrypt of [false, true]) {
      it(`accepts a response with ${sign} signed${encrypt ? ', assertion encrypted' : ''}`, async () => {
        const h = await harness({ allowUnsolicited: true, autoProvisioningEnabled: true, wantAssertionsSigned: sign !== 'response', wantResponseSigned: sign !== 'assertion' });
        const SAMLResponse = await h.mint({ sign, encrypt, attributes: attrs });
        const res = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
        expect(res.body).toMatchObject({ user: { userName: 'alice@example.com' }, attributes: { email: ['alice@example.com'] } });
        expect(res.status).toBe(200);
      });
    }
  }
});

import { createVerify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { parseXml, NS, children, attr } from '../saml/xml.ts';

describe('SP routes', () => {
  it('serves SP metadata with one POST ACS, both KeyDescriptors and the requested attributes', async () => {
    const h = await harness({}, 'particle');
    const res = await request(h.sp.app).get(`/saml/${h.tenantId}/metadata`);
    expect(res.status).toBe(200);
    const root = parseXml(res.text).documentElement!;
    expect(attr(root, 'entityID')).toBe(h.spEntityId);
    const sp = children(root, NS.md, 'SPSSODescriptor')[0]!;
    expect(attr(sp, 'WantAssertionsSigned')).toBe('true');
    expect(children(sp, NS.md, 'KeyDescriptor').map((k) => attr(k, 'use'))).toEqual(['signing', 'encryption']);
    const acs = children(sp, NS.md, 'AssertionConsumerService');
    expect(acs.map((a) => [attr(a, 'Binding'), attr(a, 'Location')])).toEqual([['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', h.acsUrl]]);
    const requested = children(children(sp, NS.md, 'AttributeConsumingService')[0]!, NS.md, 'RequestedAttribute').map((r) => attr(r, 'Name'));
    expect(requested).toEqual(['email', 'firstName', 'lastName']);
  });

  it('redirects to the IdP with a deflated, signed AuthnRequest whose ID a solicited response may answer once', async () => {
    const h = await harness({ autoProvisioningEnabled: true });
    const browser = request.agent(h.sp.app);
    const res = await browser.get(`/saml/${h.tenantId}/login?RelayState=%2Fhome`);
    expect(res.status).toBe(302);
    const url = new URL(res.headers['location'] as string);
    expect(url.origin + url.pathname).toBe('https://idp.example.test/sso');
    const query = url.search.slice(1);
    const signed = query.slice(0, query.indexOf('&Signature='));
    expect(createVerify('RSA-SHA256').update(signed).verify(h.sp.spKeys.certificatePem, url.searchParams.get('Signature')!, 'base64')).toBe(true);
    const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
    const authn = parseXml(xml).documentElement!;
    expect(attr(authn, 'AssertionConsumerServiceURL')).toBe(h.acsUrl);
    const id = attr(authn, 'ID')!;
    const SAMLResponse = await h.mint({ sign: 'assertion', inResponseTo: id, attributes: attrs });
    const ok = await browser.post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse, RelayState: '/home' });
    expect(ok.status).toBe(200);
    expect(ok.body.relayState).toBe('/home');
    const again = await h.mint({ sign: 'assertion', inResponseTo: id, attributes: attrs });
    const refused = await browser.post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: again });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('in-response-to/unknown');
  });

  it('sets an HttpOnly SameSite=Lax session cookie that /me reads back', async () => {
    const h = await harness({ allowUnsolicited: true, autoProvisioningEnabled: true });
    const agent = request.agent(h.sp.app);
    expect((await agent.get(`/saml/${h.tenantId}/me`)).status).toBe(401);
    const SAMLResponse = await h.mint({ sign: 'assertion', attributes: attrs });
    const res = await agent.post(`/saml/${h.tenantId}/acs`).type('form').send({ SAMLResponse });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await agent.get(`/saml/${h.tenantId}/me`);
    expect(me.status).toBe(200);
    expect(me.body.user.userName).toBe('alice@example.com');
  });

  it("Particle: a misspelled attribute is refused naming the expected one, with Particle's page for browsers", async () => {
    const h = await harness({ allowUnsolicited: true }, 'particle');
    h.store.createUser(h.tenantId, { userName: 'alice@example.com' });
    const SAMLResponse = await h.mint({ sign: 'assertion', attributes: { emailaddress: 'alice@example.com', firstName: 'Alice', lastName: 'L' } });
    const json = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
    expect(json.status).toBe(403);
    expect(json.body).toMatchObject({ error: 'attributes/missing', detail: { expected: 'email' } });
    const html = await request(h.sp.app)
      .post(`/saml/${h.tenantId}/acs`)
      .type('form')
      .send({ SAMLResponse: await h.mint({ sign: 'assertion', attributes: { email: 'alice@example.com', firstName: 'Alice', LastName: 'L' } }) });
    expect(html.status).toBe(403);
    expect(html.type).toBe('text/html');
    expect(html.text).toContain('data-error-code="attributes/missing"');
    expect(html.text).toContain('general non-success');
    const logged = h.log.entries.filter((e) => e.event === 'saml.acs');
    expect(logged.map((e) => e.fields['code'])).toEqual(['attributes/missing', 'attributes/missing']);
  });

  it("SonarQube: refuses IdP-initiated SSO, and resets JIT users' groups at login leaving Members alone", async () => {
    const h = await harness({}, 'sonarqube');
    const unsolicited = await h.mint({ sign: 'both', attributes: { login: 'alice', email: 'alice@example.com', name: 'Alice' } });
    const refused = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: unsolicited });
    expect(refused.body.error).toBe('unsolicited/refused');

    const browser = request.agent(h.sp.app);
    const login = async (groups: string[]) => {
      const loc = new URL((await browser.get(`/saml/${h.tenantId}/login`)).headers['location'] as string);
      const id = attr(parseXml(inflateRawSync(Buffer.from(loc.searchParams.get('SAMLRequest')!, 'base64')).toString()).documentElement!, 'ID')!;
      const SAMLResponse = await h.mint({ sign: 'both', inResponseTo: id, attributes: { login: 'alice', email: 'alice@example.com', name: 'Alice', groups } });
      return browser.post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
    };
    // The groups exist in the enterprise before anyone signs in: SonarQube's sync never creates one.
    const admin = h.store.createUser(h.tenantId, { userName: 'group-admin' });
    h.store.replaceGroupMemberships(h.tenantId, admin.id, ['Admins', 'devs', 'Devs', 'Members'], { preserve: [] });
    const first = await login(['Admins', 'devs']);
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(true);
    expect([...first.body.user.groups].sort()).toEqual(['Admins', 'devs']);
    const user = h.store.findUserByUserName(h.tenantId, 'alice')!;
    h.store.replaceGroupMemberships(h.tenantId, user.id, ['Admins', 'devs', 'Members'], { preserve: [] });
    const second = await login(['Devs', 'ghosts']);
    expect([...second.body.user.groups].sort()).toEqual(['Devs', 'Members']);
    expect(second.body.groupSync.ignored).toEqual(['ghosts']);
  });

  it('answers client errors with 4xx, never 500', async () => {
    const h = await harness();
    const unknown = await request(h.sp.app).get('/saml/nope/metadata').set('Accept', 'application/json');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('tenant/unknown');
    const page = await request(h.sp.app).get('/saml/%3Cb%3Eprobe-7f3a%3C%2Fb%3E/login');
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('probe-7f3a'); // the requested tenant name is never repeated back
    const garbage = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send('SAMLResponse=%E0%A4%A');
    expect(garbage.status).toBe(400);
    const empty = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('json').send('{"SAMLResponse":');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe('binding/malformed');
  });
});

describe('RelayState after sign-in (open redirect, CWE-601)', () => {
  const signInWith = async (RelayState: string) => {
    const h = await harness({ allowUnsolicited: true, autoProvisioningEnabled: true });
    const SAMLResponse = await h.mint({ sign: 'assertion', attributes: attrs });
    const res = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'text/html').type('form').send({ SAMLResponse, RelayState });
    return { h, res };
  };

  it.each(['/\\evil.example/', '//evil.example/', '\\\\evil.example', '/\t/evil.example/', 'http://evil.example/', 'javascript:alert(1)', '/.//evil.example/'])(
    'never sends the browser off-site for %j: the signed-in page instead, and the drop is logged',
    async (relayState) => {
      const { h, res } = await signInWith(relayState);
      const location = res.headers['location'] as string | undefined;
      if (location !== undefined) expect(new URL(location, 'http://browser.invalid').origin).toBe(new URL(h.acsUrl).origin);
      if (relayState !== '/.//evil.example/') {
        expect(res.status).toBe(200);
        expect(res.text).toContain('data-user="alice@example.com"');
        expect(h.log.entries.find((e) => e.event === 'saml.relay-state')?.fields['reason']).toMatch(/other-origin|control-character/);
      }
    },
  );

  it('follows a path of the SP itself with an absolute same-origin Location', async () => {
    const { h, res } = await signInWith('/apps/dashboard?tab=2');
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe(`${new URL(h.acsUrl).origin}/apps/dashboard?tab=2`);
  });
});

/** The request ID inside the AuthnRequest the SP redirected a browser with. */
const requestIdOf = (location: string): string =>
  attr(parseXml(inflateRawSync(Buffer.from(new URL(location).searchParams.get('SAMLRequest')!, 'base64')).toString()).documentElement!, 'ID')!;

/** An attacker's edit of an unsigned Response element: it now claims to answer `requestId`. */
const claimInResponseTo = (samlResponse: string, requestId: string): string => {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const claimed = xml.replace(/<(\w+:)?Response\b/, (open) => `${open} InResponseTo="${requestId}"`);
  expect(claimed).not.toBe(xml);
  return Buffer.from(claimed, 'utf8').toString('base64');
};

describe('AuthnRequests are bound to the browser that started them (saml-profiles §4.1.4.3)', () => {
  it('refuses a captured unsolicited assertion wrapped in a Response claiming an ID the attacker fetched from /login', async () => {
    const h = await harness({ autoProvisioningEnabled: true }); // refuses unsolicited sign-in
    const attacker = request.agent(h.sp.app);
    const id = requestIdOf((await attacker.get(`/saml/${h.tenantId}/login`)).headers['location'] as string);
    const captured = await h.mint({ sign: 'assertion', attributes: attrs }); // IdP-initiated: no InResponseTo anywhere
    const res = await attacker
      .post(`/saml/${h.tenantId}/acs`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ SAMLResponse: claimInResponseTo(captured, id) });
    expect(res.body.error).toBe('in-response-to/mismatch');
    expect(res.status).toBe(403);
  });

  it("refuses an answer to browser A's request posted by browser B, and leaves the request to A", async () => {
    const h = await harness({ autoProvisioningEnabled: true });
    const a = request.agent(h.sp.app);
    const b = request.agent(h.sp.app);
    const id = requestIdOf((await a.get(`/saml/${h.tenantId}/login`)).headers['location'] as string);
    const stolen = await h.mint({ sign: 'assertion', inResponseTo: id, attributes: attrs });
    const byB = await b.post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: stolen });
    expect(byB.body.error).toBe('in-response-to/other-browser');
    const noCookie = await request(h.sp.app)
      .post(`/saml/${h.tenantId}/acs`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ SAMLResponse: await h.mint({ sign: 'assertion', inResponseTo: id, attributes: attrs }) });
    expect(noCookie.body.error).toBe('in-response-to/other-browser');
    const byA = await a
      .post(`/saml/${h.tenantId}/acs`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ SAMLResponse: await h.mint({ sign: 'assertion', inResponseTo: id, attributes: attrs }) });
    expect(byA.status).toBe(200);
  });

  it("sets the binding cookie HttpOnly for the whole SP, keeps a browser's existing one, and drops an off-site RelayState", async () => {
    const h = await harness({ autoProvisioningEnabled: true });
    const browser = request.agent(h.sp.app);
    const first = await browser.get(`/saml/${h.tenantId}/login?RelayState=${encodeURIComponent('//evil.example/')}`);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/^sp_authn=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Max-Age=\d+$/);
    expect(new URL(first.headers['location'] as string).searchParams.has('RelayState')).toBe(false);
    const second = await browser.get(`/saml/${h.tenantId}/login`);
    expect(String(second.headers['set-cookie']).split(';')[0]).toBe(cookie.split(';')[0]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReferenceSp } from './app.ts';
import { openStore, storePathFor } from '../store/index.ts';
import { tenantConfig, testSpKeys } from '../saml/test-support/fixture.ts';

describe('SP state survives a restart (store and app closed, reopened on the same file)', () => {
  const cookieOf = (res: request.Response, name: string): string => {
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
    expect(set, `no ${name} cookie`).toBeDefined();
    return set!.split(';')[0]!;
  };

  const saml = { allowUnsolicited: true, autoProvisioningEnabled: true };
  const restartable = async () => {
    const h = await harness(saml); // only its clock and IdP (mint) are used: the SPs below run on a file
    const config = await tenantConfig(saml);
    const dir = mkdtempSync(join(tmpdir(), 'sso-harness-restart-'));
    const start = () => {
      const store = openStore({ path: storePathFor(dir), clock: h.clock });
      return { store, app: createReferenceSp({ config, clock: h.clock, store, spKeys: testSpKeys() }).app };
    };
    return { h, start, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  };

  it('refuses a replay of a response accepted before the restart (replay/detected), and keeps the session', async () => {
    const { h, start, cleanup } = await restartable();
    try {
      const before = start();
      const unsolicited = await h.mint({ sign: 'assertion', attributes: attrs });
      const accepted = await request(before.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: unsolicited });
      expect(accepted.status).toBe(200);
      const session = cookieOf(accepted, 'sp_session');
      before.store.close();

      h.clock.advance(30);
      const after = start();
      const replay = await request(after.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: unsolicited });
      expect(replay.body.error).toBe('replay/detected');
      const me = await request(after.app).get(`/saml/${h.tenantId}/me`).set('Cookie', session);
      expect(me.status).toBe(200);
      expect(me.body.user.userName).toBe('alice@example.com');
      after.store.close();
    } finally {
      cleanup();
    }
  });

  it('accepts after the restart the answer to an AuthnRequest sent before it, from the same browser only', async () => {
    const { h, start, cleanup } = await restartable();
    try {
      const before = start();
      const login = await request(before.app).get(`/saml/${h.tenantId}/login`);
      const binding = cookieOf(login, 'sp_authn');
      const pending = requestIdOf(login.headers['location'] as string);
      before.store.close();

      h.clock.advance(30);
      const after = start();
      const answer = await h.mint({ sign: 'assertion', inResponseTo: pending, attributes: attrs });
      const solicited = await request(after.app)
        .post(`/saml/${h.tenantId}/acs`)
        .set('Accept', 'application/json')
        .set('Cookie', binding)
        .type('form')
        .send({ SAMLResponse: answer });
      expect(solicited.status).toBe(200);
      expect(solicited.body.user.userName).toBe('alice@example.com');
      after.store.close();
    } finally {
      cleanup();
    }
  });
});
