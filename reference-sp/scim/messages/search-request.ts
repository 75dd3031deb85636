/*
 * Query parameters — RFC 7644 §3.4.2 (GET with a query string) and §3.4.3 (POST /.search with a SearchRequest).
 *
 * - filter: parsed with the whole §3.4.2.2 grammar → 400 invalidFilter; a lenient tenant's filter may also use
 *   the forms the filter parser tolerates (types/filter/parser.ts), each listed in `tolerated`
 * - startIndex (§3.4.2.4): an integer; "A value less than 1 SHALL be interpreted as 1"; default 1
 * - count (§3.4.2.4): an integer; "A negative value SHALL be interpreted as 0"; default and ceiling set by the
 *   server (ServiceProviderConfig filter.maxResults); a larger count is cut to the ceiling
 * - non-integer startIndex / count → 400 invalidValue
 * - sortBy (§3.4.2.3): an attribute path → else 400 invalidValue; sortOrder "ascending" | "descending"
 *   (any case) → else 400 invalidValue; sortOrder defaults to ascending
 * - attributes / excludedAttributes (§3.4.2.5): comma-separated in a query string, arrays (or a comma-separated
 *   string) in a SearchRequest; given together → 400 invalidSyntax (they are alternatives: one says what to
 *   return, the other what to leave out)
 * - a parameter repeated in the query string → 400 invalidValue
 * - the SearchRequest body must list urn:ietf:params:scim:api:messages:2.0:SearchRequest in `schemas` → else
 *   400 invalidSyntax; unknown members are ignored
 */
import { ScimError } from '../types/errors.ts';
import type { FilterNode } from '../types/filter/ast.ts';
import { parseAttrPath, parseFilter } from '../types/filter/parser.ts';
import { ToleranceLog, type Tolerance, type ValidationMode } from '../types/tolerance.ts';
import { findKey, isObject } from '../schemas/json.ts';
import type { SortOrder } from '../schemas/sort.ts';

export const SEARCH_REQUEST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

export interface SearchLimits {
  /** count when none is given. */
  readonly defaultCount: number;
  /** The largest count served (ServiceProviderConfig filter.maxResults). */
  readonly maxCount: number;
}

export interface SearchRequest {
  readonly filter?: FilterNode;
  /** The filter as the client sent it (for logs and reports). */
  readonly filterText?: string;
  readonly attributes?: readonly string[];
  readonly excludedAttributes?: readonly string[];
  readonly sortBy?: string;
  readonly sortOrder: SortOrder;
  /** 1-based (§3.4.2.4). */
  readonly startIndex: number;
  readonly count: number;
  /** What lenient parsing accepted outside the RFC (only ever non-empty in lenient mode). */
  readonly tolerated?: readonly Tolerance[];
}

export interface SearchParseOptions {
  /** Default strict. */
  readonly mode?: ValidationMode | undefined;
}

type Raw = unknown;

/** From an express `req.query` (values are strings, or arrays when repeated). */
export function parseSearchQuery(query: Record<string, Raw>, limits: SearchLimits, options: SearchParseOptions = {}): SearchRequest {
  const one = (name: string): string | undefined => {
    const k = findKey(query, name);
    if (k === undefined) return undefined;
    const v = query[k];
    if (Array.isArray(v)) throw ScimError.invalidValue(`the query parameter '${name}' is given more than once`);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw ScimError.invalidValue(`the query parameter '${name}' must be a string`);
    return v;
  };
  return build(
    {
      filter: one('filter'),
      attributes: one('attributes'),
      excludedAttributes: one('excludedAttributes'),
      sortBy: one('sortBy'),
      sortOrder: one('sortOrder'),
      startIndex: one('startIndex'),
      count: one('count'),
    },
    limits,
    options,
  );
}

/** From the body of POST /.search (§3.4.3). */
export function parseSearchBody(body: unknown, limits: SearchLimits, options: SearchParseOptions = {}): SearchRequest {
  if (!isObject(body)) throw ScimError.invalidSyntax('the SearchRequest body must be a JSON object');
  const schemas = body[findKey(body, 'schemas') ?? 'schemas'];
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === SEARCH_REQUEST_SCHEMA.toLowerCase())) {
    throw ScimError.invalidSyntax(`'schemas' must be ["${SEARCH_REQUEST_SCHEMA}"]`);
  }
  const get = (name: string): Raw => {
    const k = findKey(body, name);
    return k === undefined ? undefined : body[k];
  };
  return build(
    {
      filter: get('filter'),
      attributes: get('attributes'),
      excludedAttributes: get('excludedAttributes'),
      sortBy: get('sortBy'),
      sortOrder: get('sortOrder'),
      startIndex: get('startIndex'),
      count: get('count'),
    },
    limits,
    options,
  );
}

interface RawSearch {
  filter: Raw;
  attributes: Raw;
  excludedAttributes: Raw;
  sortBy: Raw;
  sortOrder: Raw;
  startIndex: Raw;
  count: Raw;
}

function build(raw: RawSearch, limits: SearchLimits, options: SearchParseOptions): SearchRequest {
  const out: {
    filter?: FilterNode;
    filterText?: string;
    attributes?: string[];
    excludedAttributes?: string[];
    sortBy?: string;
    sortOrder: SortOrder;
    startIndex: number;
    count: number;
    tolerated?: Tolerance[];
  } = { sortOrder: 'ascending', startIndex: 1, count: limits.defaultCount };

  if (raw.filter !== undefined && raw.filter !== null) {
    if (typeof raw.filter !== 'string') throw ScimError.invalidFilter('the filter must be a string');
    const tolerances = new ToleranceLog();
    out.filter = parseFilter(raw.filter, { mode: options.mode, tolerances });
    out.filterText = raw.filter;
    if (tolerances.list.length > 0) out.tolerated = tolerances.list;
  }
  const attributes = nameList(raw.attributes, 'attributes');
  const excluded = nameList(raw.excludedAttributes, 'excludedAttributes');
  if (attributes && excluded) throw ScimError.invalidSyntax(`'attributes' and 'excludedAttributes' cannot be used together`);
  if (attributes) out.attributes = attributes;
  if (excluded) out.excludedAttributes = excluded;

  if (raw.sortBy !== undefined && raw.sortBy !== null && raw.sortBy !== '') {
    if (typeof raw.sortBy !== 'string') throw ScimError.invalidValue('sortBy must be an attribute path');
    parseAttrPath(raw.sortBy.trim(), ScimError.invalidValue);
    out.sortBy = raw.sortBy.trim();
  }
  if (raw.sortOrder !== undefined && raw.sortOrder !== null && raw.sortOrder !== '') {
    const o = typeof raw.sortOrder === 'string' ? raw.sortOrder.toLowerCase() : undefined;
    if (o !== 'ascending' && o !== 'descending') throw ScimError.invalidValue(`sortOrder must be "ascending" or "descending"`);
    out.sortOrder = o;
  }
  const startIndex = integer(raw.startIndex, 'startIndex');
  if (startIndex !== undefined) out.startIndex = Math.max(1, startIndex);
  const count = integer(raw.count, 'count');
  if (count !== undefined) out.count = Math.max(0, count);
  out.count = Math.min(out.count, limits.maxCount);
  return out;
}

function integer(v: Raw, name: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) {
    // huge numbers are still numbers: clamp rather than refuse
    if (typeof n === 'number' && Number.isFinite(n) && Number.isInteger(n)) return n > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
    throw ScimError.invalidValue(`${name} must be an integer`);
  }
  return n;
}

function nameList(v: Raw, name: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const parts = typeof v === 'string' ? v.split(',') : Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;
  if (!parts) throw ScimError.invalidValue(`${name} must be a list of attribute names`);
  const names = parts.map((s) => s.trim()).filter((s) => s !== '');
  // a URN alone (a whole extension) parses as an attribute path too: `urn:…:2.0` + `User`
  for (const n of names) parseAttrPath(n, ScimError.invalidValue);
  return names.length > 0 ? names : undefined;
}
