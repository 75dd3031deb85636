/*
 * PATCH — RFC 7644 §3.5.2 (PatchOp message, add §3.5.2.1, remove §3.5.2.2, replace §3.5.2.3).
 *
 * The constructor validates the whole body before anything changes (like scimmy's PatchOp):
 * - `schemas` must contain urn:ietf:params:scim:api:messages:2.0:PatchOp → else 400 invalidSyntax
 * - `Operations` must be a non-empty array of objects → else 400 invalidSyntax
 * - `op` is add / remove / replace; other spellings of those ("Replace") are lenient/op-case, anything else
 *   400 invalidSyntax
 * - `path` follows the §3.5.2 grammar (types/path.ts) → 400 invalidPath / invalidFilter, and must name a defined
 *   attribute → 400 invalidPath
 * - remove needs a path (§3.5.2.2 "If path is unspecified ... noTarget"); add and replace need a value
 *   (§3.5.2.1 "The operation MUST contain a value member") → 400 invalidSyntax; without a path the value must be
 *   an object of attributes → 400 invalidSyntax
 * - remove with a value is not in the RFC → 400 invalidSyntax, except lenient `{op:"Remove", path:"members",
 *   value:[{value:id}]}` (Entra legacy) which removes those values (lenient/remove-members-by-value)
 *
 * apply() works on a copy and returns it:
 * - add: a multi-valued attribute gains the new values (values already present are not duplicated); a complex
 *   attribute has the given sub-attributes merged; a simple attribute is set (§3.5.2.1)
 * - replace: a multi-valued attribute's values are all replaced; a complex attribute's given sub-attributes are
 *   replaced and the others left alone; with a value filter every matching value is replaced (§3.5.2.3)
 * - remove: the attribute, the sub-attribute, or the values matching the filter are removed (§3.5.2.2)
 * - a value filter matching nothing: replace and remove → 400 noTarget (§3.5.2.3); add creates a value from the
 *   filter's `eq` terms (`emails[type eq "work"].value` → `{type:"work", value}`), as Entra expects; lenient
 *   replace does the same (lenient/replace-creates-value)
 * - readOnly attributes cannot change, immutable ones only from unassigned → 400 mutability (§3.5.2: "a client
 *   MUST NOT modify an attribute that has mutability readOnly or immutable"); a value equal to the current
 *   one is a no-op, not an error
 * - removing (or emptying) a required attribute → 400 invalidValue ("a required value was missing", §3.12)
 * - a value set to primary:true clears primary on the attribute's other values (§3.5.2)
 * - path-less add/replace: each key of the value is an operation on that attribute; extension URN keys apply
 *   their object's keys; URN-qualified attribute keys are accepted; dotted keys (`"name.givenName"`) are
 *   lenient/dotted-key, strict 400 invalidPath; a `schemas` key is ignored
 * - values are checked and coerced like a POST body (schemas/validate.ts): lenient/string-boolean etc.
 *
 * Bounded cost (issue 8; the limits and why are in ../limits.ts):
 * - more than MAX_PATCH_OPERATIONS operations → 400 tooMany, before anything is applied
 * - more than MAX_VALUES_PER_ATTRIBUTE values given to one multi-valued attribute, summed over the operations →
 *   400 invalidValue
 * - more than MAX_PATCH_SCAN value-filter evaluations (an operation with a filter tests every value of its
 *   attribute) → 400 tooMany (§3.12 Table 9: tooMany for a PATCH path filter)
 * - values are compared by a canonical text (sorted keys), never by JSON.stringify: a value that differs only in
 *   key order is the same value, so a no-op replace reports `changed: false` and meta.version stays
 * - adding k values to a list of n costs O(n + k): existing values are looked up in an index built once per list
 *   and apply() (ValueIndex below), and appended in place, never by copying the list per operation
 */
import { ScimError } from '../types/errors.ts';
import { evaluateValueFilter } from '../types/filter/evaluate.ts';
import type { FilterNode } from '../types/filter/ast.ts';
import { parsePath, type PatchPath } from '../types/path.ts';
import { ToleranceLog, type Tolerance, type ValidationMode } from '../types/tolerance.ts';
import { canonical, clone, findKey, isObject, isUnassigned, sameJson, type Json, type JsonObject } from '../schemas/json.ts';
import { MAX_PATCH_OPERATIONS, MAX_PATCH_SCAN, MAX_VALUES_PER_ATTRIBUTE } from '../limits.ts';
import { isDeepStrictEqual } from 'node:util';
import type { ResolvedAttribute, ResourceTypeDefinition, SchemaRegistry } from '../schemas/registry.ts';
import { findAttribute, type AttributeDefinition } from '../schemas/types.ts';
import { coerceSingleValue, coerceValue } from '../schemas/validate.ts';

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchOperation {
  readonly op: PatchOpName;
  /** The path as sent (undefined for a path-less add/replace). */
  readonly path?: string;
  readonly parsedPath?: PatchPath;
  readonly value?: Json;
  /** Lenient `remove` of `members` with a value list: remove the values listed. */
  readonly removeByValue?: boolean;
}

export interface PatchLimits {
  readonly maxOperations: number;
  readonly maxValuesPerAttribute: number;
  readonly maxScan: number;
}

export const PATCH_LIMITS: PatchLimits = {
  maxOperations: MAX_PATCH_OPERATIONS,
  maxValuesPerAttribute: MAX_VALUES_PER_ATTRIBUTE,
  maxScan: MAX_PATCH_SCAN,
};

export interface PatchOpOptions {
  readonly registry: SchemaRegistry;
  readonly resourceType: string;
  readonly mode: ValidationMode;
  /** Default PATCH_LIMITS (../limits.ts). */
  readonly limits?: Partial<PatchLimits>;
}

/** What one apply() has spent, against the limits; and the value indexes of the lists it appends to. */
interface Budget {
  scanned: number;
  readonly values: Map<string, number>;
  readonly indexes: WeakMap<Json[], ValueIndex>;
}

export interface PatchResult {
  readonly resource: JsonObject;
  readonly tolerated: Tolerance[];
  /** Whether the resource differs from the input (a PATCH that changes nothing need not bump meta.version). */
  readonly changed: boolean;
}

/** A PATCH of group members as rows to write (PatchOp.memberDelta). */
export interface MemberDelta {
  /** Values that become members, in the order apply() would append them. */
  readonly add: readonly string[];
  /** Members that stop being members. */
  readonly remove: readonly string[];
  readonly tolerated: Tolerance[];
}

/** One resolved target: the attribute and where it lives. */
interface Target {
  readonly resolved: ResolvedAttribute;
  readonly filter?: FilterNode;
  /** The sub-attribute after a filter, or of a complex attribute (`name.givenName`). */
  readonly sub?: AttributeDefinition;
  readonly text: string;
}

const OPS: readonly PatchOpName[] = ['add', 'remove', 'replace'];

export class PatchOp {
  readonly operations: readonly PatchOperation[];
  private readonly log = new ToleranceLog();
  private readonly rt: ResourceTypeDefinition;
  private readonly limits: PatchLimits;
  private budget: Budget = newBudget();

  constructor(
    body: unknown,
    private readonly opts: PatchOpOptions,
  ) {
    this.rt = opts.registry.requireResourceType(opts.resourceType);
    this.limits = { ...PATCH_LIMITS, ...opts.limits };
    if (!isObject(body)) throw ScimError.invalidSyntax('the PATCH body must be a JSON object');
    const schemas = body[findKey(body, 'schemas') ?? 'schemas'];
    if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP_SCHEMA.toLowerCase())) {
      throw ScimError.invalidSyntax(`'schemas' must be ["${PATCH_OP_SCHEMA}"]`);
    }
    const ops = body[findKey(body, 'Operations') ?? 'Operations'];
    if (!Array.isArray(ops) || ops.length === 0) throw ScimError.invalidSyntax(`'Operations' must be a non-empty array`);
    if (ops.length > this.limits.maxOperations) {
      throw ScimError.tooMany(`the PATCH has ${ops.length} operations; at most ${this.limits.maxOperations} are accepted in one request`);
    }
    this.operations = ops.map((raw, i) => this.parseOperation(raw, i));
  }

  /** Tolerances noticed while reading the body (before apply). */
  get tolerated(): Tolerance[] {
    return [...this.log.list];
  }

  private parseOperation(raw: Json, i: number): PatchOperation {
    const at = `Operations[${i}]`;
    if (!isObject(raw)) throw ScimError.invalidSyntax(`${at} must be an object`);
    const opRaw = raw[findKey(raw, 'op') ?? 'op'];
    if (typeof opRaw !== 'string' || !(OPS as readonly string[]).includes(opRaw.toLowerCase())) {
      throw ScimError.invalidSyntax(`${at}.op must be "add", "remove" or "replace"`);
    }
    const op = opRaw.toLowerCase() as PatchOpName;
    if (opRaw !== op) {
      if (this.opts.mode === 'strict') throw ScimError.invalidSyntax(`${at}.op "${opRaw}" must be lower-case "${op}" (RFC 7644 §3.5.2)`);
      this.log.add('lenient/op-case', `${at}.op "${opRaw}"`);
    }
    const pathKey = findKey(raw, 'path');
    const pathRaw = pathKey === undefined ? undefined : raw[pathKey];
    const valueKey = findKey(raw, 'value');
    const value = valueKey === undefined ? undefined : raw[valueKey];
    if (pathRaw !== undefined && pathRaw !== null && typeof pathRaw !== 'string') throw ScimError.invalidPath(`${at}.path must be a string`);
    const path = typeof pathRaw === 'string' && pathRaw.trim() !== '' ? pathRaw : undefined;
    const parsedPath = path === undefined ? undefined : parsePath(path);
    if (parsedPath) this.target(parsedPath, path!); // refuses an undefined attribute now, before any change

    if (op === 'remove') {
      if (!parsedPath) throw ScimError.noTarget(`${at}: remove needs a path (RFC 7644 §3.5.2.2)`);
      if (value !== undefined && value !== null) {
        const t = this.target(parsedPath, path!);
        const byValue =
          t &&
          !t.filter &&
          !t.sub &&
          t.resolved.attribute.multiValued &&
          t.resolved.attribute.type === 'complex' &&
          Array.isArray(value) &&
          value.every((v) => isObject(v) && findKey(v, 'value') !== undefined);
        if (!byValue) throw ScimError.invalidSyntax(`${at}: remove takes no value`);
        if (this.opts.mode === 'strict') {
          throw ScimError.invalidSyntax(`${at}: remove takes no value; use path '${path}[value eq "…"]' to remove one value`);
        }
        this.log.add('lenient/remove-members-by-value', `${at} ${path}`);
        return { op, path: path!, parsedPath, value, removeByValue: true };
      }
      return { op, path: path!, parsedPath };
    }
    if (value === undefined) throw ScimError.invalidSyntax(`${at}: ${op} needs a value (RFC 7644 §3.5.2.1)`);
    if (!parsedPath) {
      if (!isObject(value)) throw ScimError.invalidSyntax(`${at}: without a path, the value must be an object of attributes`);
      return { op, value };
    }
    return { op, path: path!, parsedPath, value };
  }

  /** Resolves a parsed path to its target; undefined when it names a whole extension. */
  private target(p: PatchPath, text: string): Target | undefined {
    const { registry } = this.opts;
    if (!p.filter && registry.extensionNamedBy(this.rt, p.attrPath)) return undefined;
    const resolved = registry.resolve(this.rt, p.attrPath);
    if (!resolved) throw ScimError.invalidPath(`'${text}' names no attribute of ${this.rt.name}`);
    if (p.filter) {
      if (!resolved.attribute.multiValued || resolved.subAttribute) {
        throw ScimError.invalidPath(`'${text}': a value filter needs a multi-valued attribute`);
      }
      let sub: AttributeDefinition | undefined;
      if (p.subAttribute !== undefined) {
        sub = findAttribute(resolved.attribute.subAttributes, p.subAttribute);
        if (!sub) throw ScimError.invalidPath(`'${text}': '${p.subAttribute}' is not a sub-attribute of '${resolved.attribute.name}'`);
      }
      return { resolved, filter: p.filter, ...(sub ? { sub } : {}), text };
    }
    return { resolved, ...(resolved.subAttribute ? { sub: resolved.subAttribute } : {}), text };
  }

  /** Applies every operation, in order, to a copy of `resource`. */
  apply(resource: JsonObject): PatchResult {
    const log = new ToleranceLog();
    for (const t of this.log.list) log.add(t.code, t.detail);
    const out = clone(resource);
    this.budget = newBudget();
    for (let i = 0; i < this.operations.length; ) {
      const run = this.removeByValueRun(i);
      if (run > 1) {
        this.applyRemoveRun(out, i, run);
        i += run;
        continue;
      }
      this.applyOne(out, this.operations[i]!, `Operations[${i}]`, log);
      i++;
    }
    // keep `schemas` in step with the extensions present (RFC 7643 §3)
    const ext = this.rt.schemaExtensions
      .map((e) => e.schema)
      .filter((id) => {
        const k = findKey(out, id);
        return k !== undefined && !isUnassigned(out[k]);
      });
    for (const e of this.rt.schemaExtensions) {
      const k = findKey(out, e.schema);
      if (k !== undefined && isUnassigned(out[k])) delete out[k];
    }
    const schemas = [this.rt.schema, ...ext];
    if (!sameJson(out['schemas'], schemas)) out['schemas'] = schemas;
    // key order is no change (RFC 8259 §4: object members are unordered); value order in an array is
    return { resource: out, tolerated: log.list, changed: !isDeepStrictEqual(out, resource) };
  }

  /**
   * Whether an operation may read or change the core attribute `name` (its path names it, or a path-less value
   * has a key that could): a resource patched without that attribute built gives the same result otherwise.
   */
  touches(name: string): boolean {
    const n = name.toLowerCase();
    const names = (key: string) => {
      const k = key.toLowerCase();
      return k === n || k.startsWith(`${n}.`) || k.endsWith(`:${n}`) || k.includes(`:${n}.`);
    };
    return this.operations.some((op) => {
      if (op.parsedPath) return op.parsedPath.attrPath.attribute.toLowerCase() === n;
      return Object.keys(op.value as JsonObject).some(
        (k) => names(k) || (isObject((op.value as JsonObject)[k]) && Object.keys((op.value as JsonObject)[k] as JsonObject).some(names)),
      );
    });
  }

  /**
   * The membership delta path (RFC 7644 §3.5.2): when every operation adds values to `members` (§3.5.2.1),
   * removes the one value `members[value eq "…"]` names (§3.5.2.2), or (lenient) removes the values listed, the
   * PATCH is a set of member rows to insert and delete. It is worked out from `isMember` lookups of the values
   * the operations name, in their order — O(values named), whatever the group's size — with the checks, errors
   * and tolerances apply() gives the same operations (values coerced and counted against maxValuesPerAttribute,
   * mutability, noTarget for a value filter matching no member, lenient/remove-members-by-value).
   * undefined when an operation is anything else: apply() then patches the whole resource.
   *
   * A member's type, $ref and display are the server's to derive (RFC 7643 §4.2), so an added value is keyed by
   * its `value` alone: adding a member already there changes nothing, whatever else the value carries.
   */
  memberDelta(isMember: (value: string) => boolean): MemberDelta | undefined {
    const targets = this.operations.map((op) => this.memberTarget(op));
    if (targets.some((t) => t === undefined)) return undefined;
    const log = new ToleranceLog();
    for (const t of this.log.list) log.add(t.code, t.detail);
    this.budget = newBudget();
    const before = new Map<string, boolean>();
    const was = (v: string): boolean => {
      let b = before.get(v);
      if (b === undefined) before.set(v, (b = isMember(v)));
      return b;
    };
    // value → member after the operations so far; insertion order is the order new members are appended in
    const after = new Map<string, boolean>();
    const is = (v: string): boolean => after.get(v) ?? was(v);
    const set = (v: string, member: boolean) => {
      after.delete(v); // re-adding a value appends it last, as apply() does
      after.set(v, member);
    };
    for (const [i, op] of this.operations.entries()) {
      const t = targets[i]!;
      const a = t.resolved.attribute;
      const where = `Operations[${i}] '${t.text}'`;
      if (op.op === 'add') {
        const incoming = (coerceValue(a, op.value as Json, t.text, this.opts.mode, log) ?? []) as Json[];
        this.countValues(t, incoming.length, where);
        checkMutable(a, 'add', false, where);
        for (const el of incoming) {
          const v = isObject(el) ? el[findKey(el, 'value') ?? 'value'] : undefined;
          if (typeof v !== 'string' || v === '') return undefined; // apply() and the store refuse it
          if (!is(v)) set(v, true);
        }
      } else if (op.removeByValue) {
        const listed = (op.value as JsonObject[]).map((v) => v[findKey(v, 'value')!]);
        this.countValues(t, new Set(listed.map((v) => canonical(v))).size, where);
        for (const v of listed) if (typeof v === 'string' && is(v)) set(v, false);
      } else {
        const v = (t.filter as { value: string }).value;
        const member = is(v);
        this.spendScan(member ? 1 : 0, where);
        if (!member) throw ScimError.noTarget(`${where}: no value matches the filter`);
        checkMutable(a, 'remove', true, where);
        set(v, false);
      }
    }
    const add: string[] = [];
    const remove: string[] = [];
    for (const [v, member] of after) {
      if (member && !was(v)) add.push(v);
      else if (!member && was(v)) remove.push(v);
    }
    return { add, remove, tolerated: log.list };
  }

  /**
   * The target of an operation the membership delta path takes: add to `members`, remove `members[value eq
   * "…"]` (`value` caseExact, so one exact lookup finds every match), lenient remove by value list.
   */
  private memberTarget(op: PatchOperation): Target | undefined {
    if (!op.parsedPath) return undefined;
    const t = this.target(op.parsedPath, op.path!);
    if (!t || t.sub || t.resolved.extension || t.resolved.attribute.name !== 'members' || t.resolved.attribute.required) return undefined;
    if (op.op === 'add') return t.filter ? undefined : t;
    if (op.op !== 'remove' || findAttribute(t.resolved.attribute.subAttributes, 'value')?.caseExact !== true) return undefined;
    if (op.removeByValue) return t.filter ? undefined : t;
    const f = t.filter;
    if (f?.kind !== 'compare' || f.op !== 'eq' || typeof f.value !== 'string' || f.path.schema !== undefined || f.path.subAttribute !== undefined) return undefined;
    return f.path.attribute.toLowerCase() === 'value' ? t : undefined;
  }

  private applyOne(res: JsonObject, op: PatchOperation, at: string, log: ToleranceLog): void {
    if (!op.parsedPath) {
      this.applyPathless(res, op, at, log);
      return;
    }
    const t = this.target(op.parsedPath, op.path!);
    if (!t) {
      // the whole extension
      const ext = this.opts.registry.extensionNamedBy(this.rt, op.parsedPath.attrPath)!;
      if (op.op === 'remove') {
        this.checkRequiredExtension(ext.id);
        const k = findKey(res, ext.id);
        if (k !== undefined) {
          for (const a of ext.attributes) if (a.required) throw ScimError.invalidValue(`'${ext.id}:${a.name}' is required`);
          delete res[k];
        }
        return;
      }
      if (!isObject(op.value)) throw ScimError.invalidValue(`${at}: the value for '${op.path}' must be an object`);
      for (const [key, v] of Object.entries(op.value)) this.applyKey(res, op.op, `${ext.id}:${key}`, v, at, log);
      return;
    }
    this.applyTarget(res, op.op, t, op.value, at, log, op.removeByValue === true);
  }

  /**
   * How many operations from `start` are `remove attr[value eq "…"]` on one attribute (Okta removes group members
   * this way, one operation per member). Such a run is applied at once by applyRemoveRun: one index of the list
   * instead of one scan per operation.
   */
  private removeByValueRun(start: number): number {
    const key = (op: PatchOperation | undefined): string | undefined => {
      const p = op?.parsedPath;
      const f = p?.filter;
      if (op?.op !== 'remove' || op.removeByValue || !p || !f || p.subAttribute !== undefined) return undefined;
      if (f.kind !== 'compare' || f.op !== 'eq' || typeof f.value !== 'string' || f.path.schema !== undefined || f.path.subAttribute !== undefined) return undefined;
      if (f.path.attribute.toLowerCase() !== 'value') return undefined;
      const r = this.opts.registry.resolve(this.rt, p.attrPath);
      return r ? `${r.schemaId}:${r.attribute.name}`.toLowerCase() : undefined;
    };
    const first = key(this.operations[start]);
    if (first === undefined) return 0;
    let n = 1;
    while (key(this.operations[start + n]) === first) n++;
    return n;
  }

  /**
   * A run of `remove attr[value eq "…"]` operations, with the same outcome as one by one: each operation removes
   * the values its filter matches among those still there (checked by the filter evaluator itself, on the
   * candidates an index of lower-cased `value`s gives), and one that matches nothing is 400 noTarget (§3.5.2.2).
   */
  private applyRemoveRun(res: JsonObject, start: number, count: number): void {
    const first = this.operations[start]!;
    const t = this.target(first.parsedPath!, first.path!)!;
    const a = t.resolved.attribute;
    const current = this.read(res, t.resolved);
    const list = Array.isArray(current) ? current : current === undefined || current === null ? [] : [current];
    // one pass to index the list, like any operation that reads it; only filter evaluations count against maxScan
    const byValue = new Map<string, number[]>();
    list.forEach((el, idx) => {
      const v = isObject(el) ? el[findKey(el, 'value') ?? 'value'] : undefined;
      if (typeof v !== 'string') return;
      const k = v.toLowerCase();
      const at = byValue.get(k);
      if (at) at.push(idx);
      else byValue.set(k, [idx]);
    });
    const removed = new Set<number>();
    for (let i = start; i < start + count; i++) {
      const op = this.operations[i]!;
      const where = `Operations[${i}] '${op.path}'`;
      const filter = op.parsedPath!.filter!;
      const candidates = byValue.get(String((filter as { value: string }).value).toLowerCase()) ?? [];
      this.spendScan(candidates.length, where);
      const matches = candidates.filter((idx) => !removed.has(idx) && evaluateValueFilter(filter, list[idx], a, this.opts.registry));
      if (matches.length === 0) throw ScimError.noTarget(`${where}: no value matches the filter`);
      checkMutable(a, 'remove', true, where);
      for (const idx of matches) removed.add(idx);
    }
    this.setMulti(
      res,
      t.resolved,
      list.filter((_, idx) => !removed.has(idx)),
      `Operations[${start + count - 1}] '${t.text}'`,
    );
  }

  private checkRequiredExtension(id: string): void {
    const e = this.rt.schemaExtensions.find((x) => x.schema.toLowerCase() === id.toLowerCase());
    if (e?.required) throw ScimError.invalidValue(`the extension '${e.schema}' is required`);
  }

  private applyPathless(res: JsonObject, op: PatchOperation, at: string, log: ToleranceLog): void {
    for (const [key, v] of Object.entries(op.value as JsonObject)) {
      if (key.toLowerCase() === 'schemas') continue;
      const ext = this.opts.registry.extension(this.rt, key);
      if (ext) {
        if (v === null) continue;
        if (!isObject(v)) throw ScimError.invalidValue(`${at}: '${key}' must be an object of the extension's attributes`);
        for (const [k2, v2] of Object.entries(v)) this.applyKey(res, op.op, `${ext.id}:${k2}`, v2, at, log);
        continue;
      }
      this.applyKey(res, op.op, key, v, at, log);
    }
  }

  /** One key of a path-less value: `userName`, `urn:…:User:department`, lenient `name.givenName`. */
  private applyKey(res: JsonObject, op: PatchOpName, key: string, value: Json, at: string, log: ToleranceLog): void {
    let p: PatchPath;
    try {
      p = parsePath(key);
    } catch {
      throw ScimError.invalidPath(`${at}: '${key}' is not an attribute name`);
    }
    if (p.filter) throw ScimError.invalidPath(`${at}: '${key}' is not an attribute name`);
    if (p.attrPath.subAttribute !== undefined) {
      if (this.opts.mode === 'strict') {
        throw ScimError.invalidPath(`${at}: '${key}' is a dotted name; use path "${key}" or a nested object`);
      }
      log.add('lenient/dotted-key', `${at} ${key}`);
    }
    const t = this.target(p, key);
    if (!t) throw ScimError.invalidPath(`${at}: '${key}' cannot name a whole extension here`);
    const d = t.resolved.attribute;
    // readOnly keys equal to the current value are no-ops: clients echo `id` back
    if (d.mutability === 'readOnly' && !t.sub) {
      const cur = this.read(res, t.resolved);
      if (sameJson(cur, value)) return;
    }
    this.applyTarget(res, op, t, value, at, log, false);
  }

  /** The container object holding the attribute (the resource, or its extension object). */
  private container(res: JsonObject, r: ResolvedAttribute, create: boolean): JsonObject | undefined {
    if (!r.extension) return res;
    const k = findKey(res, r.schemaId);
    if (k !== undefined && isObject(res[k])) {
      if (k !== r.schemaId) {
        res[r.schemaId] = res[k]!;
        delete res[k];
      }
      return res[r.schemaId] as JsonObject;
    }
    if (!create) return undefined;
    const obj: JsonObject = {};
    res[r.schemaId] = obj;
    return obj;
  }

  private read(res: JsonObject, r: ResolvedAttribute): Json | undefined {
    const c = this.container(res, r, false);
    if (!c) return undefined;
    const k = findKey(c, r.attribute.name);
    return k === undefined ? undefined : c[k];
  }

  private write(res: JsonObject, r: ResolvedAttribute, value: Json | undefined): void {
    const c = this.container(res, r, value !== undefined);
    if (!c) return;
    const k = findKey(c, r.attribute.name);
    if (k !== undefined) delete c[k];
    if (value !== undefined && !isUnassigned(value)) c[r.attribute.name] = value;
  }

  private applyTarget(res: JsonObject, op: PatchOpName, t: Target, value: Json | undefined, at: string, log: ToleranceLog, removeByValue: boolean): void {
    const a = t.resolved.attribute;
    const where = `${at} '${t.text}'`;
    const current = this.read(res, t.resolved);
    const { mode } = this.opts;

    if (t.filter) {
      const list = Array.isArray(current) ? current : current === undefined || current === null ? [] : [current];
      this.spendScan(list.length, where);
      const matches: { idx: number }[] = [];
      for (let idx = 0; idx < list.length; idx++) {
        if (evaluateValueFilter(t.filter, list[idx], a, this.opts.registry)) matches.push({ idx });
      }
      const matched = new Set(matches.map((m) => m.idx));
      if (op === 'remove') {
        if (matches.length === 0) throw ScimError.noTarget(`${where}: no value matches the filter`);
        if (t.sub) {
          checkMutable(t.sub, 'remove', true, where);
          if (t.sub.required) throw ScimError.invalidValue(`${where}: '${t.sub.name}' is required`);
          const next = list
            .map((el, idx) => {
              if (!matched.has(idx) || !isObject(el)) return el;
              const copy = { ...el };
              const k = findKey(copy, t.sub!.name);
              if (k !== undefined) delete copy[k];
              return copy;
            })
            .filter((el) => !isUnassigned(el));
          this.setMulti(res, t.resolved, next, where);
        } else {
          checkMutable(a, 'remove', true, where);
          this.setMulti(
            res,
            t.resolved,
            list.filter((_, idx) => !matched.has(idx)),
            where,
          );
        }
        return;
      }
      if (t.sub) {
        const v = coerceValue(t.sub, value as Json, `${t.text}`, mode, log);
        if (matches.length === 0) {
          if (op === 'replace') this.replaceWithoutMatch(where, log);
          const fresh = elementFromFilter(t.filter, a);
          if (!fresh) throw ScimError.noTarget(`${where}: no value matches the filter, and it does not describe a new one`);
          if (v !== undefined) fresh[t.sub.name] = v;
          this.setMulti(res, t.resolved, [...list, fresh], where, [list.length]);
          return;
        }
        const next = list.map((el, idx) => {
          if (!matched.has(idx) || !isObject(el)) return el;
          const copy = { ...el };
          const k = findKey(copy, t.sub!.name);
          const before = k === undefined ? undefined : copy[k];
          if (sameJson(before, v)) return copy;
          checkMutable(t.sub!, op, !isUnassigned(before), where);
          if (k !== undefined) delete copy[k];
          if (v !== undefined) copy[t.sub!.name] = v;
          return copy;
        });
        this.setMulti(res, t.resolved, next, where, t.sub.name === 'primary' && v === true ? matches.map((m) => m.idx) : []);
        return;
      }
      // filter, no sub-attribute: the value is one complex value
      const v = coerceSingleValue(a, value as Json, t.text, mode, log);
      if (!isObject(v)) throw ScimError.invalidValue(`${where}: the value must be an object`);
      if (matches.length === 0) {
        if (op === 'replace') this.replaceWithoutMatch(where, log);
        const fresh = elementFromFilter(t.filter, a);
        if (!fresh) throw ScimError.noTarget(`${where}: no value matches the filter, and it does not describe a new one`);
        this.setMulti(res, t.resolved, [...list, { ...fresh, ...v }], where, [list.length]);
        return;
      }
      const next = list.map((el, idx) => {
        if (!matched.has(idx)) return el;
        return op === 'replace' ? v : { ...(isObject(el) ? el : {}), ...v };
      });
      this.setMulti(res, t.resolved, next, where, v['primary'] === true ? matches.map((m) => m.idx) : []);
      return;
    }

    if (t.sub) {
      const s = t.sub;
      if (a.multiValued) {
        // `emails.type`: every value's sub-attribute
        const list = Array.isArray(current) ? current : [];
        if (op === 'remove') {
          if (s.required && list.length > 0) throw ScimError.invalidValue(`${where}: '${s.name}' is required`);
          checkMutable(s, 'remove', list.length > 0, where);
          this.setMulti(
            res,
            t.resolved,
            list
              .map((el) => {
                if (!isObject(el)) return el;
                const copy = { ...el };
                const k = findKey(copy, s.name);
                if (k !== undefined) delete copy[k];
                return copy;
              })
              .filter((el) => !isUnassigned(el)),
            where,
          );
          return;
        }
        if (list.length === 0) throw ScimError.noTarget(`${where}: '${a.name}' has no values`);
        const v = coerceValue(s, value as Json, t.text, mode, log);
        checkMutable(s, op, true, where);
        this.setMulti(res, t.resolved, list.map((el) => (isObject(el) ? { ...el, [s.name]: v ?? null } : el)).map(stripNulls), where);
        return;
      }
      const obj = isObject(current) ? { ...current } : {};
      const k = findKey(obj, s.name);
      const before = k === undefined ? undefined : obj[k];
      if (op === 'remove') {
        if (isUnassigned(before)) return;
        checkMutable(s, 'remove', true, where);
        checkMutable(a, 'replace', true, where);
        if (s.required) throw ScimError.invalidValue(`${where}: '${s.name}' is required`);
        delete obj[k!];
        this.write(res, t.resolved, isUnassigned(obj) ? undefined : obj);
        return;
      }
      const v = coerceValue(s, value as Json, t.text, mode, log);
      if (sameJson(before, v)) return;
      checkMutable(a, 'replace', !isUnassigned(current), where, true);
      checkMutable(s, op, !isUnassigned(before), where);
      if (k !== undefined) delete obj[k];
      if (v !== undefined) obj[s.name] = v;
      this.write(res, t.resolved, isUnassigned(obj) ? undefined : obj);
      return;
    }

    // the attribute itself
    if (op === 'remove') {
      if (removeByValue) {
        const list = Array.isArray(current) ? current : [];
        const valueDef = findAttribute(a.subAttributes, 'value');
        // one key per value, looked up in a Set: O(n + k), not every value against every value to drop
        const keyOf = (x: Json | undefined) => (typeof x === 'string' && !valueDef?.caseExact ? `s${x.toLowerCase()}` : canonical(x));
        const drop = new Set((value as JsonObject[]).map((v) => keyOf(v[findKey(v, 'value')!])));
        this.countValues(t, drop.size, where);
        this.setMulti(
          res,
          t.resolved,
          list.filter((el) => !(isObject(el) && drop.has(keyOf(el[findKey(el, 'value') ?? 'value'])))),
          where,
        );
        return;
      }
      if (isUnassigned(current)) return;
      checkMutable(a, 'remove', true, where);
      if (a.required) throw ScimError.invalidValue(`${where}: '${a.name}' is required`);
      this.write(res, t.resolved, undefined);
      return;
    }
    const v = coerceValue(a, value as Json, t.text, mode, log);
    if (a.multiValued) {
      const list = Array.isArray(current) ? current : [];
      const incoming = (v ?? []) as Json[];
      this.countValues(t, incoming.length, where);
      if (op === 'replace') {
        if (sameJson(list, incoming)) return;
        checkMutable(a, 'replace', list.length > 0, where);
        this.setMulti(res, t.resolved, incoming, where, primaryIndexes(incoming));
        return;
      }
      checkMutable(a, 'add', false, where);
      this.appendNew(res, t.resolved, Array.isArray(current) ? current : undefined, incoming);
      return;
    }
    if (a.type === 'complex' && isObject(v)) {
      // §3.5.2.1 / §3.5.2.3: the given sub-attributes are set, the others left alone
      const obj = isObject(current) ? { ...current } : {};
      let touched = false;
      for (const [sk, sv] of Object.entries(v)) {
        const sd = findAttribute(a.subAttributes, sk)!;
        const k = findKey(obj, sd.name);
        const before = k === undefined ? undefined : obj[k];
        if (sameJson(before, sv)) continue;
        checkMutable(sd, op, !isUnassigned(before), where);
        if (k !== undefined) delete obj[k];
        obj[sd.name] = sv;
        touched = true;
      }
      if (touched) {
        checkMutable(a, op, !isUnassigned(current), where, true);
        this.write(res, t.resolved, obj);
      }
      return;
    }
    if (sameJson(current, v)) return;
    checkMutable(a, op, !isUnassigned(current), where);
    if (isUnassigned(v) && a.required) throw ScimError.invalidValue(`${where}: '${a.name}' is required`);
    this.write(res, t.resolved, v);
  }

  /**
   * §3.5.2.3: replace through a value filter that matches nothing is 400 noTarget. Entra's legacy mode sends
   * `replace emails[type eq "work"].value` for a user without a work email and expects it to be created:
   * lenient treats it as an add (lenient/replace-creates-value).
   */
  private replaceWithoutMatch(where: string, log: ToleranceLog): void {
    if (this.opts.mode === 'strict') throw ScimError.noTarget(`${where}: no value matches the filter`);
    log.add('lenient/replace-creates-value', where);
  }

  /**
   * §3.5.2.1 add to a multi-valued attribute: the values not already there (an existing value holding every
   * sub-attribute a new one gives counts as there) are appended, in place, to the list apply() owns (a clone);
   * a new primary value clears the others' primary (§3.5.2). The list's index is kept up to date, so the next
   * add to it costs only its own values.
   */
  private appendNew(res: JsonObject, r: ResolvedAttribute, current: Json[] | undefined, incoming: Json[]): void {
    const list = current ?? [];
    let index = this.budget.indexes.get(list);
    if (!index) {
      index = new ValueIndex(list);
      this.budget.indexes.set(list, index);
    }
    let primary: JsonObject | undefined;
    const before = list.length;
    for (const n of incoming) {
      if (index.has(n)) continue;
      list.push(n);
      index.add(n);
      if (isObject(n) && n['primary'] === true) primary = n;
    }
    if (list.length === before) return;
    if (primary) {
      for (const el of list) {
        if (el === primary || !isObject(el) || el['primary'] !== true) continue;
        index.remove(el);
        el['primary'] = false;
        index.add(el);
      }
    }
    if (current === undefined) this.write(res, r, list);
  }

  /** Counts the values one request gives one attribute, over all its operations (maxValuesPerAttribute). */
  private countValues(t: Target, n: number, where: string): void {
    const key = `${t.resolved.schemaId}:${t.resolved.attribute.name}`.toLowerCase();
    const total = (this.budget.values.get(key) ?? 0) + n;
    this.budget.values.set(key, total);
    if (total > this.limits.maxValuesPerAttribute) {
      throw ScimError.invalidValue(
        `${where}: this request gives '${t.resolved.attribute.name}' ${total} values; at most ${this.limits.maxValuesPerAttribute} are accepted in one request`,
      );
    }
  }

  /** Counts value-filter evaluations over the whole request (maxScan). */
  private spendScan(n: number, where: string): void {
    this.budget.scanned += n;
    if (this.budget.scanned > this.limits.maxScan) {
      throw ScimError.tooMany(`${where}: the value filters of this PATCH would test more than ${this.limits.maxScan} values; send fewer operations per request`);
    }
  }

  /** Writes a multi-valued attribute; `primaryAt` are indexes whose primary:true clears the others' (§3.5.2). */
  private setMulti(res: JsonObject, r: ResolvedAttribute, list: Json[], where: string, primaryAt: number[] = []): void {
    let next = list;
    const keep = primaryAt.filter((i) => isObject(list[i]) && (list[i] as JsonObject)['primary'] === true).pop();
    if (keep !== undefined) {
      next = list.map((el, idx) => (isObject(el) && idx !== keep && el['primary'] === true ? { ...el, primary: false } : el));
    }
    if (next.length === 0 && r.attribute.required) throw ScimError.invalidValue(`${where}: '${r.attribute.name}' is required`);
    this.write(res, r, next.length === 0 ? undefined : next);
  }
}

/**
 * §3.5.2: readOnly never changes; immutable only from unassigned (add, or replace of an unassigned value).
 * `container` marks a complex parent whose own mutability is checked as a whole.
 */
function checkMutable(d: AttributeDefinition, op: PatchOpName, hasValue: boolean, where: string, container = false): void {
  if (d.mutability === 'readOnly') throw ScimError.mutability(`${where}: '${d.name}' is readOnly`);
  if (d.mutability === 'immutable' && (op === 'remove' || hasValue) && !container) {
    throw ScimError.mutability(`${where}: '${d.name}' is immutable`);
  }
}

function newBudget(): Budget {
  return { scanned: 0, values: new Map(), indexes: new WeakMap() };
}

/**
 * Answers "does the list already hold this value?" in O(1): an existing value holds a new one when it has every
 * sub-attribute the new one gives, with an equal value (so `{value: id}` is already in a members list whose
 * entry also has `type` and `$ref`); simple values must be equal. Keys are canonical texts (../schemas/json.ts),
 * so key order never matters and no value is compared with every other.
 *
 * Complex values are indexed per signature (the sorted sub-attribute names a new value gives), built the first
 * time a new value with that signature is looked up: O(n) per signature, and signatures are subsets of the
 * attribute's few sub-attributes. Counts rather than sets, so that a value changed in place (primary cleared)
 * can be re-indexed.
 */
export class ValueIndex {
  private readonly exact = new Map<string, number>();
  private readonly bySignature = new Map<string, { names: readonly string[]; keys: Map<string, number> }>();
  /** Keys computed so far: a test's proof of O(n + k) rather than O(n · k). */
  work = 0;

  constructor(private readonly list: readonly Json[]) {
    for (const el of list) if (!isObject(el)) bump(this.exact, this.key(el), 1);
  }

  has(value: Json): boolean {
    if (!isObject(value)) return this.exact.has(this.key(value));
    const names = Object.keys(value)
      .map((k) => k.toLowerCase())
      .sort();
    return this.signature(names).has(this.project(value, names)!);
  }

  add(value: Json): void {
    this.update(value, 1);
  }

  remove(value: Json): void {
    this.update(value, -1);
  }

  private update(value: Json, by: 1 | -1): void {
    if (!isObject(value)) {
      bump(this.exact, this.key(value), by);
      return;
    }
    for (const { names, keys } of this.bySignature.values()) {
      const p = this.project(value, names);
      if (p !== undefined) bump(keys, p, by);
    }
  }

  private signature(names: readonly string[]): Map<string, number> {
    const sig = names.join(',');
    let entry = this.bySignature.get(sig);
    if (!entry) {
      entry = { names, keys: new Map() };
      for (const el of this.list) {
        const p = isObject(el) ? this.project(el, names) : undefined;
        if (p !== undefined) bump(entry.keys, p, 1);
      }
      this.bySignature.set(sig, entry);
    }
    return entry.keys;
  }

  /** The canonical text of `obj` restricted to `names` (lower-case); undefined when it lacks one of them. */
  private project(obj: JsonObject, names: readonly string[]): string | undefined {
    this.work++;
    let out = '';
    for (const n of names) {
      const k = Object.hasOwn(obj, n) ? n : findKey(obj, n);
      if (k === undefined) return undefined;
      out += `${canonical(obj[k])},`;
    }
    return out;
  }

  private key(v: Json): string {
    this.work++;
    return canonical(v);
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}

function primaryIndexes(list: Json[]): number[] {
  return list.flatMap((el, idx) => (isObject(el) && el['primary'] === true ? [idx] : []));
}

function stripNulls(el: Json): Json {
  if (!isObject(el)) return el;
  return Object.fromEntries(Object.entries(el).filter(([, v]) => v !== null));
}

/** A new value described by a filter made only of `sub eq literal` joined by `and`; else undefined. */
function elementFromFilter(f: FilterNode, parent: AttributeDefinition): JsonObject | undefined {
  const out: JsonObject = {};
  const walk = (n: FilterNode): boolean => {
    if (n.kind === 'and') return walk(n.left) && walk(n.right);
    if (n.kind === 'compare' && n.op === 'eq' && n.path.schema === undefined && n.path.subAttribute === undefined) {
      const d = findAttribute(parent.subAttributes, n.path.attribute);
      if (!d || n.value === null) return false;
      out[d.name] = n.value;
      return true;
    }
    return false;
  };
  return walk(f) ? out : undefined;
}
