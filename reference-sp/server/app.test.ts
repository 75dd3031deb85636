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
    const res = await request(h.sp.app).get(`/saml/${h.tenantId}/login?RelayState=%2Fhome`);
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
    const ok = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse, RelayState: '/home' });
    expect(ok.status).toBe(200);
    expect(ok.body.relayState).toBe('/home');
    const again = await h.mint({ sign: 'assertion', inResponseTo: id, attributes: attrs });
    const refused = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: again });
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

  it('Particle: a misspelled attribute is refused naming the expected one, with Particle\'s page for browsers', async () => {
    const h = await harness({ allowUnsolicited: true }, 'particle');
    h.store.createUser(h.tenantId, { userName: 'alice@example.com' });
    const SAMLResponse = await h.mint({ sign: 'assertion', attributes: { emailaddress: 'alice@example.com', firstName: 'Alice', lastName: 'L' } });
    const json = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
    expect(json.status).toBe(403);
    expect(json.body).toMatchObject({ error: 'attributes/missing', detail: { expected: 'email' } });
    const html = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).type('form').send({ SAMLResponse: await h.mint({ sign: 'assertion', attributes: { email: 'alice@example.com', firstName: 'Alice', LastName: 'L' } }) });
    expect(html.status).toBe(403);
    expect(html.type).toBe('text/html');
    expect(html.text).toContain('data-error-code="attributes/missing"');
    expect(html.text).toContain('general non-success');
    const logged = h.log.entries.filter((e) => e.event === 'saml.acs');
    expect(logged.map((e) => e.fields['code'])).toEqual(['attributes/missing', 'attributes/missing']);
  });

  it('SonarQube: refuses IdP-initiated SSO, and resets JIT users\' groups at login leaving Members alone', async () => {
    const h = await harness({}, 'sonarqube');
    const unsolicited = await h.mint({ sign: 'both', attributes: { login: 'alice', email: 'alice@example.com', name: 'Alice' } });
    const refused = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse: unsolicited });
    expect(refused.body.error).toBe('unsolicited/refused');

    const login = async (groups: string[]) => {
      const loc = new URL((await request(h.sp.app).get(`/saml/${h.tenantId}/login`)).headers['location'] as string);
      const id = attr(parseXml(inflateRawSync(Buffer.from(loc.searchParams.get('SAMLRequest')!, 'base64')).toString()).documentElement!, 'ID')!;
      const SAMLResponse = await h.mint({ sign: 'both', inResponseTo: id, attributes: { login: 'alice', email: 'alice@example.com', name: 'Alice', groups } });
      return request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
    };
    const first = await login(['Admins', 'devs']);
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(true);
    expect([...first.body.user.groups].sort()).toEqual(['Admins', 'devs']);
    const user = h.store.findUserByUserName(h.tenantId, 'alice')!;
    h.store.replaceGroupMemberships(h.tenantId, user.id, ['Admins', 'devs', 'Members'], { preserve: [] });
    const second = await login(['Devs']);
    expect([...second.body.user.groups].sort()).toEqual(['Devs', 'Members']);
  });

  it('answers client errors with 4xx, never 500', async () => {
    const h = await harness();
    const unknown = await request(h.sp.app).get('/saml/nope/metadata').set('Accept', 'application/json');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('tenant/unknown');
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
