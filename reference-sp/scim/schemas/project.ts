/*
 * Attribute projection of a response — RFC 7644 §3.4.2.5 (attributes / excludedAttributes) and RFC 7643 §7
 * ("returned" characteristic), §2.2.
 *
 * - `schemas` and attributes whose returned is "always" (id) are always included
 * - returned "never" (password) is never included
 * - returned "request" is included only when named in `attributes`
 * - `attributes`: only the named attributes (and always-returned ones); a sub-attribute path includes its parent
 *   with only that sub-attribute; a URN alone names the whole extension
 * - `excludedAttributes`: the default set minus the named ones (never removing an "always" attribute)
 * - names are case-insensitive; names that match no attribute are ignored; both lists together → 400
 *   invalidSyntax (checked by SearchRequest; here `attributes` wins)
 * - an extension object left empty is removed; `schemas` is kept unchanged (RFC 7643 §3: it describes the
 *   resource, not the projection)
 */
import { ScimError } from '../types/errors.ts';
import { parseAttrPath } from '../types/filter/parser.ts';
import { isObject, type Json, type JsonObject } from './json.ts';
import type { ResourceTypeDefinition, SchemaRegistry } from './registry.ts';
import { findAttribute, type AttributeDefinition } from './types.ts';

export interface ProjectionOptions {
  readonly attributes?: readonly string[] | string;
  readonly excludedAttributes?: readonly string[] | string;
}

/** A requested name: schema (lower-case URN), attribute, optional sub-attribute; attribute '' = whole extension. */
interface Want {
  schema: string;
  attribute: string;
  sub?: string;
}

function listOf(v: readonly string[] | string | undefined): string[] {
  if (v === undefined) return [];
  const arr = typeof v === 'string' ? v.split(',') : v;
  return arr.map((s) => s.trim()).filter((s) => s !== '');
}

function parseWants(registry: SchemaRegistry, rt: ResourceTypeDefinition, names: string[]): Want[] {
  const wants: Want[] = [];
  for (const name of names) {
    if (registry.extension(rt, name)) {
      wants.push({ schema: name.toLowerCase(), attribute: '' });
      continue;
    }
    const p = parseAttrPath(name, ScimError.invalidPath);
    const r = registry.resolve(rt, p);
    if (!r) continue;
    const w: Want = { schema: (r.extension ? r.schemaId : rt.schema).toLowerCase(), attribute: r.attribute.name.toLowerCase() };
    if (r.subAttribute) w.sub = r.subAttribute.name.toLowerCase();
    wants.push(w);
  }
  return wants;
}

export function projectResource(registry: SchemaRegistry, resource: JsonObject, opts: ProjectionOptions, resourceType: string): JsonObject {
  const rt = registry.requireResourceType(resourceType);
  const include = parseWants(registry, rt, listOf(opts.attributes));
  const exclude = include.length > 0 ? [] : parseWants(registry, rt, listOf(opts.excludedAttributes));
  const mode = include.length > 0 ? 'include' : 'exclude';
  const wants = mode === 'include' ? include : exclude;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key.toLowerCase() === 'schemas') {
      out[key] = value;
      continue;
    }
    const ext = registry.extension(rt, key);
    if (ext) {
      const schema = ext.id.toLowerCase();
      const whole = wants.some((w) => w.schema === schema && w.attribute === '');
      if (!isObject(value)) continue;
      if (whole && mode === 'exclude') continue;
      const projected = projectAttributes(ext.attributes, value, schema, whole && mode === 'include' ? [] : wants, whole ? 'default' : mode);
      if (Object.keys(projected).length > 0) out[key] = projected;
      continue;
    }
    const projected = projectAttributes(registry.coreAttributes(rt), { [key]: value }, rt.schema.toLowerCase(), wants, mode);
    Object.assign(out, projected);
  }
  return out;
}

function projectAttributes(defs: readonly AttributeDefinition[], obj: JsonObject, schema: string, wants: Want[], mode: 'include' | 'exclude' | 'default'): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    const def = findAttribute(defs, key);
    if (!def) {
      if (mode !== 'include') out[key] = value;
      continue;
    } // not in the schema: treated as returned "default"
    if (def.returned === 'never') continue;
    const name = def.name.toLowerCase();
    const named = wants.filter((w) => w.schema === schema && w.attribute === name);
    const whole = named.some((w) => w.sub === undefined);
    const subs = named.filter((w) => w.sub !== undefined).map((w) => w.sub!);
    if (def.returned === 'always') {
      out[key] = value;
      continue;
    }
    if (mode === 'include') {
      if (whole) {
        const v = projectSubs(def, value, [], 'default');
        if (v !== undefined) out[key] = v;
      } else if (subs.length > 0) {
        const v = projectSubs(def, value, subs, 'include');
        if (v !== undefined) out[key] = v;
      }
      continue;
    }
    if (def.returned === 'request') continue;
    if (mode === 'exclude' && whole) continue;
    const v = projectSubs(def, value, mode === 'exclude' ? subs : [], mode === 'exclude' && subs.length > 0 ? 'exclude' : 'default');
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Applies returned/sub-attribute selection inside a complex value (or each value of a multi-valued one). */
function projectSubs(def: AttributeDefinition, value: Json, subs: string[], mode: 'include' | 'exclude' | 'default'): Json | undefined {
  if (def.type !== 'complex' || !def.subAttributes) return value;
  const one = (v: Json): Json | undefined => {
    if (!isObject(v)) return v;
    const o: JsonObject = {};
    for (const [k, sv] of Object.entries(v)) {
      const sd = findAttribute(def.subAttributes, k);
      const n = (sd?.name ?? k).toLowerCase();
      if (sd?.returned === 'never') continue;
      if (sd?.returned === 'always') {
        o[k] = sv;
        continue;
      }
      if (mode === 'include' && !subs.includes(n)) continue;
      if (mode === 'exclude' && subs.includes(n)) continue;
      if (mode !== 'include' && sd?.returned === 'request') continue;
      o[k] = sv;
    }
    return Object.keys(o).length > 0 ? o : undefined;
  };
  if (Array.isArray(value)) {
    const items = value.map(one).filter((x): x is Json => x !== undefined);
    return items.length > 0 ? items : undefined;
  }
  return one(value);
}
