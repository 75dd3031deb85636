/*
 * The per-tenant SCIM rate limit (issue 8, item 11): a tenant over its token bucket gets 429 with Retry-After
 * and an RFC 7644 §3.12 body; other tenants, and requests without the tenant's token, are not affected.
 */
import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.ts';
import { resolveScimSection, type ScimTenantInput } from '../config/scim-section.ts';
import type { ReferenceSpConfig, TenantConfig } from '../config/types.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/types.ts';
import { createScimRouter } from './router.ts';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const tokenOf = (id: string) => `${id}-tenancy-test-token-0000000001`;
const tenant = (id: string, scim: ScimTenantInput): TenantConfig => ({
  id,
  profile: 'generic',
  saml: {} as TenantConfig['saml'],
  scim: resolveScimSection('generic', { tokens: [{ value: tokenOf(id) }], ...scim }),
});

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function app(...tenants: TenantConfig[]) {
  const store = openStore({ path: ':memory:' });
  opened.push(store);
  const config: ReferenceSpConfig = { baseUrl: 'http://sp.test', dataDir: ':memory:', tenants };
  const a = express();
  a.use(createScimRouter({ store, config, clock: systemClock }));
  return (id: string, token = tokenOf(id)) => request(a).get(`/scim/v2/${id}/Users`).auth(token, { type: 'bearer' });
}

describe('per-tenant SCIM rate limit', () => {
  it('admits the burst, then answers 429 with Retry-After and a SCIM error body', async () => {
    const get = app(tenant('acme', { rateLimit: { requestsPerSecond: 0.1, burst: 2 } }));
    expect((await get('acme')).status).toBe(200);
    expect((await get('acme')).status).toBe(200);
    const refused = await get('acme');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(refused.body).toMatchObject({ schemas: [ERROR], status: '429' });
    expect(refused.body.scimType).toBeUndefined();
  });

  it('counts per tenant: another tenant is not affected', async () => {
    const get = app(tenant('acme', { rateLimit: { requestsPerSecond: 0.1, burst: 1 } }), tenant('globex', {}));
    await get('acme');
    expect((await get('acme')).status).toBe(429);
    expect((await get('globex')).status).toBe(200);
  });

  it('requests without the tenant’s token do not use up its budget', async () => {
    const get = app(tenant('acme', { rateLimit: { requestsPerSecond: 0.1, burst: 1 } }));
    for (let i = 0; i < 5; i++) expect((await get('acme', 'not-the-token')).status).toBe(401);
    expect((await get('acme')).status).toBe(200);
  });

  it('rateLimit false turns it off', async () => {
    const get = app(tenant('acme', { rateLimit: false }));
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await get('acme')).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});
