/*
 * Target attribute paths as Entra writes them in the customappsso attribute list, and how a value at such a
 * path is placed into / read from a SCIM resource (RFC 7644 §3.10 attribute notation, §3.5.2 filtered paths).
 *
 * - `userName`, `name.givenName`                           core attribute, optional sub-attribute
 * - `emails[type eq "work"].value`                          multi-valued attribute, one `eq` filter, sub-attribute
 * - `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`
 *                                                          extension attribute: nested under the URN key, the way
 *                                                          Entra serialises it (RFC 7643 §3.3)
 */
import { ProvisioningError } from '../errors.ts';

export const CORE_USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export interface TargetPath {
  /** The text as written in the mapping (also the PATCH path). */
  readonly text: string;
  /** Extension schema URN, or undefined for the core schema. */
  readonly urn?: string;
  readonly attribute: string;
  /** `[type eq "work"]` → { attribute: 'type', value: 'work' } */
  readonly filter?: { attribute: string; value: string };
  readonly subAttribute?: string;
}

const SIMPLE = /^([A-Za-z$][\w$-]*)(?:\[\s*([A-Za-z][\w$-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\])?(?:\.([A-Za-z$][\w$-]*))?$/;

export function parseTargetPath(text: string): TargetPath {
  let urn: string | undefined;
  let rest = text.trim();
  if (/^urn:/i.test(rest)) {
    // The URN ends at the last ':' before the attribute name (RFC 7644 §3.10).
    // (the URN itself contains dots, "2.0", so only a '[' bounds the search)
    const bracket = rest.indexOf('[');
    const head = bracket === -1 ? rest : rest.slice(0, bracket);
    const cut = head.lastIndexOf(':');
    urn = rest.slice(0, cut);
    rest = rest.slice(cut + 1);
    if (urn.toLowerCase() === CORE_USER_URN.toLowerCase() || urn.toLowerCase() === CORE_GROUP_URN.toLowerCase()) urn = undefined;
  }
  const m = SIMPLE.exec(rest);
  if (!m) throw new ProvisioningError('mapping/unknown-target', `"${text}" is not a SCIM attribute path Entra can target`);
  const path: { -readonly [K in keyof TargetPath]: TargetPath[K] } = { text: text.trim(), attribute: m[1]! };
  if (urn) path.urn = urn;
  if (m[2]) path.filter = { attribute: m[2], value: m[3]!.replace(/\\(.)/g, '$1') };
  if (m[4]) path.subAttribute = m[4];
  return path;
}

type Json = Record<string, unknown>;

function key(obj: Json, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

function container(resource: Json, p: TargetPath, create: boolean): Json | undefined {
  if (!p.urn) return resource;
  const k = key(resource, p.urn);
  if (k && resource[k] && typeof resource[k] === 'object') return resource[k] as Json;
  if (!create) return undefined;
  const c: Json = {};
  resource[p.urn] = c;
  return c;
}

function matches(el: unknown, f: { attribute: string; value: string }): el is Json {
  if (!el || typeof el !== 'object') return false;
  const k = key(el as Json, f.attribute);
  return k !== undefined && String((el as Json)[k]).toLowerCase() === f.value.toLowerCase();
}

/** Reads the value at `p` from a SCIM resource (undefined when absent). */
export function readPath(resource: Json, p: TargetPath): unknown {
  const c = container(resource, p, false);
  if (!c) return undefined;
  const ak = key(c, p.attribute);
  if (ak === undefined) return undefined;
  let v = c[ak];
  if (p.filter) {
    if (!Array.isArray(v)) return undefined;
    v = v.find((el) => matches(el, p.filter!));
    if (v === undefined) return undefined;
  }
  if (p.subAttribute) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const sk = key(v as Json, p.subAttribute);
    return sk === undefined ? undefined : (v as Json)[sk];
  }
  return v;
}

/** Writes `value` at `p`, creating the URN container, the complex value, or the filtered element as needed. */
export function writePath(resource: Json, p: TargetPath, value: unknown): void {
  const c = container(resource, p, true)!;
  const ak = key(c, p.attribute) ?? p.attribute;
  if (p.filter) {
    const arr = Array.isArray(c[ak]) ? (c[ak] as unknown[]) : [];
    c[ak] = arr;
    let el = arr.find((e) => matches(e, p.filter!));
    if (!el) {
      el = { [p.filter.attribute]: p.filter.value };
      arr.push(el);
    }
    if (p.subAttribute) (el as Json)[p.subAttribute] = value;
    return;
  }
  if (p.subAttribute) {
    const sub = c[ak] && typeof c[ak] === 'object' && !Array.isArray(c[ak]) ? (c[ak] as Json) : {};
    c[ak] = sub;
    sub[p.subAttribute] = value;
    return;
  }
  c[ak] = value;
}

/** Dotted name Entra uses as a key in a path-less compliant replace (`name.givenName`, `urn:…:User:department`). */
export function dottedName(p: TargetPath): string {
  return p.text;
}
