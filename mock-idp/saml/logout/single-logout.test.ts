/*
 * The mock IdP's Single Logout over its HTTP surface (real HTTP through supertest): metadata, SP registration
 * from metadata, the control API (IdP-initiated logout, run status, deviations), and the refusals that need no
 * browser: each by its stable code. The full browser flows are in features/saml/single-logout.feature.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock.ts';
import { createMockIdp } from '../../server/create-mock-idp.ts';
import { IDP_SESSION_COOKIE } from '../../server/idp-session.ts';
import { SLO_RUN_COOKIE } from '../../server/logout-routes.ts';
import { registrationFromSpMetadata } from '../metadata/sp-metadata.ts';
import { resolveSpRegistration } from '../sp-registry/sp-registration.ts';
import { ReplayGuard } from './checks/replay-guard.ts';
import { logoutRequestXml } from './messages.ts';
import { MAX_SESSION_INDEXES } from './parse.ts';
import { ANSWER_BOUND_MS } from './single-logout.ts';

const BASE = 'http://idp.test';
const SP = 'https://sp.example/metadata';
const OTHER_SP = 'https://other-sp.example/metadata';

function idpWithSession() {
  const idp = createMockIdp({ baseUrl: BASE, clock: systemClock });
  idp.control.addUser({ email: 'alice@example.com', login: 'alice', givenName: 'Alice', surname: 'E', displayName: 'Alice E', groups: [] });
  idp.control.registerSp({ entityId: SP, acs: 'https://sp.example/acs', singleLogout: { url: 'https://sp.example/slo', binding: 'post' } });
  return idp;
}

describe('mock IdP Single Logout', () => {
  it('advertises its SingleLogoutService for both bindings', () => {
    const xml = createMockIdp({ baseUrl: BASE, clock: systemClock }).metadataXml();
    expect([...xml.matchAll(/<md:SingleLogoutService Binding="[^"]+HTTP-(\w+)" Location="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['Redirect', `${BASE}/saml/slo`],
      ['POST', `${BASE}/saml/slo`],
    ]);
  });

  it("registers an SP's SingleLogoutService from its metadata (Redirect preferred) and refuses a bad one by path", () => {
    const md = (b: string[]) =>
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${SP}"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      b.map((x) => `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-${x}" Location="https://sp.example/slo-${x}"/>`).join('') +
      `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    expect(registrationFromSpMetadata(md(['POST', 'Redirect'])).singleLogout).toEqual({ url: 'https://sp.example/slo-Redirect', binding: 'redirect' });
    expect(registrationFromSpMetadata(md(['POST'])).singleLogout).toEqual({ url: 'https://sp.example/slo-POST', binding: 'post' });
    expect(registrationFromSpMetadata(md([])).singleLogout).toBeUndefined();
    expect(() => resolveSpRegistration({ entityId: SP, acs: 'https://sp.example/acs', singleLogout: { url: 'ftp://x', binding: 'soap' as never } })).toThrow(
      expect.objectContaining({ code: 'sp/invalid-registration', message: expect.stringContaining('sp.singleLogout.url') }),
    );
  });

  it('POST /control/logout ends the user’s sessions and hands the browser the first LogoutRequest; GET tells the run', async () => {
    const idp = idpWithSession();
    const { session } = idp.control.sessions.start('alice');
    await idp.control.idpInitiated({ sp: SP, user: 'alice', sessionIndex: session.sessionIndex });
    const res = await request(idp.app).post('/control/logout').send({ user: 'alice@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.next).toMatchObject({ binding: 'post', url: 'https://sp.example/slo', fields: { SAMLRequest: expect.any(String) } });
    const xml = Buffer.from(res.body.next.fields.SAMLRequest, 'base64').toString('utf8');
    expect(xml).toContain(`<samlp:SessionIndex>${session.sessionIndex}</samlp:SessionIndex>`);
    expect(xml).toContain('<ds:Signature');
    expect(idp.control.sessions.live()).toHaveLength(0);
    const run = await request(idp.app).get(`/control/logout/${res.body.runId}`);
    expect(run.body).toMatchObject({ user: 'alice', initiatedBy: 'idp', done: false, results: [] });
  });

  it.each([
    ['no session for the user', (app: ReturnType<typeof idpWithSession>['app']) => request(app).post('/control/logout').send({ user: 'alice' }), 404, 'logout/no-session'],
    ['an unknown run', (app: ReturnType<typeof idpWithSession>['app']) => request(app).get('/control/logout/nope'), 404, 'logout/unknown-run'],
    [
      'an unknown deviation',
      (app: ReturnType<typeof idpWithSession>['app']) =>
        request(app)
          .post('/control/logout/deviations')
          .send({ sp: SP, deviations: ['unsignd'] }),
      400,
      'control/unknown-deviation',
    ],
    [
      'sign out everywhere without an IdP session',
      (app: ReturnType<typeof idpWithSession>['app']) => request(app).post('/saml/logout').set('Accept', 'application/json'),
      404,
      'logout/no-session',
    ],
    [
      'a LogoutResponse to nothing',
      (app: ReturnType<typeof idpWithSession>['app']) =>
        request(app)
          .post('/saml/slo')
          .type('form')
          .send({
            SAMLResponse: Buffer.from(
              `<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" InResponseTo="_x"><saml:Issuer>${SP}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`,
            ).toString('base64'),
          }),
      400,
      'logout/in-response-to',
    ],
    [
      `a LogoutRequest with more than ${MAX_SESSION_INDEXES} SessionIndex values`,
      (app: ReturnType<typeof idpWithSession>['app']) => {
        const { xml } = logoutRequestXml({
          issuer: SP,
          destination: `${BASE}/saml/slo`,
          issueInstant: new Date(),
          notOnOrAfter: new Date(Date.now() + 60_000),
          nameId: 'alice',
          sessionIndexes: Array.from({ length: 1000 }, (_, i) => `_s${i}`),
        });
        return request(app)
          .post('/saml/slo')
          .type('form')
          .send({ SAMLRequest: Buffer.from(xml).toString('base64') });
      },
      400,
      'logout/malformed',
    ],
  ] as const)('%s', async (_name, send, status, code) => {
    const res = await send(idpWithSession().app);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
  });

  it('a participant that never answers turns into PartialLogout once the bound has passed, instead of stopping the chain', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const idp = createMockIdp({ baseUrl: BASE, clock: { now: () => new Date(now) } });
    idp.control.addUser({ email: 'alice@example.com', login: 'alice', givenName: 'Alice', surname: 'E', displayName: 'Alice E', groups: [] });
    for (const sp of [SP, OTHER_SP]) idp.control.registerSp({ entityId: sp, acs: `${sp}/acs`, singleLogout: { url: `${sp}/slo`, binding: 'post' } });
    const started = idp.control.sessions.start('alice');
    for (const sp of [SP, OTHER_SP]) await idp.control.idpInitiated({ sp, user: 'alice', sessionIndex: started.session.sessionIndex });
    const app = request(idp.app);
    const first = await app.post('/saml/logout').set('Cookie', `${IDP_SESSION_COOKIE}=${started.id}`);
    const cookies = first.headers['set-cookie'] as unknown as string[];
    const runCookie = cookies.find((c) => c.startsWith(`${SLO_RUN_COOKIE}=`))!.split(';')[0]!;
    const moveOn = () => app.get('/saml/slo/continue').set('Cookie', runCookie).set('Accept', 'application/json');

    expect((await app.get('/saml/slo/continue').set('Accept', 'application/json')).body.error).toBe('logout/unknown-run');
    const early = await moveOn();
    expect([early.status, early.body.error]).toEqual([409, 'logout/awaiting-answer']);
    now += ANSWER_BOUND_MS;
    expect((await moveOn()).text).toContain(`action="${OTHER_SP}/slo"`); // the next participant is asked
    now += ANSWER_BOUND_MS;
    const done = await moveOn();
    expect(done.body).toMatchObject({
      done: true,
      verdict: 'PartialLogout',
      results: [
        { spEntityId: SP, code: 'logout/no-answer' },
        { spEntityId: OTHER_SP, code: 'logout/no-answer' },
      ],
    });
    expect(done.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^${SLO_RUN_COOKIE}=; .*Max-Age=0`))]);
  });

  it('forgets the oldest LogoutRequest IDs beyond its bound, and refuses a replay within it', () => {
    const guard = new ReplayGuard(3);
    const now = new Date('2026-01-01T00:00:00Z');
    for (const id of ['_a', '_b', '_c', '_d']) guard.remember(id, now, undefined);
    expect(() => guard.remember('_d', now, undefined)).toThrow(expect.objectContaining({ code: 'logout/replayed' }));
    expect(() => guard.remember('_a', now, undefined)).not.toThrow();
  });
});
