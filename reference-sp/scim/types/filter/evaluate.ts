/*
 * Filter evaluation — RFC 7644 §3.4.2.2.
 *
 * - string comparisons honour the attribute's caseExact (RFC 7643 §2.2, §7); userName is case-insensitive,
 *   id / externalId / meta.version are caseExact; unknown attributes compare case-insensitively
 * - a multi-valued attribute matches if ANY of its values matches ("If the attribute is multi-valued, the
 *   filter matches if any of the values match"), ne included; an absent attribute is "not equal" to anything
 * - a complex attribute compared without a sub-attribute is compared through its `value` sub-attribute
 *   (`emails co "example.com"`, §3.4.2.2 examples)
 * - dateTime attributes are compared as instants, numbers as numbers
 * - gt/ge/lt/le on boolean or binary attributes, and co/sw/ew on booleans/numbers → 400 invalidFilter
 *   (§3.4.2.2: "Boolean and Binary attributes SHALL cause a failed response")
 * - pr: present when the value is non-empty (§3.4.2.2 "pr": "non-empty value, or ... a non-empty node")
 * - `eq null` matches an unassigned attribute, `ne null` an assigned one (RFC 7643 §2.5)
 * - a literal of another type than the attribute's (userName eq 5) simply does not match
 */
import { ScimError } from '../errors.ts';
import type { ResourceTypeDefinition, SchemaRegistry } from '../../schemas/registry.ts';
import { getCI, isObject, isUnassigned } from '../../schemas/json.ts';
import { findAttribute, type AttributeDefinition, type AttributeType } from '../../schemas/types.ts';
import { formatAttrPath, type AttrPath, type CompareNode, type CompValue, type FilterNode } from './ast.ts';

/** Where paths are resolved: the resource itself, or one value of a complex attribute inside `[...]`. */
type Scope = { readonly kind: 'resource'; readonly rt: ResourceTypeDefinition | undefined } | { readonly kind: 'complex'; readonly parent: AttributeDefinition | undefined };

interface Leaf {
  readonly def: AttributeDefinition | undefined;
  readonly values: unknown[];
}

/**
 * Does `resource` match `node`? `resourceType` defaults to the one named by the resource's `schemas`.
 * Throws ScimError(400, invalidFilter) for comparisons the attribute's type does not allow.
 */
export function evaluateFilter(node: FilterNode, resource: unknown, registry: SchemaRegistry, resourceType?: string): boolean {
  const rt = resourceType !== undefined ? registry.requireResourceType(resourceType) : registry.resourceTypeOf(resource);
  return evalNode(node, resource, { kind: 'resource', rt }, registry);
}

/**
 * Does one value of a complex multi-valued attribute match a value filter (`emails[type eq "work"]` → the
 * filter `type eq "work"` against each email)? `parent` is the complex attribute's definition.
 */
export function evaluateValueFilter(node: FilterNode, element: unknown, parent: AttributeDefinition | undefined, registry: SchemaRegistry): boolean {
  return isObject(element) && evalNode(node, element, { kind: 'complex', parent }, registry);
}

/** A predicate for Array.prototype.filter; checks the filter once against the schema first. */
export function filterPredicate(node: FilterNode, registry: SchemaRegistry, resourceType: string): (resource: unknown) => boolean {
  const rt = registry.requireResourceType(resourceType);
  checkFilter(node, registry, resourceType);
  return (resource) => evalNode(node, resource, { kind: 'resource', rt }, registry);
}

/**
 * Static check of a filter against the schema, before touching any data: operators the attribute type does not
 * allow → invalidFilter. With `{ unknownAttributes: 'reject' }` an undefined attribute → invalidFilter too.
 */
export function checkFilter(node: FilterNode, registry: SchemaRegistry, resourceType: string, opts: { unknownAttributes?: 'reject' | 'allow' } = {}): void {
  const rt = registry.requireResourceType(resourceType);
  const walk = (n: FilterNode, scope: Scope): void => {
    switch (n.kind) {
      case 'and':
      case 'or':
        walk(n.left, scope);
        walk(n.right, scope);
        return;
      case 'not':
        walk(n.operand, scope);
        return;
      case 'valuePath': {
        const def = resolveDef(n.path, scope, registry);
        if (!def && opts.unknownAttributes === 'reject') throw ScimError.invalidFilter(`unknown attribute '${formatAttrPath(n.path)}'`);
        walk(n.filter, { kind: 'complex', parent: def });
        return;
      }
      case 'present':
      case 'compare': {
        const def = resolveDef(n.path, scope, registry);
        if (!def && opts.unknownAttributes === 'reject') throw ScimError.invalidFilter(`unknown attribute '${formatAttrPath(n.path)}'`);
        if (n.kind === 'compare') checkOperator(n, leafDef(def));
      }
    }
  };
  walk(node, { kind: 'resource', rt });
}

function evalNode(n: FilterNode, container: unknown, scope: Scope, registry: SchemaRegistry): boolean {
  switch (n.kind) {
    case 'and':
      return evalNode(n.left, container, scope, registry) && evalNode(n.right, container, scope, registry);
    case 'or':
      return evalNode(n.left, container, scope, registry) || evalNode(n.right, container, scope, registry);
    case 'not':
      return !evalNode(n.operand, container, scope, registry);
    case 'present': {
      const leaf = leafValues(n.path, container, scope, registry, false);
      return leaf.values.some((v) => !isUnassigned(v));
    }
    case 'valuePath': {
      const def = resolveDef(n.path, scope, registry);
      const raw = rawValue(n.path, container, scope, registry);
      const elements = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
      return elements.some((el) => isObject(el) && evalNode(n.filter, el, { kind: 'complex', parent: def }, registry));
    }
    case 'compare': {
      const leaf = leafValues(n.path, container, scope, registry, true);
      const def = leafDef(leaf.def);
      checkOperator(n, def);
      const present = leaf.values.filter((v) => !isUnassigned(v));
      if (n.value === null) return n.op === 'eq' ? present.length === 0 : n.op === 'ne' ? present.length > 0 : false;
      if (present.length === 0) return n.op === 'ne';
      return present.some((v) => compare(n, v, def));
    }
  }
}

/** The definition of the compared leaf: for a complex attribute without sub-attribute, its `value`. */
function leafDef(def: AttributeDefinition | undefined): AttributeDefinition | undefined {
  if (def?.type === 'complex') return findAttribute(def.subAttributes, 'value') ?? def;
  return def;
}

function resolveDef(path: AttrPath, scope: Scope, registry: SchemaRegistry): AttributeDefinition | undefined {
  if (scope.kind === 'resource') {
    if (!scope.rt) return undefined;
    const r = registry.resolve(scope.rt, path);
    return r ? (r.subAttribute ?? r.attribute) : undefined;
  }
  if (path.schema !== undefined) return undefined;
  const a = findAttribute(scope.parent?.subAttributes, path.attribute);
  return path.subAttribute !== undefined ? findAttribute(a?.subAttributes, path.subAttribute) : a;
}

/** The raw JSON at a path (top-level attribute, or its sub-attribute values flattened). */
function rawValue(path: AttrPath, container: unknown, scope: Scope, registry: SchemaRegistry): unknown {
  let holder: unknown = container;
  let name = path.attribute;
  if (scope.kind === 'resource' && path.schema !== undefined && scope.rt) {
    const r = registry.resolve(scope.rt, path);
    if (r?.extension) holder = getCI(container, r.schemaId);
    if (r) name = r.attribute.name;
  }
  const top = getCI(holder, name);
  if (path.subAttribute === undefined) return top;
  const sub = path.subAttribute;
  if (Array.isArray(top)) return top.map((el) => getCI(el, sub));
  return getCI(top, sub);
}

function leafValues(path: AttrPath, container: unknown, scope: Scope, registry: SchemaRegistry, compareThroughValue: boolean): Leaf {
  const def = resolveDef(path, scope, registry);
  let raw = rawValue(path, container, scope, registry);
  const list = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined && v !== null);
  if (compareThroughValue && (def?.type === 'complex' || (!def && list.some(isObject)))) {
    raw = list.flatMap((el) => (isObject(el) ? [getCI(el, 'value')] : [el]));
    return { def, values: (raw as unknown[]).filter((v) => v !== undefined && v !== null) };
  }
  return { def, values: list };
}

const ORDERING = new Set(['gt', 'ge', 'lt', 'le']);
const SUBSTRING = new Set(['co', 'sw', 'ew']);

function checkOperator(n: CompareNode, def: AttributeDefinition | undefined): void {
  if (!def) return;
  const t: AttributeType = def.type;
  if ((t === 'boolean' || t === 'binary') && ORDERING.has(n.op)) {
    throw ScimError.invalidFilter(`'${n.op}' cannot compare the ${t} attribute '${formatAttrPath(n.path)}'`);
  }
  if ((t === 'boolean' || t === 'integer' || t === 'decimal') && SUBSTRING.has(n.op)) {
    throw ScimError.invalidFilter(`'${n.op}' cannot compare the ${t} attribute '${formatAttrPath(n.path)}'`);
  }
  if (t === 'complex') throw ScimError.invalidFilter(`'${formatAttrPath(n.path)}' is complex: compare one of its sub-attributes`);
}

function compare(n: CompareNode, actual: unknown, def: AttributeDefinition | undefined): boolean {
  const lit: CompValue = n.value;
  const type: AttributeType | undefined = def?.type;
  if (type === 'boolean' || (!def && typeof actual === 'boolean')) {
    if (typeof actual !== 'boolean' || typeof lit !== 'boolean') return n.op === 'ne';
    return n.op === 'eq' ? actual === lit : actual !== lit;
  }
  if (type === 'integer' || type === 'decimal' || (!def && typeof actual === 'number')) {
    if (typeof actual !== 'number' || typeof lit !== 'number') return n.op === 'ne';
    return ordered(n.op, actual - lit);
  }
  if (typeof actual !== 'string' || typeof lit !== 'string') return n.op === 'ne';
  if (type === 'dateTime' && !SUBSTRING.has(n.op)) {
    const a = Date.parse(actual);
    const b = Date.parse(lit);
    if (Number.isNaN(b)) throw ScimError.invalidFilter(`'${lit}' is not a dateTime for '${formatAttrPath(n.path)}'`);
    if (!Number.isNaN(a)) return ordered(n.op, a - b);
  }
  const caseExact = def?.caseExact ?? false;
  const a = caseExact ? actual : actual.toLowerCase();
  const b = caseExact ? lit : lit.toLowerCase();
  switch (n.op) {
    case 'co':
      return a.includes(b);
    case 'sw':
      return a.startsWith(b);
    case 'ew':
      return a.endsWith(b);
    default:
      return ordered(n.op, a < b ? -1 : a > b ? 1 : 0);
  }
}

function ordered(op: string, diff: number): boolean {
  switch (op) {
    case 'eq':
      return diff === 0;
    case 'ne':
      return diff !== 0;
    case 'gt':
      return diff > 0;
    case 'ge':
      return diff >= 0;
    case 'lt':
      return diff < 0;
    case 'le':
      return diff <= 0;
    default:
      return false;
  }
}
