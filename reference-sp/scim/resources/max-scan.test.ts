/*
 * Bounded work per query (issue 8, item 11): a filter or sortBy that no index serves is refused with 400 tooMany
 * (RFC 7644 §3.4.2.2, §3.12) once the tenant holds more resources than its maxScan; the filters Entra and Okta
 * send are index-served and answered whatever the tenant's size.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestStores, GROUP, SCIM, scimTestApp, tenant, testConfig, USER } from '../test-support/scim-app.ts';

const TOKEN = 'max-scan-test-token-000000000001';
const MAX_SCAN = 4;
const config = testConfig([tenant('acme', 'generic', { tokens: [{ value: TOKEN }], maxScan: MAX_SCAN, rateLimit: false })]);

let api: (method: 'get' | 'post', path: string) => request.Test;
const ids: Record<string, string> = {};

beforeEach(async () => {
  const { app } = scimTestApp(config);
  api = (method, path) => request(app)[method](`/scim/v2/acme${path}`).auth(TOKEN, { type: 'bearer' }).type(SCIM);
  for (let i = 0; i < MAX_SCAN + 1; i++) {
    const res = await api('post', '/Users').send({ schemas: [USER], userName: `u${i}@acme.test`, externalId: `x${i}`, name: { givenName: `G${i}` } });
    ids[`u${i}`] = res.body.id;
  }
  const group = await api('post', '/Groups').send({ schemas: [GROUP], displayName: 'Ops', members: [{ value: ids['u1'] }] });
  ids['ops'] = group.body.id;
});
afterEach(closeTestStores);

const q = (filter: string) => `?filter=${encodeURIComponent(filter)}`;

describe('maxScan', () => {
  it.each([
    ['a filter no index serves', `/Users${q('name.givenName eq "G1"')}`],
    ['an or of indexed filters', `/Users${q('userName eq "u1@acme.test" or userName eq "u2@acme.test"')}`],
    ['sortBy', '/Users?sortBy=userName'],
  ])('%s over more than maxScan users → 400 tooMany', async (_name, path) => {
    const res = await api('get', path);
    expect([res.status, res.body.scimType]).toEqual([400, 'tooMany']);
  });

  it('POST /.search is bounded the same way', async () => {
    const res = await api('post', '/Users/.search').send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'active eq true' });
    expect([res.status, res.body.scimType]).toEqual([400, 'tooMany']);
  });

  it.each([
    ['Entra / Okta: userName eq', `/Users${q('userName eq "U3@acme.test"')}`, 'User'],
    ['Entra: externalId eq', `/Users${q('externalId eq "x2"')}`, 'User'],
    ['Okta: startIndex/count paging', '/Users?startIndex=2&count=2', 'User'],
    ['Entra: Groups displayName eq', `/Groups${q('displayName eq "ops"')}`, 'Group'],
  ])('%s is answered from an index', async (_name, path) => {
    const res = await api('get', path);
    expect(res.status).toBe(200);
    expect(res.body.Resources.length).toBeGreaterThan(0);
  });

  it("Entra's membership check `id eq … and members[value eq …]` is answered from the id index", async () => {
    const hit = await api('get', `/Groups${q(`id eq "${ids['ops']}" and members[value eq "${ids['u1']}"]`)}&excludedAttributes=members`);
    expect([hit.status, hit.body.totalResults]).toEqual([200, 1]);
    const miss = await api('get', `/Groups${q(`members[value eq "${ids['u2']}"] and id eq "${ids['ops']}"`)}`);
    expect([miss.status, miss.body.totalResults]).toEqual([200, 0]);
  });

  it('a scan within maxScan is answered', async () => {
    const res = await api('get', `/Groups${q('displayName co "p"')}`);
    expect([res.status, res.body.totalResults]).toEqual([200, 1]);
  });
});
