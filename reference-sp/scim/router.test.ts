import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, storePathFor } from '../store/open-store.ts';
import { closeTestStores, expectScimError, GROUP, PATCH_OP, SCIM, scimTestApp, tenant, testConfig, USER } from './test-support/scim-app.ts';

const ADMIN = 'admin-token-for-tests-0001';
const ACME = 'acme-scim-token-000000000001';
const GLOBEX = 'globex-scim-token-00000000001';
const PARTICLE_LIST_ONLY = 'particle-list-only-token-0001';
const PARTICLE_ALL = 'particle-all-scopes-token-001';
const NINJA = 'ninja-scim-token-0000000000001';
const LENIENT = 'lenient-scim-token-00000000001';
const NINJA_EXT = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';

const config = testConfig([
  tenant('acme', 'generic', { tokens: [{ value: ACME }], pagination: { defaultCount: 100, maxCount: 3 } }),
  tenant('globex', 'generic', { tokens: [{ value: GLOBEX }], maxBodyBytes: 2048, bulk: { maxOperations: 2 } }),
  tenant('particle', 'particle', {
    orgSlug: 'initech',
    tokens: [
      { value: PARTICLE_LIST_ONLY, scopes: ['teams.users:list'] },
      { value: PARTICLE_ALL, scopes: ['teams.users:invite', 'teams.users:remove', 'teams.users:list', 'teams.users:update'] },
    ],
  }),
  tenant('ninja', 'ninjaone', { tokens: [{ value: NINJA }] }),
  tenant('aritma', 'aritma', {}),
  tenant('lenient', 'generic', { mode: 'lenient', tokens: [{ value: LENIENT }] }),
]);

const setup = (path = ':memory:') => scimTestApp(config, { store: openStore({ path }), adminToken: ADMIN });
afterEach(closeTestStores);

const user = (userName: string, extra: Record<string, unknown> = {}) => ({ schemas: [USER], userName, ...extra });

describe('authentication and tenancy', () => {
  it('401 with WWW-Authenticate and a SCIM error when the token is missing or wrong', async () => {
    const { app } = setup();
    const none = await request(app).get('/scim/v2/acme/Users');
    expectScimError(none, 401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer /);
    expectScimError(await request(app).get('/scim/v2/acme/Users').set('Authorization', 'Bearer nope'), 401);
    expectScimError(await request(app).get('/scim/v2/acme/Users').set('Authorization', `Basic ${ACME}`), 401);
  });

  it('a token never reaches another tenant (nor an unknown one)', async () => {
    const { app } = setup();
    const created = await request(app).post('/scim/v2/acme/Users').auth(ACME, { type: 'bearer' }).type(SCIM).send(user('a@acme.test'));
    expect(created.status).toBe(201);
    expectScimError(await request(app).get('/scim/v2/acme/Users').auth(GLOBEX, { type: 'bearer' }), 401);
    expectScimError(await request(app).get(`/scim/v2/globex/Users/${created.body.id}`).auth(ACME, { type: 'bearer' }), 401);
    expectScimError(await request(app).get(`/scim/v2/globex/Users/${created.body.id}`).auth(GLOBEX, { type: 'bearer' }), 404);
    expectScimError(await request(app).get('/scim/v2/nobody/Users').auth(ACME, { type: 'bearer' }), 401);
  });

  it('serves Particle tenants at /v1/orgs/{org_slug}/team/provision and enforces its scopes with 403', async () => {
    const { app } = setup();
    const base = '/v1/orgs/initech/team/provision';
    expectScimError(await request(app).post(`${base}/Users`).auth(PARTICLE_LIST_ONLY, { type: 'bearer' }).type(SCIM).send(user('p@initech.test')), 403);
    const created = await request(app).post(`${base}/Users`).auth(PARTICLE_ALL, { type: 'bearer' }).type(SCIM).send(user('p@initech.test'));
    expect(created.status).toBe(201);
    expect(created.headers['location']).toBe(`http://sp.test${base}/Users/${created.body.id}`);
    const listed = await request(app).get(`${base}/Users`).auth(PARTICLE_LIST_ONLY, { type: 'bearer' });
    expect(listed.status).toBe(200);
    expect(listed.body.totalResults).toBe(1);
    expectScimError(await request(app).delete(`${base}/Users/${created.body.id}`).auth(PARTICLE_LIST_ONLY, { type: 'bearer' }), 403);
    expectScimError(await request(app).put(`${base}/Users/${created.body.id}`).auth(PARTICLE_LIST_ONLY, { type: 'bearer' }).type(SCIM).send(user('x')), 403);
    // the same tenant stays reachable at the generic path; another org slug is not this tenant
    expect((await request(app).get('/scim/v2/particle/Users').auth(PARTICLE_LIST_ONLY, { type: 'bearer' })).status).toBe(200);
    expectScimError(await request(app).get('/v1/orgs/particle/team/provision/Users').auth(PARTICLE_ALL, { type: 'bearer' }), 401);
  });

  it('serves NinjaOne tenants at /ws/scim/v2 with the tenant taken from the token, and its required extension', async () => {
    const { app } = setup();
    expectScimError(await request(app).get('/ws/scim/v2/Users').auth(ACME, { type: 'bearer' }), 401);
    const missing = await request(app).post('/ws/scim/v2/Users').auth(NINJA, { type: 'bearer' }).type(SCIM).send(user('n@ninja.test'));
    expectScimError(missing, 400, 'invalidValue');
    const ok = await request(app)
      .post('/ws/scim/v2/Users')
      .auth(NINJA, { type: 'bearer' })
      .type(SCIM)
      .send({ schemas: [USER, NINJA_EXT], userName: 'n@ninja.test', [NINJA_EXT]: { organizationId: 'all', userType: 'END_USER' } });
    expect(ok.status).toBe(201);
    expect(ok.headers['location']).toBe(`http://sp.test/ws/scim/v2/Users/${ok.body.id}`);
    expect(ok.body[NINJA_EXT]).toEqual({ organizationId: 'all', userType: 'END_USER' });
    const rt = await request(app).get('/ws/scim/v2/ResourceTypes/User').auth(NINJA, { type: 'bearer' });
    expect(rt.body.schemaExtensions).toContainEqual({ schema: NINJA_EXT, required: true });
  });
});

describe('bad input (RFC 7644 §3.12): a precise error, nothing stored', () => {
  it('refuses a wrong content type with 415; malformed JSON, a non-object body and an empty body with 400 invalidSyntax', async () => {
    const { app, store } = setup();
    const post = () => request(app).post('/scim/v2/acme/Users').auth(ACME, { type: 'bearer' });
    expectScimError(await post().set('Content-Type', 'text/plain').send('{"userName":"x"}'), 415);
    expectScimError(await post().set('Content-Type', SCIM).send('{"userName": '), 400, 'invalidSyntax');
    expectScimError(await post().set('Content-Type', SCIM).send('[1,2]'), 400, 'invalidSyntax');
    expectScimError(await post().set('Content-Type', SCIM).send(''), 400, 'invalidSyntax');
    expect(store.countUsers('acme')).toBe(0);
  });

  it('answers 415 to PUT and PATCH in another media type, or none, and changes nothing', async () => {
    const { app, store } = setup();
    const created = await request(app).post('/scim/v2/acme/Users').auth(ACME, { type: 'bearer' }).type(SCIM).send(user('media@acme.test'));
    const at = `/scim/v2/acme/Users/${created.body.id}`;
    const put = request(app).put(at).auth(ACME, { type: 'bearer' }).set('Content-Type', 'text/plain');
    expectScimError(await put.send(JSON.stringify(user('changed@acme.test'))), 415);
    const patch = request(app).patch(at).auth(ACME, { type: 'bearer' }).set('Content-Type', 'application/x-www-form-urlencoded');
    expectScimError(await patch.send('userName=changed'), 415);
    const bare = request(app).post('/scim/v2/acme/Users').auth(ACME, { type: 'bearer' }).unset('Content-Type');
    expectScimError(await bare.send(Buffer.from(JSON.stringify(user('bare@acme.test')))), 415);
    expect(store.getUser('acme', created.body.id)?.userName).toBe('media@acme.test');
    expect(store.countUsers('acme')).toBe(1);
  });

  it('accepts application/json as well as application/scim+json', async () => {
    const { app } = setup();
    const res = await request(app).post('/scim/v2/acme/Users').auth(ACME, { type: 'bearer' }).type('application/json').send(user('json@acme.test'));
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
  });

  it('refuses a body over the tenant limit with 413', async () => {
    const { app, store } = setup();
    const big = user('big@globex.test', { displayName: 'x'.repeat(4096) });
    expectScimError(await request(app).post('/scim/v2/globex/Users').auth(GLOBEX, { type: 'bearer' }).type(SCIM).send(big), 413);
    expect(store.countUsers('globex')).toBe(0);
  });

  it('refuses unknown attributes and wrong types without storing anything', async () => {
    const { app, store } = setup();
    const post = (b: object) => request(app).post('/scim/v2/acme/Users').auth(ACME, { type: 'bearer' }).type(SCIM).send(b);
    expectScimError(await post(user('u1', { favouriteColour: 'red' })), 400, 'invalidSyntax');
    expectScimError(await post(user('u2', { active: 'yes' })), 400, 'invalidValue');
    expectScimError(await post({ schemas: ['urn:example:unknown'], userName: 'u3' }), 400, 'invalidSyntax');
    expectScimError(await post({ schemas: [USER] }), 400, 'invalidValue');
    expect(store.countUsers('acme')).toBe(0);
  });

  it('answers unknown endpoints with a SCIM 404 and a malformed path with a SCIM 400', async () => {
    const { app } = setup();
    expectScimError(await request(app).get('/scim/v2/acme/Widgets').auth(ACME, { type: 'bearer' }), 404);
    expectScimError(await request(app).get('/scim/v2/acme/Users/%E0%A4%A').auth(ACME, { type: 'bearer' }), 400, 'invalidSyntax');
    expectScimError(await request(app).get('/scim/v2/%E0%A4%A/Users').auth(ACME, { type: 'bearer' }), 400, 'invalidSyntax');
  });

  it('matches paths as express routes did: any case, one trailing slash, HEAD as GET, the id percent-decoded', async () => {
    const { app } = setup();
    const auth = { type: 'bearer' } as const;
    const created = await request(app).post('/scim/v2/acme/users/').auth(ACME, auth).type(SCIM).send(user('route@acme.test'));
    expect(created.status).toBe(201);
    expect((await request(app).get(`/scim/v2/acme/USERS/${created.body.id}/`).auth(ACME, auth)).body.userName).toBe('route@acme.test');
    expect(
      (
        await request(app)
          .get(`/scim/v2/acme/Users/${encodeURIComponent(created.body.id)}`)
          .auth(ACME, auth)
      ).status,
    ).toBe(200);
    expect((await request(app).head('/scim/v2/acme/serviceproviderconfig').auth(ACME, auth)).status).toBe(200);
    expect(
      (
        await request(app)
          .post('/scim/v2/acme/Users/.SEARCH')
          .auth(ACME, auth)
          .type(SCIM)
          .send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'] })
      ).body.totalResults,
    ).toBe(1);
    expectScimError(await request(app).get('/scim/v2/acme/Users/.search').auth(ACME, auth), 404); // an id, like any other
    expectScimError(await request(app).get('/scim/v2/acme/Users/a%2Fb').auth(ACME, auth), 404);
    expectScimError(await request(app).get('/scim/v2/acme/Users//').auth(ACME, auth), 404);
    expectScimError(await request(app).get(`/scim/v2/acme/Users/${created.body.id}/x`).auth(ACME, auth), 404);
    expectScimError(await request(app).post(`/scim/v2/acme/Users/${created.body.id}`).auth(ACME, auth).type(SCIM).send({}), 501);
    expectScimError(await request(app).delete('/scim/v2/acme/Users').auth(ACME, auth), 501);
    expectScimError(await request(app).patch('/scim/v2/acme/Users/%E0%A4%A').auth(ACME, auth).type(SCIM).send({}), 400, 'invalidSyntax');
  });
});

describe('Users (RFC 7644 §3.3–3.6, §3.14)', () => {
  const auth = { type: 'bearer' as const };

  it('POST → 201 with Location, meta and ETag; duplicate userName in any case → 409 uniqueness', async () => {
    const { app } = setup();
    const res = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(ACME, auth)
      .type(SCIM)
      .send(user('Alice@Acme.test', { active: true, id: 'client-chosen', meta: { version: 'W/"99"' } }));
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.body.id).not.toBe('client-chosen');
    expect(res.headers['location']).toBe(`http://sp.test/scim/v2/acme/Users/${res.body.id}`);
    expect(res.body.meta).toMatchObject({ resourceType: 'User', location: res.headers['location'], version: 'W/"1"' });
    expect(res.headers['etag']).toBe('W/"1"');
    const dup = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('alice@ACME.test'));
    expectScimError(dup, 409, 'uniqueness');
  });

  it('GET by id, If-None-Match → 304; unknown id → 404', async () => {
    const { app } = setup();
    const { body } = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('bob'));
    const got = await request(app).get(`/scim/v2/acme/Users/${body.id}`).auth(ACME, auth);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(body);
    const notModified = await request(app).get(`/scim/v2/acme/Users/${body.id}`).auth(ACME, auth).set('If-None-Match', 'W/"1"');
    expect(notModified.status).toBe(304);
    expectScimError(await request(app).get('/scim/v2/acme/Users/00000000-0000-0000-0000-000000000000').auth(ACME, auth), 404);
  });

  it('PUT replaces, ignores readOnly attributes, bumps the version; a stale If-Match → 412 and nothing changes', async () => {
    const { app, store } = setup();
    const { body } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(ACME, auth)
      .type(SCIM)
      .send(user('carol', { displayName: 'Carol' }));
    const put = await request(app)
      .put(`/scim/v2/acme/Users/${body.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .set('If-Match', 'W/"1"')
      .send(user('carol', { id: 'other', active: false, meta: { created: '1999-01-01T00:00:00Z' } }));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: body.id, active: false, meta: { version: 'W/"2"', created: body.meta.created } });
    expect(put.body.displayName).toBeUndefined();
    const stale = await request(app).put(`/scim/v2/acme/Users/${body.id}`).auth(ACME, auth).type(SCIM).set('If-Match', 'W/"1"').send(user('carol2'));
    expectScimError(stale, 412);
    expect(store.getUser('acme', body.id)?.userName).toBe('carol');
    expectScimError(await request(app).put('/scim/v2/acme/Users/nope').auth(ACME, auth).type(SCIM).send(user('x')), 404);
  });

  it('DELETE → 204, then 404 on GET and on a second DELETE; the user leaves its groups', async () => {
    const { app } = setup();
    const { body: u } = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('dave'));
    const { body: g } = await request(app)
      .post('/scim/v2/acme/Groups')
      .auth(ACME, auth)
      .type(SCIM)
      .send({ schemas: [GROUP], displayName: 'Ops', members: [{ value: u.id }] });
    expect(g.members).toEqual([{ value: u.id, $ref: `http://sp.test/scim/v2/acme/Users/${u.id}`, type: 'User', display: 'dave' }]);
    const withGroups = await request(app).get(`/scim/v2/acme/Users/${u.id}`).auth(ACME, auth);
    expect(withGroups.body.groups).toEqual([{ value: g.id, $ref: `http://sp.test/scim/v2/acme/Groups/${g.id}`, display: 'Ops', type: 'direct' }]);
    const del = await request(app).delete(`/scim/v2/acme/Users/${u.id}`).auth(ACME, auth);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expectScimError(await request(app).get(`/scim/v2/acme/Users/${u.id}`).auth(ACME, auth), 404);
    expectScimError(await request(app).delete(`/scim/v2/acme/Users/${u.id}`).auth(ACME, auth), 404);
    const group = await request(app).get(`/scim/v2/acme/Groups/${g.id}`).auth(ACME, auth);
    expect(group.body.members).toBeUndefined();
    expect(group.body.meta.version).toBe('W/"2"');
  });

  it('an inactive user is still returned', async () => {
    const { app } = setup();
    const { body } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(ACME, auth)
      .type(SCIM)
      .send(user('erin', { active: false }));
    const got = await request(app).get(`/scim/v2/acme/Users/${body.id}`).auth(ACME, auth);
    expect(got.body.active).toBe(false);
  });

  it('lists in creation order with paging capped at the tenant maxCount', async () => {
    const { app } = setup();
    for (const n of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      expect((await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user(n))).status).toBe(201);
    }
    const first = await request(app).get('/scim/v2/acme/Users').auth(ACME, auth);
    expect(first.body).toMatchObject({ totalResults: 5, startIndex: 1, itemsPerPage: 3 });
    expect(first.body.Resources.map((r: { userName: string }) => r.userName)).toEqual(['u1', 'u2', 'u3']);
  });
});

describe('queries (RFC 7644 §3.4.2, §3.4.3)', () => {
  const auth = { type: 'bearer' as const };
  async function seeded() {
    const ctx = setup();
    const people = [
      user('Zoe@Acme.test', { externalId: 'z-1', active: true, emails: [{ value: 'zoe@work.test', type: 'work' }] }),
      user('adam@acme.test', { externalId: 'a-1', active: false, emails: [{ value: 'adam@home.test', type: 'home' }] }),
      user('Mia@acme.test', { externalId: 'm-1', active: true, name: { givenName: 'Mia' } }),
    ];
    const ids: string[] = [];
    for (const p of people) ids.push((await request(ctx.app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(p)).body.id);
    return { ...ctx, ids };
  }
  const names = (res: request.Response) => res.body.Resources.map((r: { userName: string }) => r.userName);
  const q = (app: express.Express, query: string) => request(app).get(`/scim/v2/acme/Users?${query}`).auth(ACME, auth);

  it.each([
    ['filter=userName eq "zoe@acme.test"', ['Zoe@Acme.test']],
    ['filter=userName eq "nobody-8f3a@acme.test"', []],
    ['filter=externalId eq "a-1"', ['adam@acme.test']],
    ['filter=externalId eq "A-1"', []],
    ['filter=emails[type eq "work" and value eq "zoe@work.test"]', ['Zoe@Acme.test']],
    ['filter=emails[type eq "work" and value eq "adam@home.test"]', []],
    ['filter=active eq false', ['adam@acme.test']],
    ['filter=userName sw "m" or name.givenName pr', ['Mia@acme.test']],
    ['filter=userName eq "mia@acme.test" and active eq true', ['Mia@acme.test']],
    ['filter=userName eq "mia@acme.test" and active eq false', []],
    ['sortBy=userName&sortOrder=descending', ['Zoe@Acme.test', 'Mia@acme.test', 'adam@acme.test']],
    ['startIndex=2&count=1', ['adam@acme.test']],
    ['startIndex=10', []],
    ['count=0', []],
  ])('%s', async (query, expected) => {
    const { app } = await seeded();
    const res = await q(app, query.replace(/ /g, '%20'));
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
    expect(names(res)).toEqual(expected);
  });

  it('reports totalResults over all pages', async () => {
    const { app } = await seeded();
    const res = await q(app, 'startIndex=2&count=1');
    expect(res.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
  });

  it('refuses an invalid filter with 400 invalidFilter', async () => {
    const { app } = await seeded();
    expectScimError(await q(app, 'filter=userName%20eq'), 400, 'invalidFilter');
    expectScimError(await q(app, 'filter=userName%20zz%20%22x%22'), 400, 'invalidFilter');
  });

  it('projects attributes and excludedAttributes, on lists and on one resource', async () => {
    const { app, ids } = await seeded();
    const only = await q(app, 'attributes=userName&filter=externalId%20eq%20%22z-1%22');
    expect(only.body.Resources[0]).toEqual({ schemas: [USER], id: ids[0], userName: 'Zoe@Acme.test' });
    const without = await request(app).get(`/scim/v2/acme/Users/${ids[0]}?excludedAttributes=emails,meta`).auth(ACME, auth);
    expect(without.body.emails).toBeUndefined();
    expect(without.body.userName).toBe('Zoe@Acme.test');
    expectScimError(await q(app, 'attributes=userName&excludedAttributes=emails'), 400, 'invalidSyntax');
  });

  it('POST /.search takes a SearchRequest', async () => {
    const { app } = await seeded();
    const res = await request(app)
      .post('/scim/v2/acme/Users/.search')
      .auth(ACME, auth)
      .type(SCIM)
      .send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'active eq true', sortBy: 'userName', attributes: ['userName'] });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Mia@acme.test', 'Zoe@Acme.test']);
    expectScimError(await request(app).post('/scim/v2/acme/Users/.search').auth(ACME, auth).type(SCIM).send({ filter: 'active eq true' }), 400, 'invalidSyntax');
    const root = await request(app)
      .post('/scim/v2/acme/.search')
      .auth(ACME, auth)
      .type(SCIM)
      .send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'externalId eq "m-1"' });
    expect(names(root)).toEqual(['Mia@acme.test']);
  });

  it('emails[type eq "work"].value eq …: strict → 400 invalidFilter; lenient answers it and records the tolerance', async () => {
    const { app } = setup();
    const filter = encodeURIComponent('emails[type eq "work"].value eq "zoe@work.test"');
    for (const [tenant, token] of [
      ['acme', ACME],
      ['lenient', LENIENT],
    ] as const) {
      const body = user('zoe@acme.test', { emails: [{ value: 'zoe@work.test', type: 'work' }] });
      await request(app).post(`/scim/v2/${tenant}/Users`).auth(token, auth).type(SCIM).send(body);
      await request(app)
        .post(`/scim/v2/${tenant}/Users`)
        .auth(token, auth)
        .type(SCIM)
        .send(user('ann@acme.test', { emails: [{ value: 'zoe@work.test', type: 'home' }] }));
    }
    expectScimError(await request(app).get(`/scim/v2/acme/Users?filter=${filter}`).auth(ACME, auth), 400, 'invalidFilter');
    const strictLog = await request(app).get('/scim/v2/acme/.tolerances').auth(ACME, auth);
    expect(strictLog.body.tolerances).toEqual([]);

    const lenient = await request(app).get(`/scim/v2/lenient/Users?filter=${filter}`).auth(LENIENT, auth);
    expect(lenient.status).toBe(200);
    expect(names(lenient)).toEqual(['zoe@acme.test']); // the home address with the same value does not match
    const search = await request(app)
      .post('/scim/v2/lenient/Users/.search')
      .auth(LENIENT, auth)
      .type(SCIM)
      .send({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: 'emails[type eq "home"].value eq "zoe@work.test"',
      });
    expect(names(search)).toEqual(['ann@acme.test']);
    const log = await request(app).get('/scim/v2/lenient/.tolerances').auth(LENIENT, auth);
    const recorded = log.body.tolerances.filter((t: { code: string }) => t.code === 'lenient/value-path-sub-attribute-filter');
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ resourceType: 'User', operation: 'query' });
  });

  it('leaves members out of groups with excludedAttributes=members', async () => {
    const { app, ids } = await seeded();
    await request(app)
      .post('/scim/v2/acme/Groups')
      .auth(ACME, auth)
      .type(SCIM)
      .send({ schemas: [GROUP], displayName: 'All', members: ids.map((value) => ({ value })) });
    const res = await request(app).get('/scim/v2/acme/Groups?excludedAttributes=members').auth(ACME, auth);
    expect(res.body.Resources).toHaveLength(1);
    expect(res.body.Resources[0].displayName).toBe('All');
    expect(res.body.Resources[0].members).toBeUndefined();
    const filtered = await request(app)
      .get(`/scim/v2/acme/Groups?filter=${encodeURIComponent(`members.value eq "${ids[1]}"`)}`)
      .auth(ACME, auth);
    expect(filtered.body.totalResults).toBe(1);
  });
});

describe('PATCH (RFC 7644 §3.5.2)', () => {
  const auth = { type: 'bearer' as const };
  const patch = (ops: object[]) => ({ schemas: [PATCH_OP], Operations: ops });

  it('changes a user, bumps the version only when something changed, and honours If-Match', async () => {
    const { app } = setup();
    const { body: u } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(ACME, auth)
      .type(SCIM)
      .send(user('pat', { active: true }));
    const off = await request(app)
      .patch(`/scim/v2/acme/Users/${u.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .send(patch([{ op: 'replace', path: 'active', value: false }]));
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, meta: { version: 'W/"2"' } });
    const same = await request(app)
      .patch(`/scim/v2/acme/Users/${u.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .send(patch([{ op: 'replace', path: 'active', value: false }]));
    expect(same.body.meta.version).toBe('W/"2"');
    const stale = await request(app)
      .patch(`/scim/v2/acme/Users/${u.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .set('If-Match', 'W/"1"')
      .send(patch([{ op: 'replace', path: 'active', value: true }]));
    expectScimError(stale, 412);
    expectScimError(
      await request(app)
        .patch('/scim/v2/acme/Users/nope')
        .auth(ACME, auth)
        .type(SCIM)
        .send(patch([{ op: 'replace', path: 'active', value: true }])),
      404,
    );
  });

  it('refuses a PATCH that would take a taken userName, leaving the user as it was', async () => {
    const { app, store } = setup();
    await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('taken'));
    const { body: u } = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('free'));
    const res = await request(app)
      .patch(`/scim/v2/acme/Users/${u.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .send(patch([{ op: 'replace', path: 'userName', value: 'TAKEN' }]));
    expectScimError(res, 409, 'uniqueness');
    expect(store.getUser('acme', u.id)).toMatchObject({ userName: 'free', version: 1 });
  });

  it('adds and removes group members; the group answers 204 with its ETag', async () => {
    const { app } = setup();
    const { body: a } = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('ann'));
    const { body: b } = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('ben'));
    const { body: g } = await request(app)
      .post('/scim/v2/acme/Groups')
      .auth(ACME, auth)
      .type(SCIM)
      .send({ schemas: [GROUP], displayName: 'Eng' });
    const add = await request(app)
      .patch(`/scim/v2/acme/Groups/${g.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .send(patch([{ op: 'add', path: 'members', value: [{ value: a.id }, { value: b.id }] }]));
    expect(add.status).toBe(204);
    expect(add.headers['etag']).toBe('W/"2"');
    const remove = await request(app)
      .patch(`/scim/v2/acme/Groups/${g.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .send(patch([{ op: 'remove', path: `members[value eq "${a.id}"]` }]));
    expect(remove.status).toBe(204);
    const got = await request(app).get(`/scim/v2/acme/Groups/${g.id}`).auth(ACME, auth);
    expect(got.body.members.map((m: { value: string }) => m.value)).toEqual([b.id]);
    const unknown = await request(app)
      .patch(`/scim/v2/acme/Groups/${g.id}`)
      .auth(ACME, auth)
      .type(SCIM)
      .send(patch([{ op: 'add', path: 'members', value: [{ value: 'ghost' }] }]));
    expectScimError(unknown, 400, 'invalidValue');
    expect((await request(app).get(`/scim/v2/acme/Groups/${g.id}`).auth(ACME, auth)).body.members).toHaveLength(1);
  });

  it('strict refuses Entra legacy shapes; lenient accepts them and records what it tolerated', async () => {
    const { app } = setup();
    const legacy = patch([{ op: 'Replace', path: 'active', value: 'False' }]);
    const { body: s } = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('strict'));
    expectScimError(await request(app).patch(`/scim/v2/acme/Users/${s.id}`).auth(ACME, auth).type(SCIM).send(legacy), 400, 'invalidSyntax');
    const { body: l } = await request(app).post('/scim/v2/lenient/Users').auth(LENIENT, auth).type(SCIM).send(user('lenient'));
    const ok = await request(app).patch(`/scim/v2/lenient/Users/${l.id}`).auth(LENIENT, auth).type(SCIM).send(legacy);
    expect(ok.status).toBe(200);
    expect(ok.body.active).toBe(false);
    const tolerated = await request(app).get('/scim/v2/lenient/.tolerances').auth(LENIENT, auth);
    expect(tolerated.body.tolerances.map((t: { code: string }) => t.code).sort()).toEqual(['lenient/op-case', 'lenient/string-boolean']);
    expect(tolerated.body.tolerances[0]).toMatchObject({ resourceType: 'User', operation: 'patch' });
    expect((await request(app).get('/admin/v1/tenants/lenient/tolerances').auth(ADMIN, auth)).body).toHaveLength(2);
    expect((await request(app).get('/scim/v2/acme/.tolerances').auth(ACME, auth)).body.tolerances).toEqual([]);
  });
});

describe('/Bulk (RFC 7644 §3.7)', () => {
  const auth = { type: 'bearer' as const };
  const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
  const bulk = (Operations: object[], failOnErrors?: number) => ({ schemas: [BULK], Operations, ...(failOnErrors ? { failOnErrors } : {}) });
  const send = (app: express.Express, token: string, b: object, base = '/scim/v2/acme') => request(app).post(`${base}/Bulk`).auth(token, auth).type(SCIM).send(b);

  it('resolves bulkId references, forward ones included', async () => {
    const { app, store } = setup();
    const res = await send(
      app,
      ACME,
      bulk([
        { method: 'POST', path: '/Groups', bulkId: 'g', data: { schemas: [GROUP], displayName: 'Bulkers', members: [{ value: 'bulkId:u' }] } },
        { method: 'POST', path: '/Users', bulkId: 'u', data: user('bulk@acme.test') },
        { method: 'PATCH', path: '/Users/bulkId:u', data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] } },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:BulkResponse']);
    expect(res.body.Operations.map((o: { status: string }) => o.status)).toEqual(['201', '201', '200']);
    const u = store.findUserByUserNameRow('acme', 'bulk@acme.test')!;
    expect(u.active).toBe(false);
    expect(res.body.Operations[1]).toMatchObject({ method: 'POST', bulkId: 'u', location: `http://sp.test/scim/v2/acme/Users/${u.id}` });
    const g = store.findGroupByDisplayName('acme', 'Bulkers')!;
    expect(store.membersOf('acme', g.id).map((m) => m.memberId)).toEqual([u.id]);
  });

  it('stops after failOnErrors errors and reports each failure with a SCIM error', async () => {
    const { app, store } = setup();
    await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('dup'));
    const res = await send(
      app,
      ACME,
      bulk(
        [
          { method: 'POST', path: '/Users', bulkId: 'a', data: user('DUP') },
          { method: 'DELETE', path: '/Users/nope' },
          { method: 'POST', path: '/Users', bulkId: 'c', data: user('never') },
        ],
        2,
      ),
    );
    expect(res.body.Operations).toHaveLength(2);
    expect(res.body.Operations[0]).toMatchObject({ status: '409', response: { status: '409', scimType: 'uniqueness' } });
    expect(res.body.Operations[1]).toMatchObject({ status: '404' });
    expect(store.findUserByUserNameRow('acme', 'never')).toBeUndefined();
  });

  it('fails circular references with 409 and stale versions with 412', async () => {
    const { app } = setup();
    const { body: u } = await request(app).post('/scim/v2/acme/Users').auth(ACME, auth).type(SCIM).send(user('v'));
    const res = await send(
      app,
      ACME,
      bulk([
        { method: 'POST', path: '/Groups', bulkId: 'x', data: { schemas: [GROUP], displayName: 'X', members: [{ value: 'bulkId:y' }] } },
        { method: 'POST', path: '/Groups', bulkId: 'y', data: { schemas: [GROUP], displayName: 'Y', members: [{ value: 'bulkId:x' }] } },
        { method: 'DELETE', path: `/Users/${u.id}`, version: 'W/"7"' },
      ]),
    );
    expect(res.body.Operations.map((o: { status: string }) => o.status)).toEqual(['409', '409', '412']);
  });

  it('refuses more operations than maxOperations with 413, and checks scopes per operation', async () => {
    const { app } = setup();
    const three = bulk([1, 2, 3].map((i) => ({ method: 'POST', path: '/Users', bulkId: `b${i}`, data: user(`b${i}`) })));
    expectScimError(await send(app, GLOBEX, three, '/scim/v2/globex'), 413);
    const res = await send(app, PARTICLE_LIST_ONLY, bulk([{ method: 'POST', path: '/Users', bulkId: 'p', data: user('p') }]), '/v1/orgs/initech/team/provision');
    expect(res.body.Operations[0]).toMatchObject({ status: '403' });
    expectScimError(await send(app, ACME, { Operations: [] }), 400, 'invalidSyntax');
  });
});

describe('Groups', () => {
  it('refuses a duplicate displayName with 409 and a member from another tenant with 400', async () => {
    const { app } = setup();
    const auth = { type: 'bearer' as const };
    const g = { schemas: [GROUP], displayName: 'Admins' };
    expect((await request(app).post('/scim/v2/acme/Groups').auth(ACME, auth).type(SCIM).send(g)).status).toBe(201);
    expectScimError(await request(app).post('/scim/v2/acme/Groups').auth(ACME, auth).type(SCIM).send(g), 409, 'uniqueness');
    const { body: foreign } = await request(app).post('/scim/v2/globex/Users').auth(GLOBEX, auth).type(SCIM).send(user('f'));
    const bad = await request(app)
      .post('/scim/v2/acme/Groups')
      .auth(ACME, auth)
      .type(SCIM)
      .send({ ...g, displayName: 'X', members: [{ value: foreign.id }] });
    expectScimError(bad, 400, 'invalidValue');
  });
});

describe('discovery (RFC 7644 §4)', () => {
  it('tells the truth about capabilities and lists resource types and schemas', async () => {
    const { app } = setup();
    const auth = { type: 'bearer' as const };
    const spc = await request(app).get('/scim/v2/acme/ServiceProviderConfig').auth(ACME, auth);
    expect(spc.status).toBe(200);
    expect(spc.body).toMatchObject({ patch: { supported: true }, etag: { supported: true }, filter: { supported: true, maxResults: 3 }, changePassword: { supported: false } });
    const rts = await request(app).get('/scim/v2/acme/ResourceTypes').auth(ACME, auth);
    expect(rts.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect((await request(app).get(`/scim/v2/acme/Schemas/${USER}`).auth(ACME, auth)).body.id).toBe(USER);
    expectScimError(await request(app).get('/scim/v2/acme/Schemas/urn:nope').auth(ACME, auth), 404);
    expectScimError(await request(app).get('/scim/v2/acme/Schemas?filter=id%20pr').auth(ACME, auth), 403);
  });
});

describe('admin API (Aritma flow, seed 001)', () => {
  const admin = { type: 'bearer' as const };
  it('needs the admin token', async () => {
    const { app } = setup();
    const res = await request(app).get('/admin/v1/tenants/aritma/scim-tokens');
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('admin/unauthorized');
    expect((await request(app).get('/admin/v1/tenants/aritma/scim-tokens').auth(ACME, admin)).status).toBe(401);
    expect((await request(app).get('/admin/v1/tenants/nobody/scim-tokens').auth(ADMIN, admin)).status).toBe(401);
  });

  it("enables a NinjaOne tenant's SSO (seed 002, step 7) behind the admin token; other tenants start enabled", async () => {
    // The SCIM tests' tenants carry no SAML section; these two carry the resolved `saml.ssoEnabled` they start with.
    const withSso = (t: ReturnType<typeof tenant>, ssoEnabled: boolean) => ({ ...t, saml: { ...t.saml, ssoEnabled } });
    const sso = testConfig([withSso(tenant('ninja', 'ninjaone', {}), false), withSso(tenant('acme', 'generic', {}), true)]);
    const { app } = scimTestApp(sso, { store: openStore({ path: ':memory:' }), adminToken: ADMIN });
    const base = '/admin/v1/tenants/ninja/sso';
    expect((await request(app).post(`${base}/enable`)).body.error).toBe('admin/unauthorized');
    expect((await request(app).post(`${base}/enable`).auth(NINJA, admin)).status).toBe(401);
    expect((await request(app).get(base).auth(ADMIN, admin)).body).toEqual({ enabled: false });
    const enabled = await request(app).post(`${base}/enable`).auth(ADMIN, admin);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toEqual({ enabled: true });
    expect((await request(app).get(base).auth(ADMIN, admin)).body).toEqual({ enabled: true });
    expect((await request(app).get('/admin/v1/tenants/acme/sso').auth(ADMIN, admin)).body).toEqual({ enabled: true });
  });

  it('creates a provider, then a token linked to its scheme shown once; lists without values; revokes', async () => {
    const { app } = setup();
    const base = '/admin/v1/tenants/aritma';
    const badType = await request(app).post(`${base}/identity-providers`).auth(ADMIN, admin).send({ type: 'okta', scheme: 'x' });
    expect(badType.body.error).toBe('admin/invalid-request');
    const idp = await request(app).post(`${base}/identity-providers`).auth(ADMIN, admin).send({ type: 'entra', scheme: 'aritma-entra', autoProvisioningEnabled: false });
    expect(idp.status).toBe(201);
    expect(idp.body).toMatchObject({ type: 'entra', scheme: 'aritma-entra', autoProvisioningEnabled: false });
    expect((await request(app).post(`${base}/identity-providers`).auth(ADMIN, admin).send({ type: 'entra', scheme: 'aritma-entra' })).status).toBe(409);
    const wrong = await request(app).post(`${base}/scim-tokens`).auth(ADMIN, admin).send({ provider: 'other' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('admin/unknown-provider');
    const created = await request(app).post(`${base}/scim-tokens`).auth(ADMIN, admin).send({ provider: 'aritma-entra', name: 'Entra ID' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ provider: 'aritma-entra', name: 'Entra ID', revoked: null });
    const value = created.body.token as string;
    expect(value.length).toBeGreaterThanOrEqual(40);
    expect((await request(app).get('/scim/v2/aritma/Users').auth(value, admin)).status).toBe(200);
    const list = await request(app).get(`${base}/scim-tokens`).auth(ADMIN, admin);
    expect(list.body).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(value);
    expect((await request(app).delete(`${base}/scim-tokens/${created.body.id}`).auth(ADMIN, admin)).status).toBe(204);
    expect((await request(app).delete(`${base}/scim-tokens/nope`).auth(ADMIN, admin)).status).toBe(404);
    expectScimError(await request(app).get('/scim/v2/aritma/Users').auth(value, admin), 401);
  });
});

describe('on disk', () => {
  it('keeps what a response acknowledged across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sso-harness-scim-'));
    try {
      const path = storePathFor(dir);
      const first = setup(path);
      const { body } = await request(first.app).post('/scim/v2/acme/Users').auth(ACME, { type: 'bearer' }).type(SCIM).send(user('durable'));
      first.store.close();
      const second = setup(path);
      const got = await request(second.app).get(`/scim/v2/acme/Users/${body.id}`).auth(ACME, { type: 'bearer' });
      expect(got.status).toBe(200);
      expect(got.body.userName).toBe('durable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
