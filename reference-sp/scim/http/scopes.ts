/*
 * Which token scope each operation needs (Particle's API-user scopes, seed 000):
 *   create (POST) → teams.users:invite      delete (DELETE) → teams.users:remove
 *   read (GET, filter, .search) → teams.users:list      update (PUT, PATCH) → teams.users:update
 * Enforced only for tenants with `enforceScopes`; a missing scope → 403 (RFC 7644 §3.12: "the client is not
 * authorized to perform the operation"). Discovery endpoints need a valid token but no scope.
 */
import type { ScimTokenRow } from '../../store/types.ts';
import type { ScimTenantConfig } from '../../config/scim-section.ts';
import { ScimError } from '../types/errors.ts';

export type Operation = 'create' | 'read' | 'update' | 'delete';

export const SCOPE_FOR: Readonly<Record<Operation, string>> = {
  create: 'teams.users:invite',
  delete: 'teams.users:remove',
  read: 'teams.users:list',
  update: 'teams.users:update',
};

export function operationOf(method: string): Operation {
  switch (method.toUpperCase()) {
    case 'POST':
      return 'create';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return 'read';
  }
}

export function requireScope(scim: ScimTenantConfig, token: ScimTokenRow, op: Operation): void {
  if (!scim.enforceScopes) return;
  const scope = SCOPE_FOR[op];
  if (!token.scopes.includes(scope)) {
    throw ScimError.forbidden(`the token lacks the scope "${scope}" needed to ${op}`);
  }
}
