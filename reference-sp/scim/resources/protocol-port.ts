/*
 * The pure SCIM protocol functions the resource services use, gathered behind one interface so the services
 * depend on what they need and not on module layout. ./protocol.ts binds it to reference-sp/scim/{types,
 * schemas,messages}.
 */
import type { JsonObject } from '../../store/types.ts';
import type { ScimMode } from '../../config/scim-section.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import type { FilterNode } from '../types/filter/ast.ts';

export type ResourceTypeName = 'User' | 'Group';

/** One lenient acceptance: a stable code and what was accepted. */
export interface Tolerated {
  readonly code: string;
  readonly detail: string;
}

export interface Projection {
  readonly attributes?: readonly string[] | undefined;
  readonly excludedAttributes?: readonly string[] | undefined;
}

export interface PageLimits {
  readonly defaultCount: number;
  readonly maxCount: number;
}

export interface SearchParams extends Projection {
  readonly filter?: FilterNode | undefined;
  readonly sortBy?: string | undefined;
  readonly sortOrder?: 'ascending' | 'descending' | undefined;
  readonly startIndex?: number | undefined;
  readonly count?: number | undefined;
  /** What lenient parsing of the request accepted (recorded for the tenant like any other tolerance). */
  readonly tolerated?: readonly Tolerated[] | undefined;
}

/** A PatchOp message whose body has been checked (RFC 7644 §3.5.2). */
export interface ParsedPatch {
  /** Applies it to a full resource; the result is validated like a PUT. */
  apply(resource: JsonObject): { resource: JsonObject; tolerated: readonly Tolerated[]; changed: boolean };
  /** Whether it may read or change the core attribute `name` (else the resource need not be built with it). */
  touches(name: string): boolean;
  /**
   * A group PATCH that only adds and removes members, as member rows to insert and delete, worked out from
   * `isMember` lookups of the values it names; undefined for any other PATCH.
   */
  memberDelta(isMember: (value: string) => boolean): { add: readonly string[]; remove: readonly string[]; tolerated: readonly Tolerated[] } | undefined;
}

export interface ScimProtocol {
  /** Validates a POST/PUT body; strips readOnly attributes; lenient mode coerces and reports what it tolerated. */
  validate(
    registry: SchemaRegistry,
    resourceType: ResourceTypeName,
    body: JsonObject,
    options: { readonly mode: ScimMode; readonly operation: 'create' | 'replace' },
  ): { resource: JsonObject; tolerated: readonly Tolerated[] };
  /** Reads a PatchOp message (RFC 7644 §3.5.2), checking its whole body before anything is applied. */
  parsePatch(registry: SchemaRegistry, resourceType: ResourceTypeName, mode: ScimMode, body: JsonObject): ParsedPatch;
  project(registry: SchemaRegistry, resourceType: ResourceTypeName, resource: JsonObject, projection: Projection): JsonObject;
  /** A filter predicate; throws 400 invalidFilter for filters the schema does not allow. */
  predicate(registry: SchemaRegistry, resourceType: ResourceTypeName, filter: FilterNode): (r: JsonObject) => boolean;
  comparator(registry: SchemaRegistry, resourceType: ResourceTypeName, sortBy: string, sortOrder: 'ascending' | 'descending' | undefined): (a: JsonObject, b: JsonObject) => number;
  /** `mode`: the tenant's; lenient accepts the filter forms the parser tolerates and lists them in `tolerated`. */
  searchFromQuery(query: Record<string, unknown>, limits: PageLimits, mode?: ScimMode): SearchParams;
  searchFromBody(body: JsonObject, limits: PageLimits, mode?: ScimMode): SearchParams;
  /** Projection parameters of a GET/POST/PUT/PATCH on one resource (§3.9). */
  projectionFromQuery(query: Record<string, unknown>): Projection;
  listResponse(resources: readonly JsonObject[], totalResults: number, startIndex: number): JsonObject;
  serviceProviderConfig(options: {
    readonly maxResults: number;
    readonly bulk: { readonly maxOperations: number; readonly maxPayloadSize: number };
    readonly base: string;
  }): JsonObject;
  resourceTypes(registry: SchemaRegistry, base: string): JsonObject[];
  schemas(registry: SchemaRegistry, base: string): JsonObject[];
}
