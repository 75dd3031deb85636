/*
 * Identity providers of a tenant (Aritma's admin flow): one row per scheme; a SCIM token may be linked to one.
 */
import { StoreError } from '../errors.ts';
import type { IdentityProviderRow, IdentityProviderStore } from '../types.ts';
import { isUniqueViolation, type SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';
import type { TenantPort } from './tenants.ts';

interface IdpDbRow {
  tenant_id: string;
  scheme: string;
  type: 'entra';
  auto_provisioning_enabled: number;
  created: string;
}

const toIdp = (r: IdpDbRow): IdentityProviderRow => ({
  tenantId: r.tenant_id,
  scheme: r.scheme,
  type: r.type,
  autoProvisioningEnabled: r.auto_provisioning_enabled === 1,
  created: r.created,
});

export function sqliteIdentityProviders(d: SqliteDatabase, tenants: TenantPort): IdentityProviderStore {
  const s = prepareAll(d.db, {
    insert: sql<[tenantId: string, scheme: string, type: string, autoProvisioning: number, created: string]>(
      'INSERT INTO identity_providers (tenant_id, scheme, type, auto_provisioning_enabled, created) VALUES (?, ?, ?, ?, ?)',
    ),
    get: sql<[tenantId: string, scheme: string], IdpDbRow>('SELECT * FROM identity_providers WHERE tenant_id = ? AND scheme = ?'),
    list: sql<[tenantId: string], IdpDbRow>('SELECT * FROM identity_providers WHERE tenant_id = ? ORDER BY created, scheme'),
  });
  const port: IdentityProviderStore = {
    createIdentityProvider(tenantId, idp) {
      return d.transaction(() => {
        tenants.ensureTenant(tenantId);
        try {
          s.insert.run(tenantId, idp.scheme, idp.type, idp.autoProvisioningEnabled ? 1 : 0, d.now());
        } catch (e) {
          if (isUniqueViolation(e) || (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw new StoreError('uniqueness/idp-scheme', `an identity provider with scheme "${idp.scheme}" exists`);
          }
          throw e;
        }
        return port.getIdentityProvider(tenantId, idp.scheme)!;
      });
    },
    getIdentityProvider(tenantId, scheme) {
      const r = s.get.get(tenantId, scheme);
      return r && toIdp(r);
    },
    listIdentityProviders: (tenantId) => s.list.all(tenantId).map(toIdp),
  };
  return port;
}
