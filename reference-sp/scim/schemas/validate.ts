/*
 * Request body validation for POST (create) and PUT (replace) — RFC 7643 §2 and §3, RFC 7644 §3.3 and §3.5.1.
 *
 * - the body must be a JSON object → else 400 invalidSyntax
 * - `schemas` must list the core schema and every extension the body uses (RFC 7643 §3 "schemas ... REQUIRED",
 *   §3.3 "the schemas attribute ... MUST include the extension's URN"); a URN that is not the core schema or an
 *   extension of the resource type → 400 invalidSyntax (the URN is not echoed). Lenient: missing URNs are added
 *   (lenient/missing-schema-urn), unknown ones dropped (lenient/unknown-schema-urn). Entra's attribute-less ADSCIM
 *   Group URN is accepted and dropped in both modes (./definitions/group.ts)
 * - attribute names are case-insensitive (RFC 7643 §2.1); the output uses the schema's spelling
 * - unknown attributes and sub-attributes → 400 invalidSyntax ("did not conform to the request schema", RFC 7644
 *   §3.12); we chose invalidSyntax over invalidValue because the structure, not a value, is at fault
 * - readOnly attributes (id, meta, groups, manager.displayName) are ignored (RFC 7644 §3.3 / §3.5.1 "SHALL be ignored")
 * - wrong types (RFC 7643 §2.3) → 400 invalidValue; lenient accepts "True"/"False" for booleans
 *   (lenient/string-boolean), a single value for a multi-valued attribute (lenient/single-value-as-array) and a
 *   bare string for a complex attribute with a `value` sub-attribute (lenient/complex-as-value)
 * - null and [] mean unassigned (RFC 7643 §2.5) and are dropped
 * - required attributes (and required extensions, RFC 7643 §6 schemaExtensions.required) → 400 invalidValue
 * - at most one `primary: true` per multi-valued attribute (RFC 7643 §2.4) → 400 invalidValue
 * - at most MAX_VALUES_PER_ATTRIBUTE values for one multi-valued attribute (../limits.ts) → 400 invalidValue
 * - replace with an `existing` resource: an immutable attribute that already has a different value → 400
 *   mutability (RFC 7644 §3.5.1)
 */
import { MAX_VALUES_PER_ATTRIBUTE } from '../limits.ts';
import { ScimError } from '../types/errors.ts';
import { parseAttrPath } from '../types/filter/parser.ts';
import { ToleranceLog, type Tolerance, type ValidationMode } from '../types/tolerance.ts';
import { findKey, isObject, isUnassigned, sameJson, type Json, type JsonObject } from './json.ts';
import type { ResourceTypeDefinition, SchemaRegistry } from './registry.ts';
import { findAttribute, type AttributeDefinition } from './types.ts';
import { GROUP_MARKER_URNS, GROUP_SCHEMA_ID } from './definitions/group.ts';

export interface ValidateOptions {
  readonly mode: ValidationMode;
  readonly operation: 'create' | 'replace';
  /** The stored resource a PUT replaces; enables the immutable check. */
  readonly existing?: JsonObject;
}

export interface ValidationResult {
  readonly resource: JsonObject;
  readonly tolerated: Tolerance[];
}

interface Ctx {
  readonly mode: ValidationMode;
  readonly log: ToleranceLog;
}

export function validateResource(registry: SchemaRegistry, resourceType: string, body: unknown, opts: ValidateOptions): ValidationResult {
  const rt = registry.requireResourceType(resourceType);
  const ctx: Ctx = { mode: opts.mode, log: new ToleranceLog() };
  if (!isObject(body)) throw ScimError.invalidSyntax('the request body must be a JSON object');

  const declared = declaredSchemas(rt, body, ctx, registry);
  const out: JsonObject = {};
  const used = new Set<string>();

  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    const ext = registry.extension(rt, key);
    if (ext) {
      if (value === null) continue;
      if (!isObject(value)) throw ScimError.invalidValue(`'${key}' must be an object holding the extension's attributes`);
      const inner = coerceAttributes(ext.attributes, value, key, ctx);
      if (Object.keys(inner).length > 0) {
        out[ext.id] = { ...(isObject(out[ext.id]) ? (out[ext.id] as JsonObject) : {}), ...inner };
        used.add(ext.id);
      }
      continue;
    }
    if (key.includes(':')) {
      // a flat URN-qualified attribute: "urn:…:enterprise:2.0:User:department": "x"
      const resolved = flatUrnAttribute(registry, rt, key);
      if (!resolved) throw ScimError.invalidSyntax(`'${key}' is neither an attribute nor an extension of ${rt.name}`);
      if (ctx.mode === 'strict') throw ScimError.invalidSyntax(`'${key}': put extension attributes inside the '${resolved.schemaId}' object`);
      ctx.log.add('lenient/flat-urn-attribute', key);
      if (resolved.extension) {
        const inner = coerceAttributes([resolved.attribute], { [resolved.attribute.name]: value as Json }, resolved.schemaId, ctx);
        if (Object.keys(inner).length > 0) {
          out[resolved.schemaId] = { ...(isObject(out[resolved.schemaId]) ? (out[resolved.schemaId] as JsonObject) : {}), ...inner };
          used.add(resolved.schemaId);
        }
      } else {
        Object.assign(out, coerceAttributes([resolved.attribute], { [resolved.attribute.name]: value as Json }, '', ctx));
      }
      continue;
    }
    const def = findAttribute(registry.coreAttributes(rt), key);
    if (!def) throw ScimError.invalidSyntax(`unknown attribute '${key}' for ${rt.name}`);
    Object.assign(out, coerceAttributes([def], { [def.name]: value as Json }, '', ctx));
  }

  // every extension used must be declared in `schemas`
  for (const id of used) {
    if (!declared.some((d) => d.toLowerCase() === id.toLowerCase())) {
      if (ctx.mode === 'strict') throw ScimError.invalidSyntax(`the body uses the extension '${id}' but 'schemas' does not list it`);
      ctx.log.add('lenient/missing-schema-urn', id);
    }
  }

  checkRequired(registry.coreAttributes(rt), out, '');
  for (const { schema, required } of registry.extensions(rt)) {
    const ext = out[schema.id];
    if (ext === undefined) {
      if (required) throw ScimError.invalidValue(`the extension '${schema.id}' is required`);
      continue;
    }
    checkRequired(schema.attributes, ext as JsonObject, `${schema.id}:`);
  }

  if (opts.existing) checkImmutable(registry, rt, opts.existing, out);

  const schemas: Json[] = [rt.schema, ...rt.schemaExtensions.map((e) => e.schema).filter((id) => out[id] !== undefined)];
  return { resource: { schemas, ...out }, tolerated: ctx.log.list };
}

function declaredSchemas(rt: ResourceTypeDefinition, body: JsonObject, ctx: Ctx, registry: SchemaRegistry): string[] {
  const key = findKey(body, 'schemas');
  const raw = key === undefined ? undefined : body[key];
  if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string')) {
    if (raw === undefined && ctx.mode === 'lenient') {
      ctx.log.add('lenient/missing-schema-urn', rt.schema);
      return [rt.schema];
    }
    throw ScimError.invalidSyntax(`'schemas' must be an array of schema URNs including '${rt.schema}'`);
  }
  const list: string[] = [];
  for (const urn of raw as string[]) {
    if (urn.toLowerCase() === rt.schema.toLowerCase() || registry.extension(rt, urn)) {
      list.push(urn);
      continue;
    }
    if (rt.schema === GROUP_SCHEMA_ID && GROUP_MARKER_URNS.has(urn.toLowerCase())) continue; // Entra's ADSCIM URN (./definitions/group.ts)
    // Any other URN: lenient drops it, strict refuses it. Attributes under it are refused either way (unknown attribute).
    if (ctx.mode === 'lenient') {
      ctx.log.add('lenient/unknown-schema-urn', `a schema URN that is not a schema of ${rt.name}`);
      continue;
    }
    throw ScimError.invalidSyntax(`'schemas' lists a URN that is not a schema of ${rt.name}`);
  }
  if (!list.some((s) => s.toLowerCase() === rt.schema.toLowerCase())) {
    if (ctx.mode === 'strict') throw ScimError.invalidSyntax(`'schemas' must include the core schema '${rt.schema}'`);
    ctx.log.add('lenient/missing-schema-urn', rt.schema);
  }
  return list;
}

function flatUrnAttribute(registry: SchemaRegistry, rt: ResourceTypeDefinition, key: string) {
  try {
    const p = parseAttrPath(key, ScimError.invalidSyntax);
    if (p.subAttribute !== undefined) return undefined;
    return registry.resolve(rt, p);
  } catch {
    return undefined;
  }
}

/** Coerces the attributes of `value` defined in `defs`; unknown keys → invalidSyntax; readOnly dropped. */
function coerceAttributes(defs: readonly AttributeDefinition[], value: JsonObject, prefix: string, ctx: Ctx): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const def = findAttribute(defs, key);
    const where = `${prefix}${prefix && !prefix.endsWith('.') ? ':' : ''}${def?.name ?? key}`;
    if (!def) throw ScimError.invalidSyntax(`unknown attribute '${where}'`);
    if (def.mutability === 'readOnly') continue; // RFC 7644 §3.3: readOnly values in a request SHALL be ignored
    const c = coerce(def, v, where, ctx);
    if (c !== undefined) out[def.name] = c;
  }
  return out;
}

/**
 * Coerces one attribute value (single or multi-valued) to its definition: the rules listed at the top of this
 * file. Returns undefined for an unassigned value. Used by PatchOp for PATCH values.
 */
export function coerceValue(def: AttributeDefinition, value: Json, where: string, mode: ValidationMode, log: ToleranceLog): Json | undefined {
  return coerce(def, value, where, { mode, log });
}

/** Coerces a single (one element of a multi-valued) value. */
export function coerceSingleValue(def: AttributeDefinition, value: Json, where: string, mode: ValidationMode, log: ToleranceLog): Json | undefined {
  return coerceSingle(def, value, where, { mode, log });
}

function coerce(def: AttributeDefinition, value: Json, where: string, ctx: Ctx): Json | undefined {
  if (value === null) return undefined;
  if (def.multiValued) {
    let list: Json[];
    if (Array.isArray(value)) list = value;
    else if (ctx.mode === 'lenient') {
      ctx.log.add('lenient/single-value-as-array', where);
      list = [value];
    } else throw ScimError.invalidValue(`'${where}' is multi-valued: expected an array`);
    if (list.length > MAX_VALUES_PER_ATTRIBUTE) {
      throw ScimError.invalidValue(`'${where}' has ${list.length} values; at most ${MAX_VALUES_PER_ATTRIBUTE} are accepted in one request`);
    }
    const items = list.map((item) => coerceSingle(def, item, where, ctx)).filter((x): x is Json => x !== undefined);
    if (items.length === 0) return undefined;
    if (def.type === 'complex' && items.filter((i) => isObject(i) && i['primary'] === true).length > 1) {
      throw ScimError.invalidValue(`'${where}': at most one value may be primary (RFC 7643 §2.4)`);
    }
    return items;
  }
  if (Array.isArray(value)) throw ScimError.invalidValue(`'${where}' is single-valued: an array is not allowed`);
  return coerceSingle(def, value, where, ctx);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}$/;

export function coerceBoolean(value: Json, where: string, mode: ValidationMode, log: ToleranceLog): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
    if (mode === 'strict') throw ScimError.invalidValue(`'${where}' must be a JSON boolean, not the string "${value}"`);
    log.add('lenient/string-boolean', where);
    return value.toLowerCase() === 'true';
  }
  throw ScimError.invalidValue(`'${where}' must be a boolean`);
}

function coerceSingle(def: AttributeDefinition, value: Json, where: string, ctx: Ctx): Json | undefined {
  if (value === null) return undefined;
  switch (def.type) {
    case 'boolean':
      return coerceBoolean(value, where, ctx.mode, ctx.log);
    case 'string':
    case 'reference':
      if (typeof value !== 'string') throw ScimError.invalidValue(`'${where}' must be a string`);
      return value;
    case 'binary':
      if (typeof value !== 'string' || !BASE64.test(value)) throw ScimError.invalidValue(`'${where}' must be base64-encoded binary`);
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
        throw ScimError.invalidValue(`'${where}' must be an xsd:dateTime such as 2008-01-23T04:56:22Z`);
      }
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw ScimError.invalidValue(`'${where}' must be an integer`);
      return value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw ScimError.invalidValue(`'${where}' must be a number`);
      return value;
    case 'complex': {
      if (!isObject(value) && typeof value === 'string' && ctx.mode === 'lenient' && findAttribute(def.subAttributes, 'value')) {
        ctx.log.add('lenient/complex-as-value', where);
        value = { value };
      }
      if (!isObject(value)) throw ScimError.invalidValue(`'${where}' must be an object`);
      const inner = coerceAttributes(def.subAttributes ?? [], value, `${where}.`, ctx);
      if (isUnassigned(inner)) return undefined;
      checkRequired(def.subAttributes ?? [], inner, `${where}.`);
      return inner;
    }
  }
}

function checkRequired(defs: readonly AttributeDefinition[], obj: JsonObject, prefix: string): void {
  for (const d of defs) {
    if (!d.required || d.mutability === 'readOnly') continue;
    if (isUnassigned(obj[d.name])) throw ScimError.invalidValue(`the required attribute '${prefix}${d.name}' is missing`);
  }
}

function checkImmutable(registry: SchemaRegistry, rt: ResourceTypeDefinition, existing: JsonObject, next: JsonObject): void {
  const compare = (defs: readonly AttributeDefinition[], before: unknown, after: unknown, prefix: string): void => {
    for (const d of defs) {
      if (d.mutability !== 'immutable') continue;
      const b = isObject(before) ? before[findKey(before, d.name) ?? d.name] : undefined;
      const a = isObject(after) ? after[d.name] : undefined;
      if (!isUnassigned(b) && !sameJson(a, b)) {
        throw ScimError.mutability(`'${prefix}${d.name}' is immutable and already set`);
      }
    }
  };
  compare(registry.coreAttributes(rt), existing, next, '');
  for (const { schema } of registry.extensions(rt)) {
    compare(schema.attributes, existing[findKey(existing, schema.id) ?? schema.id], next[schema.id], `${schema.id}:`);
  }
}
