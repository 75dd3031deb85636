/*
 * /Bulk — RFC 7644 §3.7.
 *
 * - Operations run in order, each through the same service code as the single-resource endpoints and each in
 *   its own transaction (§3.7: bulk is not atomic; a failed operation leaves nothing half-written).
 * - `bulkId:{id}` anywhere in `path` or `data` refers to the resource a POST in the same request created
 *   (§3.7.2). An operation whose reference names a bulkId not created yet is retried after the others; one
 *   that still cannot be resolved (unknown or circular) fails with 409.
 * - failOnErrors: after that many errors the remaining operations are not run (§3.7.3).
 * - Each operation needs the scope of its method (seed 000 scopes) when the tenant enforces scopes.
 * - The per-operation result carries method, bulkId, version, location and a string status; failures carry
 *   the §3.12 error body as `response`.
 */
import type { JsonObject } from '../store/types.ts';
import { operationOf, requireScope } from './http/scopes.ts';
import { toScimError } from './http/to-scim-error.ts';
import { groupKind, userKind, type ResourceKind } from './resources/kinds.ts';
import type { BulkOperationRequest } from './resources/protocol-port.ts';
import { createResource, deleteResource, patchResource, replaceResource, type ServiceContext, type ServiceResult } from './resources/service.ts';
import type { ScimTokenRow } from '../store/types.ts';
import { ScimError } from './types/errors.ts';

const REF = /^bulkId:(.+)$/;

/** Every bulkId referenced by a string in `v`. */
function referencesIn(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') {
    const m = REF.exec(v);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(v)) for (const x of v) referencesIn(x, out);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) referencesIn(x, out);
  return out;
}

function substitute(v: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof v === 'string') {
    const m = REF.exec(v);
    return m && ids.has(m[1]!) ? ids.get(m[1]!) : v;
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, ids));
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, ids)]));
  }
  return v;
}

function target(path: string): { kind: ResourceKind; id?: string } {
  const m = /^\/(Users|Groups)(?:\/([^/]+))?\/?$/i.exec(path);
  if (!m) throw ScimError.invalidPath(`bulk operation path "${path}" is not /Users, /Groups or /{type}/{id}`);
  const kind = m[1]!.toLowerCase() === 'users' ? userKind : groupKind;
  return m[2] !== undefined ? { kind, id: decodeURIComponent(m[2]) } : { kind };
}

function runOne(ctx: ServiceContext, token: ScimTokenRow, op: BulkOperationRequest): ServiceResult {
  requireScope(ctx.tenant.scim, token, operationOf(op.method));
  const { kind, id } = target(op.path);
  const needsId = op.method !== 'POST';
  if (needsId !== (id !== undefined)) {
    throw ScimError.invalidPath(`${op.method} needs a path ${needsId ? 'with' : 'without'} a resource id`);
  }
  const data = op.data ?? {};
  switch (op.method) {
    case 'POST':
      return createResource(ctx, kind, data);
    case 'PUT':
      return replaceResource(ctx, kind, id!, data, op.version);
    case 'PATCH':
      return patchResource(ctx, kind, id!, data, op.version);
    case 'DELETE':
      return deleteResource(ctx, kind, id!, op.version);
  }
}

export function runBulk(
  ctx: ServiceContext,
  token: ScimTokenRow,
  operations: readonly BulkOperationRequest[],
  failOnErrors: number | undefined,
): JsonObject[] {
  const ids = new Map<string, string>();
  const results: (JsonObject | undefined)[] = operations.map(() => undefined);
  const declared = new Set(operations.map((o) => o.bulkId).filter((b): b is string => b !== undefined));
  let errors = 0;
  let pending = operations.map((_, i) => i);
  const stop = () => failOnErrors !== undefined && failOnErrors > 0 && errors >= failOnErrors;

  const record = (i: number, op: BulkOperationRequest, r: JsonObject) => {
    results[i] = { method: op.method, ...(op.bulkId !== undefined ? { bulkId: op.bulkId } : {}), ...r };
  };

  while (pending.length > 0 && !stop()) {
    const deferred: number[] = [];
    for (const i of pending) {
      if (stop()) break;
      const op = operations[i]!;
      const refs = referencesIn([op.path, op.data], new Set());
      const unresolved = [...refs].filter((r) => !ids.has(r));
      if (unresolved.some((r) => declared.has(r) && results[operations.findIndex((o) => o.bulkId === r)] === undefined)) {
        deferred.push(i);
        continue;
      }
      try {
        if (unresolved.length > 0) {
          throw ScimError.conflict(`bulkId reference(s) ${unresolved.map((r) => `"${r}"`).join(', ')} cannot be resolved`);
        }
        const resolved = substitute({ path: op.path, data: op.data }, ids) as { path: string; data?: JsonObject };
        const res = runOne(ctx, token, { ...op, path: resolved.path, data: resolved.data });
        const location = res.headers['Location'];
        if (op.method === 'POST' && op.bulkId !== undefined && location) ids.set(op.bulkId, location.split('/').pop()!);
        record(i, op, {
          status: String(res.status),
          ...(location ? { location } : {}),
          ...(res.headers['ETag'] ? { version: res.headers['ETag'] } : {}),
        });
      } catch (e) {
        const err = toScimError(e);
        if (err.status >= 500) console.error('bulk operation failed', e);
        errors++;
        record(i, op, { status: String(err.status), response: err.toJSON() as unknown as JsonObject });
      }
    }
    if (deferred.length === pending.length) {
      // No progress: every remaining operation waits on another one — a circular reference (§3.7.1).
      for (const i of deferred) {
        errors++;
        const err = ScimError.conflict('circular bulkId references cannot be resolved');
        record(i, operations[i]!, { status: '409', response: err.toJSON() as unknown as JsonObject });
        if (stop()) break;
      }
      break;
    }
    pending = deferred;
  }
  return results.filter((r): r is JsonObject => r !== undefined);
}
