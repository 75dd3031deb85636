/*
 * The SCIM operations on one resource type, independent of HTTP so that /Bulk runs the very same code.
 *
 * - POST → 201 with Location and meta (RFC 7644 §3.3); uniqueness → 409 uniqueness.
 * - GET /{id} → 200, or 304 when If-None-Match matches (§3.14); unknown id → 404 (§3.12).
 * - PUT replaces (§3.5.1): readOnly attributes from the client are ignored, id/meta kept.
 * - PATCH (§3.5.2): a group PATCH that only adds and removes members is a membership delta: the rows it names
 *   are looked up, inserted and deleted, O(members named) whatever the group's size (PatchOp.memberDelta).
 *   Any other PatchOp is applied to the current resource, built with its derived attribute (members, groups)
 *   only when an operation may touch it, then stored (a group's members as a difference). Users answer 200
 *   with the resource; Groups answer 204 with the ETag unless attributes or excludedAttributes were asked for
 *   (§3.5.2 allows either; Entra's group PATCH expects 204, and a large group's member list is not worth
 *   reading, let alone sending back).
 * - DELETE → 204 (§3.6); afterwards the resource is gone (404) and removed from every group.
 * - If-Match on PUT/PATCH/DELETE → 412 when it does not match meta.version (§3.14).
 * - Each write runs in one store transaction: the precondition check, the read and the write see the same
 *   state, and an error leaves nothing half-written.
 * - Query (§3.4.2): filter, sortBy/sortOrder, startIndex/count (1-based; count capped at the tenant's
 *   maxCount, a negative count is 0), attributes/excludedAttributes; the order without sortBy is creation order
 *   (stable across pages).
 * - Bounded work (RFC 7644 §3.4.2.2, §3.12 Table 9 tooMany: "the specified filter yields many more results than
 *   the server is willing to calculate or process"): a filter or sortBy no index serves (./query-plan.ts) examines
 *   every resource of the type; when the tenant holds more than its `maxScan`, the query is refused with 400
 *   tooMany before anything is read, and so is an index probe that yields more than maxScan candidates. The
 *   filters Entra and Okta send are all index-served, whatever the tenant's size.
 * - Lenient mode: whatever the protocol layer tolerated is recorded for the tenant (for a query, once it has
 *   been answered: a refused query records nothing).
 * - Nothing the response will not return is built (./needs.ts): a query filters and sorts resources built with
 *   only what the filter and sortBy name, pages, and only then builds the page's rows with what the projection
 *   returns — one batched read per page for members (and their display) or groups, never one per member.
 */
import type { JsonObject, Store } from '../../store/types.ts';
import { checkIfMatch, etagOf, notModified } from '../http/etag.ts';
import { ScimError } from '../types/errors.ts';
import type { ScimTenant } from '../tenancy.ts';
import type { ResourceKind, StoredRow } from './kinds.ts';
import { covers, evaluationNeeds, responseNeeds, type Needs } from './needs.ts';
import type { Projection, ScimProtocol, SearchParams, Tolerated } from './protocol-port.ts';
import { planFilter } from './query-plan.ts';

export interface ServiceContext {
  readonly store: Store;
  readonly tenant: ScimTenant;
  /** Absolute base URL of the tenant's SCIM API as the request reached it. */
  readonly base: string;
  readonly protocol: ScimProtocol;
}

export interface ServiceResult {
  readonly status: number;
  readonly body?: JsonObject | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

const notFound = (kind: ResourceKind, id: string) => ScimError.notFound(`${kind.type} ${id} not found`);

/** `created`: the row was inserted by this request, so no group holds it yet (User.groups is empty, not read). */
function single(ctx: ServiceContext, kind: ResourceKind, row: StoredRow, status: number, projection: Projection, location: boolean, created = false): ServiceResult {
  const asked = responseNeeds(ctx.protocol, ctx.tenant.registry, kind.type, projection);
  const needs = created ? { ...asked, withGroups: false } : asked;
  const [full] = kind.represent(ctx.store, ctx.tenant.id, [row], ctx.base, needs);
  const body = ctx.protocol.project(ctx.tenant.registry, kind.type, full!, projection);
  const headers: Record<string, string> = { ETag: etagOf(row.version) };
  if (location) headers['Location'] = `${ctx.base}/${kind.endpoint}/${row.id}`;
  return { status, body, headers };
}

function recordTolerated(ctx: ServiceContext, kind: ResourceKind, operation: string, tolerated: readonly Tolerated[]): void {
  for (const t of tolerated) {
    ctx.store.recordTolerance(ctx.tenant.id, { code: t.code, detail: t.detail, resourceType: kind.type, operation });
  }
}

export function createResource(ctx: ServiceContext, kind: ResourceKind, body: JsonObject, projection: Projection = {}): ServiceResult {
  const { resource, tolerated } = ctx.protocol.validate(ctx.tenant.registry, kind.type, body, {
    mode: ctx.tenant.scim.mode,
    operation: 'create',
  });
  return ctx.store.transaction(() => {
    const row = kind.insert(ctx.store, ctx.tenant.id, resource);
    recordTolerated(ctx, kind, 'create', tolerated);
    return single(ctx, kind, row, 201, projection, true, true);
  });
}

export function readResource(ctx: ServiceContext, kind: ResourceKind, id: string, projection: Projection = {}, ifNoneMatch?: string): ServiceResult {
  const row = kind.get(ctx.store, ctx.tenant.id, id);
  if (!row) throw notFound(kind, id);
  if (notModified(ifNoneMatch, row.version)) return { status: 304, headers: { ETag: etagOf(row.version) } };
  return single(ctx, kind, row, 200, projection, true);
}

export function replaceResource(ctx: ServiceContext, kind: ResourceKind, id: string, body: JsonObject, ifMatch?: string, projection: Projection = {}): ServiceResult {
  const { resource, tolerated } = ctx.protocol.validate(ctx.tenant.registry, kind.type, body, {
    mode: ctx.tenant.scim.mode,
    operation: 'replace',
  });
  return ctx.store.transaction(() => {
    const current = kind.get(ctx.store, ctx.tenant.id, id);
    if (!current) throw notFound(kind, id);
    checkIfMatch(ifMatch, current.version);
    const row = kind.replace(ctx.store, ctx.tenant.id, id, resource);
    if (!row) throw notFound(kind, id);
    recordTolerated(ctx, kind, 'replace', tolerated);
    return single(ctx, kind, row, 200, projection, true);
  });
}

export function patchResource(ctx: ServiceContext, kind: ResourceKind, id: string, body: JsonObject, ifMatch?: string, projection: Projection = {}): ServiceResult {
  const { registry, scim } = ctx.tenant;
  return ctx.store.transaction(() => {
    const current = kind.get(ctx.store, ctx.tenant.id, id);
    if (!current) throw notFound(kind, id);
    checkIfMatch(ifMatch, current.version);
    const patch = ctx.protocol.parsePatch(registry, kind.type, scim.mode, body);
    const { members } = kind;
    const delta = members && patch.memberDelta((memberId) => members.has(ctx.store, ctx.tenant.id, id, memberId));
    let row: StoredRow = current;
    if (delta) {
      // Members added and removed: only the rows named are read and written (the membership delta path).
      row = members!.change(ctx.store, ctx.tenant.id, id, delta.add, delta.remove) ?? current;
      recordTolerated(ctx, kind, 'patch', delta.tolerated);
    } else {
      // The PatchOp applies to the whole resource; the derived attribute (members, groups) is built only when an
      // operation may read or change it, and a member's display is not stored, so it is never looked up.
      const derived = patch.touches(kind.derived);
      const [full] = kind.represent(ctx.store, ctx.tenant.id, [current], ctx.base, { withMembers: derived, withGroups: derived, memberDisplay: false });
      const patched = patch.apply(full!);
      if (patched.changed) {
        const replaced = kind.replace(ctx.store, ctx.tenant.id, id, patched.resource, !derived);
        if (!replaced) throw notFound(kind, id);
        row = replaced;
      }
      recordTolerated(ctx, kind, 'patch', patched.tolerated);
    }
    const asked = projection.attributes !== undefined || projection.excludedAttributes !== undefined;
    if (kind.type === 'Group' && !asked) return { status: 204, headers: { ETag: etagOf(row.version) } };
    return single(ctx, kind, row, 200, projection, true);
  });
}

export function deleteResource(ctx: ServiceContext, kind: ResourceKind, id: string, ifMatch?: string): ServiceResult {
  return ctx.store.transaction(() => {
    const current = kind.get(ctx.store, ctx.tenant.id, id);
    if (!current) throw notFound(kind, id);
    checkIfMatch(ifMatch, current.version);
    kind.delete(ctx.store, ctx.tenant.id, id);
    return { status: 204, headers: {} };
  });
}

/** startIndex (1-based, at least 1) and count (0 ≤ count ≤ maxCount; default defaultCount), §3.4.2.4. */
export function pageOf(ctx: ServiceContext, search: SearchParams): { startIndex: number; count: number } {
  const { pagination } = ctx.tenant.scim;
  const startIndex = Math.max(1, Math.trunc(search.startIndex ?? 1));
  const count = Math.min(Math.max(0, Math.trunc(search.count ?? pagination.defaultCount)), pagination.maxCount);
  return { startIndex, count };
}

/** A matching row and the resource it was evaluated as (built with `built`, not yet projected). */
export interface Candidate {
  readonly row: StoredRow;
  readonly resource: JsonObject;
  readonly built: Needs;
}

/** Every resource of `kind` matching the filter, sorted (or in creation order), built only as far as the filter and sortBy need. */
export function matchingResources(ctx: ServiceContext, kind: ResourceKind, search: SearchParams): Candidate[] {
  const { registry } = ctx.tenant;
  const probe = planFilter(search.filter, kind.type);
  let rows: StoredRow[];
  if (probe) {
    rows = kind.probe(ctx.store, ctx.tenant.id, probe);
    if (rows.length > ctx.tenant.scim.maxScan) throw tooManyToScan(ctx, kind, rows.length);
  } else {
    refuseScanBeyondMaxScan(ctx, kind);
    rows = kind.list(ctx.store, ctx.tenant.id);
  }
  const built = evaluationNeeds(kind.type, search);
  const resources = kind.represent(ctx.store, ctx.tenant.id, rows, ctx.base, built);
  let matched: Candidate[] = rows.map((row, i) => ({ row, resource: resources[i]!, built }));
  if (search.filter !== undefined) {
    const predicate = ctx.protocol.predicate(registry, kind.type, search.filter);
    matched = matched.filter((c) => predicate(c.resource));
  }
  if (search.sortBy !== undefined) {
    // Array.prototype.sort is stable: ties keep creation order.
    const compare = ctx.protocol.comparator(registry, kind.type, search.sortBy, search.sortOrder);
    matched = [...matched].sort((a, b) => compare(a.resource, b.resource));
  }
  return matched;
}

/** A query no index serves reads every resource of the type: refused beyond the tenant's maxScan (§3.4.2.2). */
function refuseScanBeyondMaxScan(ctx: ServiceContext, kind: ResourceKind): void {
  const total = kind.count(ctx.store, ctx.tenant.id);
  if (total > ctx.tenant.scim.maxScan) throw tooManyToScan(ctx, kind, total);
}

const tooManyToScan = (ctx: ServiceContext, kind: ResourceKind, n: number): ScimError =>
  ScimError.tooMany(
    `this filter or sortBy would examine ${n} ${kind.endpoint}; without an index the server examines at most ` +
      `${ctx.tenant.scim.maxScan}. Filter with eq on id, externalId or ${kind.type === 'User' ? 'userName' : 'displayName'} ` +
      '(alone or with and), or page without filter and sortBy',
  );

/** The page's candidates as the response returns them: completed (one batched read) where needed, projected. */
export function responseResources(ctx: ServiceContext, kind: ResourceKind, page: readonly Candidate[], projection: Projection): JsonObject[] {
  const needs = responseNeeds(ctx.protocol, ctx.tenant.registry, kind.type, projection);
  const incomplete = page.filter((c) => !covers(c.built, needs));
  const rebuilt = new Map<StoredRow, JsonObject>();
  if (incomplete.length > 0) {
    const resources = kind.represent(
      ctx.store,
      ctx.tenant.id,
      incomplete.map((c) => c.row),
      ctx.base,
      needs,
    );
    for (const [i, c] of incomplete.entries()) rebuilt.set(c.row, resources[i]!);
  }
  return page.map((c) => ctx.protocol.project(ctx.tenant.registry, kind.type, rebuilt.get(c.row) ?? c.resource, projection));
}

/** A lenient query's tolerances, recorded in a transaction of their own (so they share the group commit). */
function recordQueryTolerated(ctx: ServiceContext, resourceType: string | undefined, search: SearchParams): void {
  const tolerated = search.tolerated ?? [];
  if (tolerated.length === 0) return;
  ctx.store.transaction(() => {
    for (const t of tolerated) {
      ctx.store.recordTolerance(ctx.tenant.id, { code: t.code, detail: t.detail, resourceType, operation: 'query' });
    }
  });
}

export function queryResources(ctx: ServiceContext, kind: ResourceKind, search: SearchParams): ServiceResult {
  const { startIndex, count } = pageOf(ctx, search);
  let total: number;
  let projected: JsonObject[];
  if (search.filter === undefined && search.sortBy === undefined) {
    // Creation order straight from the store: only the requested page is read, and built once.
    total = kind.count(ctx.store, ctx.tenant.id);
    const rows = count === 0 ? [] : kind.list(ctx.store, ctx.tenant.id, { offset: startIndex - 1, limit: count });
    const needs = responseNeeds(ctx.protocol, ctx.tenant.registry, kind.type, search);
    projected = kind.represent(ctx.store, ctx.tenant.id, rows, ctx.base, needs).map((r) => ctx.protocol.project(ctx.tenant.registry, kind.type, r, search));
  } else {
    const matched = matchingResources(ctx, kind, search);
    total = matched.length;
    projected = responseResources(ctx, kind, matched.slice(startIndex - 1, startIndex - 1 + count), search);
  }
  recordQueryTolerated(ctx, kind.type, search); // only once the query has been answered
  return { status: 200, body: ctx.protocol.listResponse(projected, total, startIndex), headers: {} };
}

/** POST /.search at the root (§3.4.3): Users then Groups, filtered and paged together. */
export function searchAll(ctx: ServiceContext, kinds: readonly ResourceKind[], search: SearchParams): ServiceResult {
  const all = kinds.flatMap((kind) => matchingResources(ctx, kind, search).map((c) => ({ kind, c })));
  const { startIndex, count } = pageOf(ctx, search);
  const page = all.slice(startIndex - 1, startIndex - 1 + count);
  const projected = new Map<Candidate, JsonObject>();
  for (const kind of kinds) {
    const mine = page.filter((p) => p.kind === kind).map((p) => p.c);
    for (const [i, r] of responseResources(ctx, kind, mine, search).entries()) projected.set(mine[i]!, r);
  }
  recordQueryTolerated(ctx, undefined, search);
  return {
    status: 200,
    body: ctx.protocol.listResponse(
      page.map((p) => projected.get(p.c)!),
      all.length,
      startIndex,
    ),
    headers: {},
  };
}
