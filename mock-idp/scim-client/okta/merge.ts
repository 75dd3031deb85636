/*
 * The body of Okta's PUT /Users/{id}: the user as the server last returned it, with the attributes Okta's mappings
 * produce written over it ("After the User object is retrieved from the SCIM server, Okta modifies the attributes
 * that were changed and runs a PUT method request with the new body" — Okta, SCIM 2.0 Protocol Reference, Update a
 * specific User (PUT)). Complex attributes (`name`, an extension's object) merge key by key, so what Okta does not
 * map (a `middleName` the server holds) is sent back unchanged; multi-valued attributes (`emails`) are replaced
 * whole; `schemas` is the union; `id` is the target's; `meta` is sent back as read, as Okta's example shows.
 */
import type { ScimResource } from '../engine/client.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Bounded: the recursion follows `over` (the mappings' shape, at most a SCIM path deep) and stops at depth 3; the
 * server's keys are indexed once, so a resource with many keys costs one pass, not one per mapped attribute.
 */
function merge(base: Json, over: Json, depth: number): Json {
  const out: Json = { ...base };
  const byLowerCase = new Map(Object.keys(base).map((k) => [k.toLowerCase(), k] as const));
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const had = byLowerCase.get(key.toLowerCase());
    const prior = had === undefined ? undefined : out[had];
    if (had !== undefined && had !== key) delete out[had];
    out[key] = depth < 3 && isObject(prior) && isObject(value) ? merge(prior, value, depth + 1) : value;
  }
  return out;
}

export function mergeForPut(current: ScimResource, desired: ScimResource, id: string): ScimResource {
  const merged = merge(current, desired, 0);
  const schemas = [...new Set([...asStrings(current['schemas']), ...asStrings(desired['schemas'])])];
  return { ...merged, schemas, id };
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
