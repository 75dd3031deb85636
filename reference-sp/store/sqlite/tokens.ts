/*
 * SCIM bearer tokens (the TokenStore port).
 *
 * - Stored as SHA-256 hashes; the clear value is returned once by createToken.
 * - Lookup uses a short prefix of the hash, and the full hashes are compared with crypto.timingSafeEqual.
 * - A token may be linked only to an identity provider scheme the tenant has (Aritma's CreateScimToken).
 * - Tokens found valid are remembered by their hash (at most MAX_REMEMBERED): every SCIM request authenticates, and
 *   the hash + SELECT + JSON per request was about a tenth of the server's CPU in a 100k-user provisioning run
 *   (issue 15). A revocation or a new token empties the memory, so a revoked token is refused by the next request;
 *   only this store writes scim_tokens (the admin API in this process). The map is keyed by the SHA-256 of the
 *   token, so its lookup time says nothing usable about a token's value; misses are never remembered.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { StoreError } from '../errors.ts';
import type { IdentityProviderStore, ScimTokenRow, TokenStore } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';
import type { TenantPort } from './tenants.ts';

export const hashToken = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
const lookupOf = (hash: Buffer): string => hash.subarray(0, 8).toString('hex');
const MAX_REMEMBERED = 1024;

interface TokenDbRow {
  id: string;
  tenant_id: string;
  name: string;
  token_hash: Buffer;
  scopes: string;
  provider_scheme: string | null;
  created: string;
  revoked: string | null;
}

const toToken = (r: TokenDbRow): ScimTokenRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as string[],
  providerScheme: r.provider_scheme,
  created: r.created,
  revoked: r.revoked,
});

export function sqliteTokens(d: SqliteDatabase, tenants: TenantPort, idps: IdentityProviderStore): TokenStore {
  const s = prepareAll(d.db, {
    insert: sql<[id: string, tenantId: string, name: string, hash: Buffer, lookup: string, scopes: string, providerScheme: string | null, created: string]>(
      `INSERT INTO scim_tokens (id, tenant_id, name, token_hash, lookup, scopes, provider_scheme, created, revoked)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    byLookup: sql<[lookup: string], TokenDbRow>('SELECT * FROM scim_tokens WHERE lookup = ? AND revoked IS NULL'),
    list: sql<[tenantId: string], TokenDbRow>('SELECT * FROM scim_tokens WHERE tenant_id = ? ORDER BY created, id'),
    get: sql<[tenantId: string, id: string], TokenDbRow>('SELECT * FROM scim_tokens WHERE tenant_id = ? AND id = ?'),
    revoke: sql<[revoked: string, tenantId: string, id: string]>('UPDATE scim_tokens SET revoked = ? WHERE tenant_id = ? AND id = ? AND revoked IS NULL'),
  });
  const valid = new Map<string, ScimTokenRow>();
  return {
    createToken(tenantId, token) {
      valid.clear();
      // 30 random bytes → a 40-character base64url value (Particle's API user tokens are 40 characters).
      const value = token.value ?? randomBytes(30).toString('base64url');
      if (value.length < 16) throw new StoreError('invalid/token-value', 'a token value needs at least 16 characters');
      const hash = hashToken(value);
      const id = randomUUID();
      return d.transaction(() => {
        tenants.ensureTenant(tenantId);
        if (token.providerScheme != null && !idps.getIdentityProvider(tenantId, token.providerScheme)) {
          throw new StoreError('not-found/provider', `provider "${token.providerScheme}" does not match the scheme of an identity provider of this tenant`);
        }
        s.insert.run(id, tenantId, token.name, hash, lookupOf(hash), JSON.stringify(token.scopes ?? []), token.providerScheme ?? null, d.now());
        return { token: toToken(s.get.get(tenantId, id)!), value };
      });
    },

    authenticateToken(value) {
      const hash = hashToken(value);
      const key = hash.toString('hex');
      const remembered = valid.get(key);
      if (remembered !== undefined) return remembered;
      let found: ScimTokenRow | undefined;
      // Compare every candidate sharing the lookup prefix, in constant time per comparison.
      for (const r of s.byLookup.all(lookupOf(hash))) {
        if (r.token_hash.length === hash.length && timingSafeEqual(r.token_hash, hash)) found = toToken(r);
      }
      if (found !== undefined) {
        if (valid.size >= MAX_REMEMBERED) valid.clear();
        found = Object.freeze({ ...found, scopes: Object.freeze([...found.scopes]) });
        valid.set(key, found);
      }
      return found;
    },

    listTokens: (tenantId) => s.list.all(tenantId).map(toToken),

    revokeToken(tenantId, id) {
      valid.clear();
      s.revoke.run(d.now(), tenantId, id);
      const r = s.get.get(tenantId, id);
      return r && toToken(r);
    },
  };
}
