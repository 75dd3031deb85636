/*
 * Running a /Bulk request — RFC 7644 §3.7. The message is parsed by messages/bulk-request.ts; this file runs it.
 *
 * - Operations run in request order, each through the same service code as the single-resource endpoints and
 *   each in its own transaction (§3.7: bulk is not atomic; a failed operation leaves nothing half-written).
 * - `bulkId:{id}` in the path or data refers to the resource a POST of the same request created (§3.7.2). An
 *   operation referring to a POST that has not run yet waits until it has (forward references); references
 *   that can never resolve — to an unknown or failed POST, or circular (§3.7.1) — fail with 409.
 * - failOnErrors: once that many operations failed, the rest are not run and not reported (§3.7.3).
 * - Each operation needs the scope of its method when the tenant enforces scopes (seed 000).
 * - A malformed operation is reported on its own entry; it does not sink the request.
 * - Between operations the run yields to the event loop (each operation is its own transaction, so nothing is
 *   half-done at a yield): a maximal Bulk request (maxOperations) delays other requests by one operation's
 *   work, not by the whole request's.
 */
import { bulkResponse, referencedBulkIds, resolveBulkIds, type BulkOperation, type BulkOperationResult, type BulkRequest } from './messages/bulk-request.ts';
import type { JsonObject, ScimTokenRow } from '../store/types.ts';
import { operationOf, requireScope } from './http/scopes.ts';
import { toScimError } from './http/to-scim-error.ts';
import { groupKind, userKind } from './resources/kinds.ts';
import { createResource, deleteResource, patchResource, replaceResource, type ServiceContext, type ServiceResult } from './resources/service.ts';
import { ScimError } from './types/errors.ts';

function runOne(ctx: ServiceContext, token: ScimTokenRow, op: BulkOperation, ids: ReadonlyMap<string, string>): { result: ServiceResult; id: string | undefined } {
  const method = op.method!;
  requireScope(ctx.tenant.scim, token, operationOf(method));
  const kind = op.resourceType === 'Group' ? groupKind : userKind;
  const id = op.resourceId === undefined ? undefined : resolveBulkIds(op.resourceId, ids);
  const data = (resolveBulkIds(op.data, ids) ?? {}) as JsonObject;
  switch (method) {
    case 'POST': {
      const result = createResource(ctx, kind, data);
      return { result, id: result.body?.['id'] as string | undefined };
    }
    case 'PUT':
      return { result: replaceResource(ctx, kind, id!, data, op.version), id };
    case 'PATCH':
      return { result: patchResource(ctx, kind, id!, data, op.version), id };
    case 'DELETE':
      return { result: deleteResource(ctx, kind, id!, op.version), id };
  }
}

/** Lets other requests run: setImmediate comes after pending I/O callbacks. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runBulk(ctx: ServiceContext, token: ScimTokenRow, request: BulkRequest): Promise<JsonObject> {
  const ops = request.operations;
  const ids = new Map<string, string>();
  const results: (BulkOperationResult | undefined)[] = ops.map(() => undefined);
  const postIndex = new Map(ops.filter((o) => o.method === 'POST' && o.bulkId !== undefined && !o.error).map((o) => [o.bulkId!, o.index]));
  let errors = 0;
  const stop = () => request.failOnErrors !== undefined && errors >= request.failOnErrors;
  const base = (op: BulkOperation) => ({ method: op.method, ...(op.bulkId !== undefined ? { bulkId: op.bulkId } : {}) });
  const fail = (op: BulkOperation, e: unknown) => {
    const error = toScimError(e);
    if (error.status >= 500) console.error('bulk operation failed', e);
    errors++;
    results[op.index] = { ...base(op), status: error.status, error };
  };

  let pending = [...ops];
  while (pending.length > 0 && !stop()) {
    const deferred: BulkOperation[] = [];
    for (const op of pending) {
      if (stop()) break;
      if (op.error) {
        fail(op, op.error);
        continue;
      }
      // Wait for a POST of this request that has not run yet (forward reference, §3.7.2).
      const waitsOn = referencedBulkIds(op).some((r) => {
        const at = postIndex.get(r);
        return !ids.has(r) && at !== undefined && at !== op.index && results[at] === undefined;
      });
      if (waitsOn) {
        deferred.push(op);
        continue;
      }
      await yieldToEventLoop();
      try {
        const { result, id } = runOne(ctx, token, op, ids);
        if (op.method === 'POST' && op.bulkId !== undefined && id !== undefined) ids.set(op.bulkId, id);
        const location = id !== undefined ? `${ctx.base}/${op.resourceType === 'Group' ? 'Groups' : 'Users'}/${id}` : undefined;
        results[op.index] = {
          ...base(op),
          status: result.status,
          ...(location !== undefined ? { location } : {}),
          ...(result.headers['ETag'] !== undefined ? { version: result.headers['ETag'] } : {}),
        };
      } catch (e) {
        fail(op, e);
      }
    }
    if (deferred.length === pending.length) {
      // No progress: the remaining operations wait on each other — circular references (§3.7.1).
      for (const op of deferred) {
        if (stop()) break;
        fail(op, ScimError.conflict('circular bulkId references cannot be resolved'));
      }
      break;
    }
    pending = deferred;
  }
  return bulkResponse(results.filter((r): r is BulkOperationResult => r !== undefined));
}
