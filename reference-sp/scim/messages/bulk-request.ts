/*
 * Bulk — RFC 7644 §3.7 (BulkRequest / BulkResponse), §3.7.1 (circular references), §3.7.2 (bulkId), §3.7.3
 * (response), §3.7.4 (maxOperations / maxPayloadSize).
 *
 * parseBulkRequest checks the envelope and throws for it:
 * - `schemas` must contain urn:ietf:params:scim:api:messages:2.0:BulkRequest → else 400 invalidSyntax
 * - `Operations` a non-empty array → else 400 invalidSyntax
 * - more operations than maxOperations, or a payload over maxPayloadSize → 413 (§3.7.4)
 * - failOnErrors, when present, a positive integer → else 400 invalidValue
 * Each operation is checked on its own, and a bad one does not sink the request: it carries an `error` for its
 * entry in the BulkResponse (§3.7.3 reports failures per operation):
 * - method POST / PUT / PATCH / DELETE (any case) → else 400 invalidSyntax
 * - path: POST → a resource endpoint (`/Users`); others → `/Users/{id}` where id may be `bulkId:{id}` →
 *   else 400 invalidPath
 * - bulkId REQUIRED for POST ("bulkId ... REQUIRED when method is POST") and unique in the request → 400 invalidSyntax
 * - data REQUIRED (an object) for POST / PUT / PATCH → 400 invalidSyntax
 * - version: an optional ETag, used as If-Match (§3.7, §3.14)
 * - data nested deeper than MAX_JSON_DEPTH, or holding a lone surrogate → 400 invalidSyntax / invalidValue
 *   (types/request-json.ts; the router checks the whole body first, this keeps a direct caller as safe)
 * resolveBulkIds replaces every `bulkId:{id}` string in a value with the id created for it; a reference that
 * cannot be resolved (unknown, failed or circular) → 409 Conflict (§3.7.1: "MAY stop after a failed attempt and
 * instead return HTTP status code 409 (Conflict)"). Both walks over `data` are bounded: referencedBulkIds is
 * iterative, resolveBulkIds refuses nesting past MAX_JSON_DEPTH with 400 invalidSyntax — never a stack overflow.
 */
import { MAX_JSON_DEPTH } from '../limits.ts';
import { ScimError } from '../types/errors.ts';
import { checkRequestJson } from '../types/request-json.ts';
import { findKey, isObject, type Json, type JsonObject } from '../schemas/json.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';

export const BULK_REQUEST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
export const BULK_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BulkOperation {
  /** Position in the request (0-based). */
  readonly index: number;
  readonly method?: BulkMethod;
  readonly path?: string;
  readonly bulkId?: string;
  readonly version?: string;
  readonly data?: JsonObject;
  /** The resource type named by the path (`User`, `Group`). */
  readonly resourceType?: string;
  /** The id in the path (PUT/PATCH/DELETE); may be a `bulkId:…` reference until resolved. */
  readonly resourceId?: string;
  /** Set when the operation itself is malformed: report it, do not run it. */
  readonly error?: ScimError;
}

export interface BulkRequest {
  /** Stop after this many errors (§3.7.3); undefined = run every operation. */
  readonly failOnErrors?: number;
  readonly operations: readonly BulkOperation[];
}

export interface BulkLimits {
  readonly maxOperations: number;
  readonly maxPayloadSize: number;
  /** Size of the raw request body in bytes, when known. */
  readonly payloadBytes?: number;
}

const METHODS: readonly BulkMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const BULK_REF = /^bulkId:(.+)$/;

export function parseBulkRequest(body: unknown, registry: SchemaRegistry, limits: BulkLimits): BulkRequest {
  if (limits.payloadBytes !== undefined && limits.payloadBytes > limits.maxPayloadSize) {
    throw ScimError.payloadTooLarge(`the bulk request is ${limits.payloadBytes} bytes; maxPayloadSize is ${limits.maxPayloadSize}`);
  }
  if (!isObject(body)) throw ScimError.invalidSyntax('the BulkRequest body must be a JSON object');
  const schemas = body[findKey(body, 'schemas') ?? 'schemas'];
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === BULK_REQUEST_SCHEMA.toLowerCase())) {
    throw ScimError.invalidSyntax(`'schemas' must be ["${BULK_REQUEST_SCHEMA}"]`);
  }
  const ops = body[findKey(body, 'Operations') ?? 'Operations'];
  if (!Array.isArray(ops) || ops.length === 0) throw ScimError.invalidSyntax(`'Operations' must be a non-empty array`);
  if (ops.length > limits.maxOperations) {
    throw ScimError.payloadTooLarge(`the bulk request has ${ops.length} operations; maxOperations is ${limits.maxOperations}`);
  }
  const foeKey = findKey(body, 'failOnErrors');
  const foe = foeKey === undefined ? undefined : body[foeKey];
  if (foe !== undefined && foe !== null && (typeof foe !== 'number' || !Number.isInteger(foe) || foe < 1)) {
    throw ScimError.invalidValue('failOnErrors must be a positive integer');
  }
  const seen = new Set<string>();
  const operations = ops.map((raw, index) => {
    try {
      return parseOperation(raw, index, registry, seen);
    } catch (e) {
      if (e instanceof ScimError) return { index, error: e, ...partial(raw) };
      throw e;
    }
  });
  return { ...(typeof foe === 'number' ? { failOnErrors: foe } : {}), operations };
}

/** What can be echoed back for a malformed operation (§3.7.3 echoes method, bulkId, location). */
function partial(raw: Json): { method?: BulkMethod; bulkId?: string } {
  if (!isObject(raw)) return {};
  const m = raw[findKey(raw, 'method') ?? 'method'];
  const b = raw[findKey(raw, 'bulkId') ?? 'bulkId'];
  const method = typeof m === 'string' && (METHODS as readonly string[]).includes(m.toUpperCase()) ? (m.toUpperCase() as BulkMethod) : undefined;
  return { ...(method ? { method } : {}), ...(typeof b === 'string' ? { bulkId: b } : {}) };
}

function parseOperation(raw: Json, index: number, registry: SchemaRegistry, seen: Set<string>): BulkOperation {
  const at = `Operations[${index}]`;
  if (!isObject(raw)) throw ScimError.invalidSyntax(`${at} must be an object`);
  const get = (name: string): Json | undefined => {
    const k = findKey(raw, name);
    return k === undefined ? undefined : raw[k];
  };
  const m = get('method');
  if (typeof m !== 'string' || !(METHODS as readonly string[]).includes(m.toUpperCase())) {
    throw ScimError.invalidSyntax(`${at}.method must be POST, PUT, PATCH or DELETE`);
  }
  const method = m.toUpperCase() as BulkMethod;
  const path = get('path');
  if (typeof path !== 'string') throw ScimError.invalidPath(`${at}.path is required`);
  const match = /^\/([^/]+)(?:\/([^/]+))?\/?$/.exec(path.trim());
  const rt = match ? registry.resourceType(match[1]!) : undefined;
  if (!match || !rt) throw ScimError.invalidPath(`${at}.path '${path}' names no resource endpoint`);
  const resourceId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  if (method === 'POST' && resourceId !== undefined) throw ScimError.invalidPath(`${at}: POST goes to '${rt.endpoint}', not to a resource`);
  if (method !== 'POST' && resourceId === undefined) throw ScimError.invalidPath(`${at}: ${method} needs '${rt.endpoint}/{id}'`);

  const bulkIdRaw = get('bulkId');
  if (bulkIdRaw !== undefined && bulkIdRaw !== null && (typeof bulkIdRaw !== 'string' || bulkIdRaw === '')) {
    throw ScimError.invalidSyntax(`${at}.bulkId must be a non-empty string`);
  }
  const bulkId = typeof bulkIdRaw === 'string' ? bulkIdRaw : undefined;
  if (method === 'POST' && bulkId === undefined) throw ScimError.invalidSyntax(`${at}: bulkId is required for POST (RFC 7644 §3.7)`);
  if (bulkId !== undefined) {
    if (seen.has(bulkId)) throw ScimError.invalidSyntax(`${at}: bulkId '${bulkId}' is used twice`);
    seen.add(bulkId);
  }
  const data = get('data');
  if (method !== 'DELETE' && !isObject(data)) throw ScimError.invalidSyntax(`${at}: ${method} needs a data object`);
  if (data !== undefined) checkRequestJson(data, MAX_JSON_DEPTH - 3); // BulkRequest → Operations → [i] → data
  const version = get('version');
  if (version !== undefined && version !== null && typeof version !== 'string') throw ScimError.invalidSyntax(`${at}.version must be a string`);

  return {
    index,
    method,
    path,
    resourceType: rt.name,
    ...(resourceId !== undefined ? { resourceId } : {}),
    ...(bulkId !== undefined ? { bulkId } : {}),
    ...(typeof version === 'string' ? { version } : {}),
    ...(isObject(data) && method !== 'DELETE' ? { data } : {}),
  };
}

/** Every `bulkId:…` an operation refers to (in its path id and its data), to order or detect cycles. */
export function referencedBulkIds(op: BulkOperation): string[] {
  const out = new Set<string>();
  const stack: unknown[] = [op.resourceId, op.data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      const m = BULK_REF.exec(v);
      if (m) out.add(m[1]!);
    } else if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) stack.push(...Object.values(v));
  }
  return [...out];
}

/**
 * A copy of `value` with every `bulkId:{id}` string replaced by the created resource's id.
 * Unknown references → ScimError 409 (§3.7.1).
 */
export function resolveBulkIds<T extends Json | undefined>(value: T, ids: ReadonlyMap<string, string> | Readonly<Record<string, string>>): T {
  const lookup = (k: string): string | undefined => (ids instanceof Map ? ids.get(k) : (ids as Record<string, string>)[k]);
  const walk = (v: Json, depth = 0): Json => {
    if (depth > MAX_JSON_DEPTH) throw ScimError.invalidSyntax(`the data nests deeper than ${MAX_JSON_DEPTH} levels`);
    if (typeof v === 'string') {
      const m = BULK_REF.exec(v);
      if (!m) return v;
      const id = lookup(m[1]!);
      if (id === undefined) throw ScimError.conflict(`the reference '${v}' cannot be resolved: no successful POST has that bulkId`);
      return id;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, depth + 1)]));
    return v;
  };
  return (value === undefined ? value : walk(value)) as T;
}

export interface BulkOperationResult {
  readonly method: BulkMethod | undefined;
  readonly bulkId?: string;
  readonly version?: string;
  readonly location?: string;
  readonly status: number;
  /** The §3.12 error body for a failed operation. */
  readonly error?: ScimError;
}

/** The BulkResponse body (§3.7.3): `status` as a string, `response` holding the SCIM error for failures. */
export function bulkResponse(results: readonly BulkOperationResult[]): JsonObject {
  return {
    schemas: [BULK_RESPONSE_SCHEMA],
    Operations: results.map((r) => ({
      ...(r.method ? { method: r.method } : {}),
      ...(r.bulkId !== undefined ? { bulkId: r.bulkId } : {}),
      ...(r.version !== undefined ? { version: r.version } : {}),
      ...(r.location !== undefined ? { location: r.location } : {}),
      status: String(r.status),
      ...(r.error ? { response: r.error.toJSON() as unknown as JsonObject } : {}),
    })),
  };
}
