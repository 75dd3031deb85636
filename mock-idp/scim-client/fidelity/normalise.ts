/*
 * Brings a documented request and a sent request to one comparable form. The rules, in order:
 * - the request line `METHOD target [HTTP/x.y]`: the method upper-cased, the HTTP version dropped
 * - the target: scheme, host and any base path before the first SCIM resource segment (`/Users`, `/Groups`,
 *   `/Schemas`, `/ServiceProviderConfig`, `/ResourceTypes`, `/Bulk`) are dropped, so `https://.../scim/Users`,
 *   `~/scim/Users` and `/Users` read the same (the tenant URL is the customer's, not part of the request shape)
 * - the query: decoded into name → value; `+` and `%20` read as a space like a literal space; parameter order is
 *   ignored (RFC 7644 §3.4.2 gives it no meaning)
 * - per-run identifiers: every GUID (8-4-4-4-12 hex digits) and every identifier the caller lists (ids a server
 *   assigned, ids printed in an example) become `{id}`, wherever they appear in a string: a path segment, a filter
 *   value, a body value (`members[value eq "{id}"]`)
 * - the body stays JSON: ./compare.ts ignores object key order (RFC 8259 §4) and keeps array order
 * Nothing else is rewritten: user names, display names and e-mail addresses are compared as they are, so the step
 * drivers reproduce an example with its own values.
 */
import type { DocumentedHttpRequest, SentRequest } from './documented-request.ts';

export interface NormalisedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The placeholder every per-run identifier becomes. */
export const ID = '{id}';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const RESOURCE = /\/(?:Users|Groups|Schemas|ServiceProviderConfig|ResourceTypes|Bulk)(?=[/?]|$)/;

export function replaceIds(text: string, ids: readonly string[]): string {
  let out = text;
  for (const id of [...ids].filter(Boolean).sort((a, b) => b.length - a.length)) out = out.split(id).join(ID);
  return out.replace(GUID, ID);
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)]));
  return value;
}

function splitTarget(target: string, ids: readonly string[]): { path: string; query: Record<string, string> } {
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const rawQuery = q === -1 ? '' : target.slice(q + 1);
  const at = RESOURCE.exec(rawPath);
  const path = at ? rawPath.slice(at.index) : rawPath;
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) query[name] = replaceIds(value, ids);
  return { path: replaceIds(decodeURIComponent(path), ids), query };
}

export function normaliseDocumented(d: DocumentedHttpRequest, ids: readonly string[] = []): NormalisedRequest {
  const m = /^\s*([A-Za-z]+)\s+(.+?)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/.exec(d.requestLine);
  if (!m) throw new TypeError(`not a request line: ${d.requestLine}`);
  const { path, query } = splitTarget(m[2]!, ids);
  return { method: m[1]!.toUpperCase(), path, query, body: mapStrings(d.body, (s) => replaceIds(s, ids)) };
}

export function normaliseSent(s: SentRequest, ids: readonly string[] = []): NormalisedRequest {
  const { path, query } = splitTarget(s.path, ids);
  return { method: s.method.toUpperCase(), path, query, body: mapStrings(s.body, (x) => replaceIds(x, ids)) };
}
