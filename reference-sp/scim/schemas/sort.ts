/*
 * Sorting — RFC 7644 §3.4.2.3 (sortBy, sortOrder).
 *
 * - sortOrder defaults to "ascending"; anything other than ascending/descending is refused by SearchRequest
 * - strings sort case-insensitively unless the attribute is caseExact, by UTF-16 code unit with no locale (= code-point order outside astral pairs)
 * - numbers numerically, booleans false < true, dateTimes as instants
 * - a multi-valued attribute sorts by its primary value, else its first value; a complex one by its `value`
 * - resources without a value sort last when ascending and first when descending (the order reverses exactly)
 * - ties compare equal: Array.prototype.sort is stable, so the caller's base order (e.g. creation) decides
 */
import { ScimError } from '../types/errors.ts';
import { parseAttrPath } from '../types/filter/parser.ts';
import { getCI, isObject } from './json.ts';
import type { SchemaRegistry } from './registry.ts';
import { findAttribute, type AttributeDefinition } from './types.ts';

export type SortOrder = 'ascending' | 'descending';

export function sortComparator(registry: SchemaRegistry, resourceType: string, sortBy: string, sortOrder: SortOrder = 'ascending'): (a: unknown, b: unknown) => number {
  const rt = registry.requireResourceType(resourceType);
  const path = parseAttrPath(sortBy, ScimError.invalidPath);
  const resolved = registry.resolve(rt, path);
  const leaf: AttributeDefinition | undefined = resolved
    ? (resolved.subAttribute ?? (resolved.attribute.type === 'complex' ? findAttribute(resolved.attribute.subAttributes, 'value') : resolved.attribute))
    : undefined;
  const key = (r: unknown): string | number | undefined => {
    let holder: unknown = r;
    if (resolved?.extension) holder = getCI(r, resolved.schemaId);
    let v: unknown = getCI(holder, resolved?.attribute.name ?? path.attribute);
    if (Array.isArray(v)) v = v.find((x) => isObject(x) && x['primary'] === true) ?? v[0];
    const sub = path.subAttribute ?? (isObject(v) ? 'value' : undefined);
    if (sub !== undefined) v = getCI(v, sub);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number') return v;
    if (typeof v !== 'string') return undefined;
    if (leaf?.type === 'dateTime') {
      const t = Date.parse(v);
      return Number.isNaN(t) ? v : t;
    }
    return leaf?.caseExact ? v : v.toLowerCase();
  };
  const dir = sortOrder === 'descending' ? -1 : 1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) {
      if (ka === kb) return 0;
      return (ka === undefined ? 1 : -1) * dir;
    }
    if (typeof ka !== typeof kb) return (typeof ka === 'number' ? -1 : 1) * dir;
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * dir;
  };
}
