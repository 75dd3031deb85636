/*
 * Small helpers over JSON resources. Attribute names are case-insensitive (RFC 7643 §2.1), so every lookup of a
 * client-supplied or stored key goes through `findKey`.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The actual key of `obj` matching `name` case-insensitively (exact match preferred). */
export function findKey(obj: object, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

export function getCI(obj: unknown, name: string): Json | undefined {
  if (!isObject(obj)) return undefined;
  const k = findKey(obj, name);
  return k === undefined ? undefined : obj[k];
}

/** RFC 7643 §2.5: unassigned, null and empty array (and an empty complex value) are equivalent. */
export function isUnassigned(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0 || v.every(isUnassigned);
  if (isObject(v)) return Object.values(v).every(isUnassigned);
  if (typeof v === 'string') return v === '';
  return false;
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

/**
 * A canonical text for a JSON value: object keys sorted, so two values that differ only in key order (which
 * JSON does not give meaning to, RFC 8259 §4) have the same text. Used as a Map/Set key to find equal values in
 * O(1) instead of comparing pairwise, and by `sameJson`. Request values are depth-bounded before they get here
 * (types/request-json.ts), so the recursion is shallow.
 */
export function canonical(v: Json | undefined): string {
  if (v === undefined) return 'u';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => canonical(x)).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
}

/** Whether two JSON values are equal, whatever the order of their object keys (arrays keep their order). */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonical(a) === canonical(b);
}
