/*
 * Turns mapping input into compiled mappings, at configuration time, so every problem surfaces before a cycle
 * runs (as Entra's blade refuses to save them):
 * - exactly one of source / constant / expression per mapping
 * - the target is a parseable SCIM path present in the target attribute list
 * - no two mappings for the same target
 * - at least one matching attribute; matching precedences unique
 * - every required target attribute has a mapping (NinjaOne's organizationId)
 * - expressions compile (syntax, unknown function, arity), errors naming the mapping path and position
 */
import { compileExpression } from '../expressions/index.ts';
import type { CompiledExpression, EvaluationResult, ExpressionValue } from '../expressions/index.ts';
import { ProvisioningError } from '../errors.ts';
import { validateAgainst } from '../validate.ts';
import { defaultGroupAttributes, defaultGroupMappings, defaultUserAttributes, defaultUserMappings } from './defaults.ts';
import { mappingsSchema } from './schema.ts';
import { parseTargetPath } from './target-path.ts';
import type { TargetPath } from './target-path.ts';
import type { ApplyMode, AttributeMappingInput, MappingsInput, ObjectMappingInput, TargetAttribute } from './types.ts';

export type ObjectType = 'user' | 'group';

export interface EvaluateOptions {
  now?: () => Date;
  random?: () => number;
}

export interface CompiledMapping {
  readonly kind: 'direct' | 'constant' | 'expression';
  /** The source attribute, constant or expression text, as configured. */
  readonly source: string;
  readonly target: TargetPath;
  readonly attribute: TargetAttribute;
  readonly apply: ApplyMode;
  readonly matchingPrecedence?: number;
  evaluate(source: Readonly<Record<string, unknown>>, options?: EvaluateOptions): EvaluationResult;
}

export interface CompiledObjectMappings {
  readonly objectType: ObjectType;
  readonly mappings: readonly CompiledMapping[];
  /** Matching mappings in precedence order. */
  readonly matching: readonly CompiledMapping[];
  readonly attributes: readonly TargetAttribute[];
}

export interface CompiledMappings {
  readonly users: CompiledObjectMappings;
  readonly groups: CompiledObjectMappings;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function toExpressionValue(v: unknown): ExpressionValue {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(toExpressionValue);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

function compileOne(m: AttributeMappingInput, where: string, attrs: Map<string, TargetAttribute>, problems: string[]): CompiledMapping | undefined {
  const kinds = (['source', 'constant', 'expression'] as const).filter((k) => m[k] !== undefined);
  if (kinds.length !== 1) {
    problems.push(`${where} must have exactly one of source, constant, expression (has ${kinds.length ? kinds.join(', ') : 'none'})`);
    return undefined;
  }
  let target: TargetPath;
  try {
    target = parseTargetPath(m.target);
  } catch {
    problems.push(`${where}.target "${m.target}" is not a SCIM attribute path`);
    return undefined;
  }
  const attribute = attrs.get(m.target.toLowerCase());
  if (!attribute) {
    problems.push(`${where}.target "${m.target}" is not in the target attribute list (add it under attributes)`);
    return undefined;
  }
  let compiled: CompiledExpression | undefined;
  if (m.expression !== undefined) {
    try {
      compiled = compileExpression(m.expression);
    } catch (e) {
      const err = e as { code?: string; position?: number; message?: string };
      problems.push(`${where}.expression ${err.code ?? 'error'} at position ${err.position ?? '?'}: ${err.message ?? String(e)}`);
      return undefined;
    }
  }
  const kind = m.source !== undefined ? 'direct' : m.constant !== undefined ? 'constant' : 'expression';
  const sourceText = (m.source ?? m.constant ?? m.expression)!;
  const dflt = m.default;
  const evaluate = (source: Readonly<Record<string, unknown>>, options: EvaluateOptions = {}): EvaluationResult => {
    let r: EvaluationResult;
    if (kind === 'constant') r = { skip: false, value: m.constant! };
    else if (kind === 'direct') {
      const key = Object.keys(source).find((k) => k.toLowerCase() === m.source!.toLowerCase());
      r = { skip: false, value: toExpressionValue(key === undefined ? null : source[key]) };
    } else {
      const ctx: { source: Readonly<Record<string, unknown>>; now?: () => Date; random?: () => number } = { source };
      if (options.now) ctx.now = options.now;
      if (options.random) ctx.random = options.random;
      r = compiled!.evaluate(ctx);
    }
    if (!r.skip && isEmpty(r.value) && dflt !== undefined) return { skip: false, value: dflt };
    return r;
  };
  const out: CompiledMapping = {
    kind,
    source: sourceText,
    target,
    attribute,
    apply: m.apply ?? 'always',
    evaluate,
    ...(m.matchingPrecedence !== undefined ? { matchingPrecedence: m.matchingPrecedence } : {}),
  };
  return out;
}

function compileObject(objectType: ObjectType, input: ObjectMappingInput | undefined, root: string, problems: string[]): CompiledObjectMappings {
  const preset = input?.preset ?? 'customappsso';
  const attributes = objectType === 'user' ? defaultUserAttributes() : defaultGroupAttributes();
  for (const a of input?.attributes ?? []) {
    const i = attributes.findIndex((x) => x.name.toLowerCase() === a.name.toLowerCase());
    if (i >= 0) attributes[i] = a;
    else attributes.push(a);
  }
  const attrMap = new Map(attributes.map((a) => [a.name.toLowerCase(), a]));
  for (const [i, a] of (input?.attributes ?? []).entries()) {
    try {
      parseTargetPath(a.name);
    } catch {
      problems.push(`${root}.attributes[${i}].name "${a.name}" is not a SCIM attribute path`);
    }
  }

  // Preset mappings first, then removals, then configured mappings replacing same-target presets.
  type Entry = { m: AttributeMappingInput; where: string };
  let entries: Entry[] =
    preset === 'customappsso' ? (objectType === 'user' ? defaultUserMappings() : defaultGroupMappings()).map((m, i) => ({ m, where: `${root}.preset[${i}]` })) : [];
  for (const [i, t] of (input?.remove ?? []).entries()) {
    const before = entries.length;
    entries = entries.filter((e) => e.m.target.toLowerCase() !== t.toLowerCase());
    if (entries.length === before) problems.push(`${root}.remove[${i}] "${t}" has no preset mapping to remove`);
  }
  const configured = input?.mappings ?? [];
  const seen = new Set<string>();
  for (const [i, m] of configured.entries()) {
    const t = m.target.toLowerCase();
    if (seen.has(t)) problems.push(`${root}.mappings[${i}].target "${m.target}" is mapped twice`);
    seen.add(t);
    entries = entries.filter((e) => e.m.target.toLowerCase() !== t);
    entries.push({ m, where: `${root}.mappings[${i}]` });
  }

  const mappings = entries.map((e) => compileOne(e.m, e.where, attrMap, problems)).filter((m): m is CompiledMapping => !!m);
  const matching = mappings.filter((m) => m.matchingPrecedence !== undefined).sort((a, b) => a.matchingPrecedence! - b.matchingPrecedence!);
  if (!matching.length && entries.length) problems.push(`${root} needs a matching attribute (matchingPrecedence: 1 on one mapping)`);
  const precs = matching.map((m) => m.matchingPrecedence);
  if (new Set(precs).size !== precs.length) problems.push(`${root} has two mappings with the same matchingPrecedence`);
  for (const a of attributes) {
    if (a.required && !mappings.some((m) => m.attribute === a)) problems.push(`${root}: required target attribute "${a.name}" has no mapping`);
  }
  return Object.freeze({ objectType, mappings: Object.freeze(mappings), matching: Object.freeze(matching), attributes: Object.freeze(attributes) });
}

/** Validates and compiles; throws `mapping/invalid` listing every problem (each naming its path). */
export function compileMappings(input: MappingsInput | undefined, root = 'mappings'): CompiledMappings {
  const shape = validateAgainst(mappingsSchema, input ?? {}, root);
  if (shape.length) throw new ProvisioningError('mapping/invalid', `invalid mappings: ${shape.join('; ')}`, shape);
  const problems: string[] = [];
  const users = compileObject('user', input?.users, `${root}.users`, problems);
  const groups = compileObject('group', input?.groups, `${root}.groups`, problems);
  if (problems.length) {
    const code = problems.some((p) => p.includes('.expression ')) ? 'mapping/expression' : 'mapping/invalid';
    throw new ProvisioningError(code, `invalid mappings: ${problems.join('; ')}`, problems);
  }
  return Object.freeze({ users, groups });
}
