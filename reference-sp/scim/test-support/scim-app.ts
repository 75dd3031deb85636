/*
 * What the SCIM router tests share: the URNs and media type, a tenant from a profile and its scim input, an app
 * over a fresh in-memory store (closed by `closeTestStores` in afterEach), and the RFC 7644 §3.12 error-body
 * assertion (status, scimType and the body's shape; never the detail text).
 */
import express, { type Express } from 'express';
import type request from 'supertest';
import { expect } from 'vitest';
import { systemClock } from '../../clock.ts';
import { resolveScimSection, type ScimTenantInput } from '../../config/scim-section.ts';
import type { ProfileName, ReferenceSpConfig, TenantConfig } from '../../config/types.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/types.ts';
import { createScimRouter } from '../router.ts';

export const SCIM = 'application/scim+json';
export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

export const tenant = (id: string, profile: ProfileName, scim: ScimTenantInput): TenantConfig => ({
  id,
  profile,
  saml: {} as TenantConfig['saml'],
  scim: resolveScimSection(profile, scim),
});

export const testConfig = (tenants: readonly TenantConfig[]): ReferenceSpConfig => ({ baseUrl: 'http://sp.test', dataDir: ':memory:', tenants });

const open: Store[] = [];

/** The SCIM router over a store (a fresh in-memory one unless given), as the reference SP mounts it. */
export function scimTestApp(config: ReferenceSpConfig, options: { store?: Store; adminToken?: string } = {}): { app: Express; store: Store } {
  const store = options.store ?? openStore({ path: ':memory:' });
  open.push(store);
  const app = express();
  app.use(createScimRouter({ store, config, clock: systemClock, adminToken: options.adminToken }));
  return { app, store };
}

/** Closes every store scimTestApp opened; call it in afterEach. */
export function closeTestStores(): void {
  while (open.length) open.pop()!.close();
}

export function expectScimError(res: request.Response, status: number, scimType?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain(SCIM);
  expect(res.body.schemas).toEqual([ERROR]);
  expect(res.body.status).toBe(String(status));
  if (scimType === undefined) expect(res.body.scimType).toBeUndefined();
  else expect(res.body.scimType).toBe(scimType);
}
