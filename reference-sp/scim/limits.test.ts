/*
 * Hostile requests against the SCIM router (issue 8, items 7, 9 and 10): every one gets a precise 4xx SCIM error
 * body (or a named 501), never a 500, never text/plain, and never more than the bounds in ./limits.ts.
 */
import type express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, MAX_PATCH_OPERATIONS, MAX_VALUES_PER_ATTRIBUTE } from './limits.ts';
import { BULK, closeTestStores, expectScimError, GROUP, PATCH_OP, SCIM, scimTestApp, tenant, testConfig, USER } from './test-support/scim-app.ts';
import { UNEXPOSED_DETAIL } from './types/errors.ts';

const TOKEN = 'acme-scim-token-000000000001';
const auth = { type: 'bearer' as const };
const config = testConfig([tenant('acme', 'generic', { tokens: [{ value: TOKEN }] })]);
const setup = () => scimTestApp(config);
afterEach(closeTestStores);

/** `{"a":{"a":…}}` nested `levels` deep, as text (JSON.stringify itself would overflow on deep values). */
const nested = (levels: number, leaf = '"x"'): string => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
const nestedArray = (levels: number): string => '['.repeat(levels) + '"bulkId:x"' + ']'.repeat(levels);

const post = (app: express.Express, path: string, raw: string) => request(app).post(`/scim/v2/acme${path}`).auth(TOKEN, auth).set('Content-Type', SCIM).send(raw);

describe('deeply nested request bodies (item 9): 400, never a stack overflow', () => {
  it('a /Bulk operation whose data nests 5,000 levels is 400 invalidSyntax', async () => {
    const { app } = setup();
    const raw = `{"schemas":["${BULK}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"q","data":{"schemas":["${USER}"],"userName":"deep","x":${nestedArray(5000)}}}]}`;
    expectScimError(await post(app, '/Bulk', raw), 400, 'invalidSyntax');
  });

  it('a body one level deeper than MAX_JSON_DEPTH is refused on every body-reading endpoint', async () => {
    const { app } = setup();
    const deep = nested(MAX_JSON_DEPTH + 1);
    expectScimError(await post(app, '/Users', deep), 400, 'invalidSyntax');
    expectScimError(await post(app, '/Users/.search', deep), 400, 'invalidSyntax');
    expectScimError(await post(app, '/.search', deep), 400, 'invalidSyntax');
    expectScimError(await request(app).patch('/scim/v2/acme/Users/x').auth(TOKEN, auth).set('Content-Type', SCIM).send(deep), 400, 'invalidSyntax');
  });

  it('a filter nesting parentheses or nots (1,000 in a query string, 100,000 in a SearchRequest) is 400 invalidFilter', async () => {
    const { app } = setup();
    const deep = (n: number) => [
      '('.repeat(n) + 'userName pr' + ')'.repeat(n),
      'not('.repeat(n) + 'userName pr' + ')'.repeat(n),
      `emails[${'('.repeat(n)}value pr${')'.repeat(n)}]`,
    ];
    for (const filter of deep(1_000)) {
      expectScimError(await request(app).get('/scim/v2/acme/Users').query({ filter }).auth(TOKEN, auth), 400, 'invalidFilter');
    }
    for (const filter of deep(100_000)) {
      const raw = JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter });
      expectScimError(await post(app, '/Users/.search', raw), 400, 'invalidFilter');
    }
  });

  it('a PATCH path whose value filter nests 100,000 parentheses is 400 invalidFilter', async () => {
    const { app } = setup();
    const { body: u } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(TOKEN, auth)
      .type(SCIM)
      .send({ schemas: [USER], userName: 'deep-path' });
    const path = `emails[${'('.repeat(100_000)}type eq "work"${')'.repeat(100_000)}].value`;
    const res = await request(app)
      .patch(`/scim/v2/acme/Users/${u.id}`)
      .auth(TOKEN, auth)
      .type(SCIM)
      .send({ schemas: [PATCH_OP], Operations: [{ op: 'add', path, value: 'x@y.test' }] });
    expectScimError(res, 400, 'invalidFilter');
  });
});

describe('every response under the SCIM base is a SCIM body (item 10)', () => {
  it('an empty tenant segment (`/scim/v2//Users`) and a bare base are SCIM 404s', async () => {
    const { app } = setup();
    expectScimError(await request(app).get('/scim/v2//Users').auth(TOKEN, auth), 404);
    expectScimError(await request(app).get('/scim/v2/').auth(TOKEN, auth), 404);
    expectScimError(await request(app).get('/scim/v2').auth(TOKEN, auth), 404);
  });

  it('an unknown endpoint is a SCIM 404; an unsupported method a 501 that names what is not implemented', async () => {
    const { app } = setup();
    expectScimError(await request(app).get('/scim/v2/acme/Nope').auth(TOKEN, auth), 404);
    for (const res of [
      await request(app).patch('/scim/v2/acme/ServiceProviderConfig').auth(TOKEN, auth).set('Content-Type', SCIM).send('{}'),
      await request(app).delete('/scim/v2/acme/Users').auth(TOKEN, auth),
      await request(app).options('/scim/v2/acme/Users').auth(TOKEN, auth),
      await request(app).put('/scim/v2/acme/Bulk').auth(TOKEN, auth).set('Content-Type', SCIM).send('{}'),
    ]) {
      expectScimError(res, 501);
      expect(typeof res.body.detail).toBe('string');
      expect(res.body.detail).not.toBe(UNEXPOSED_DETAIL);
    }
  });

  it('a refusal never echoes the request path', async () => {
    const { app } = setup();
    const res = await request(app).get('/scim/v2/acme/%3Cscript%3E').auth(TOKEN, auth);
    expectScimError(res, 404);
    expect(res.text).not.toContain('script');
  });
});

describe('invalid Unicode (item 10): a lone surrogate is 400 invalidValue', () => {
  it('in a string value, in a key, and in a PATCH value', async () => {
    const { app } = setup();
    expectScimError(await post(app, '/Users', `{"schemas":["${USER}"],"userName":"a\\ud800b"}`), 400, 'invalidValue');
    expectScimError(await post(app, '/Users', `{"schemas":["${USER}"],"userName":"low\\udc00"}`), 400, 'invalidValue');
    expectScimError(await post(app, '/Users', `{"schemas":["${USER}"],"userName":"k","name":{"given\\ud800":"x"}}`), 400, 'invalidValue');
    const created = await post(app, '/Users', `{"schemas":["${USER}"],"userName":"ok\\ud83d\\ude00"}`); // a pair is fine
    expect(created.status).toBe(201);
    const patch = `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"replace","path":"displayName","value":"\\udfff"}]}`;
    expectScimError(await request(app).patch(`/scim/v2/acme/Users/${created.body.id}`).auth(TOKEN, auth).set('Content-Type', SCIM).send(patch), 400, 'invalidValue');
  });

  it('in a filter literal', async () => {
    const { app } = setup();
    expectScimError(await request(app).get('/scim/v2/acme/Users').query({ filter: 'userName eq "\\ud800"' }).auth(TOKEN, auth), 400, 'invalidFilter');
  });
});

describe('PATCH caps (item 7)', () => {
  const patch = (Operations: object[]) => ({ schemas: [PATCH_OP], Operations });

  it(`more than ${MAX_PATCH_OPERATIONS} operations is 400 tooMany, and nothing changes`, async () => {
    const { app } = setup();
    const { body: u } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(TOKEN, auth)
      .type(SCIM)
      .send({ schemas: [USER], userName: 'ops' });
    const ops = Array.from({ length: MAX_PATCH_OPERATIONS + 1 }, (_, i) => ({ op: 'replace', path: 'displayName', value: `n${i}` }));
    expectScimError(await request(app).patch(`/scim/v2/acme/Users/${u.id}`).auth(TOKEN, auth).type(SCIM).send(patch(ops)), 400, 'tooMany');
    const at = await request(app)
      .patch(`/scim/v2/acme/Users/${u.id}`)
      .auth(TOKEN, auth)
      .type(SCIM)
      .send(patch(ops.slice(1)));
    expect(at.status).toBe(200);
  });

  it(`more than ${MAX_VALUES_PER_ATTRIBUTE} values for one attribute in one request is 400 invalidValue`, async () => {
    const { app } = setup();
    const { body: u } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(TOKEN, auth)
      .type(SCIM)
      .send({ schemas: [USER], userName: 'vals' });
    const emails = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ value: `e${from + i}@x.test` }));
    // in one operation, and summed over several
    const one = patch([{ op: 'add', path: 'emails', value: emails(MAX_VALUES_PER_ATTRIBUTE + 1) }]);
    expectScimError(await request(app).patch(`/scim/v2/acme/Users/${u.id}`).auth(TOKEN, auth).type(SCIM).send(one), 400, 'invalidValue');
    const split = patch([
      { op: 'add', path: 'emails', value: emails(MAX_VALUES_PER_ATTRIBUTE) },
      { op: 'add', value: { emails: emails(1, MAX_VALUES_PER_ATTRIBUTE) } },
    ]);
    expectScimError(await request(app).patch(`/scim/v2/acme/Users/${u.id}`).auth(TOKEN, auth).type(SCIM).send(split), 400, 'invalidValue');
    // and in a POST body
    expectScimError(
      await request(app)
        .post('/scim/v2/acme/Users')
        .auth(TOKEN, auth)
        .type(SCIM)
        .send({ schemas: [USER], userName: 'many', emails: emails(MAX_VALUES_PER_ATTRIBUTE + 1) }),
      400,
      'invalidValue',
    );
  });

  it('a replace with the same values in another key order does not change meta.version', async () => {
    const { app } = setup();
    const { body: u } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(TOKEN, auth)
      .type(SCIM)
      .send({ schemas: [USER], userName: 'same', emails: [{ value: 'a@x.test', type: 'work', primary: true }], name: { givenName: 'A', familyName: 'B' } });
    const version = u.meta.version;
    const res = await request(app)
      .patch(`/scim/v2/acme/Users/${u.id}`)
      .auth(TOKEN, auth)
      .type(SCIM)
      .send(
        patch([
          { op: 'replace', path: 'emails', value: [{ primary: true, type: 'work', value: 'a@x.test' }] },
          { op: 'replace', value: { name: { familyName: 'B', givenName: 'A' } } },
        ]),
      );
    expect(res.status).toBe(200);
    expect(res.body.meta.version).toBe(version);
  });

  it('a group PATCH adding members already there (in another key order) keeps its ETag', async () => {
    const { app } = setup();
    const { body: a } = await request(app)
      .post('/scim/v2/acme/Users')
      .auth(TOKEN, auth)
      .type(SCIM)
      .send({ schemas: [USER], userName: 'm' });
    const { body: g } = await request(app)
      .post('/scim/v2/acme/Groups')
      .auth(TOKEN, auth)
      .type(SCIM)
      .send({ schemas: [GROUP], displayName: 'G', members: [{ value: a.id }] });
    const res = await request(app)
      .patch(`/scim/v2/acme/Groups/${g.id}`)
      .auth(TOKEN, auth)
      .type(SCIM)
      .send(patch([{ op: 'add', path: 'members', value: [{ value: a.id }] }]));
    expect(res.status).toBe(204);
    expect(res.headers['etag']).toBe(g.meta.version);
  });
});
