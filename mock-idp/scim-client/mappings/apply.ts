/*
 * Runs an object's mappings against its source record and shapes the result as Entra sends it.
 * - a mapping whose flow is skipped (IgnoreFlowIfNullOrEmpty) or whose value is null/empty is not sent
 * - "Only during object creation" mappings run on create only
 * - values are converted to the target attribute's type: Boolean targets take "True"/"False" (what Switch
 *   returns) as real booleans, Integer targets numbers; a value that does not convert fails the object
 * - a required target attribute without a value fails the object (`mapping/required-missing`)
 * - extension attributes nest under their URN; whether the URN is also listed in `schemas` is a setting. Listed, it
 *   is every extension the mappings target, with or without a value in this object: Microsoft's Create User example
 *   lists the enterprise URN for a user that carries no enterprise attribute ("use-scim-to-provision-users-and-groups",
 *   section "Create User")
 */
import { ProvisioningError } from '../errors.ts';
import type { CompiledMapping, CompiledObjectMappings, EvaluateOptions } from './compile.ts';
import { CORE_GROUP_URN, CORE_USER_URN, writePath } from './target-path.ts';

export type TargetValue = string | number | boolean | string[];

/** target text → value, in mapping order: the object's state as exported (also the incremental watermark). */
export type MappedState = Record<string, TargetValue>;

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function convert(m: CompiledMapping, v: unknown): TargetValue {
  const a = m.attribute;
  const scalar = (x: unknown): string | number | boolean => {
    switch (a.type) {
      case 'Boolean':
        if (typeof x === 'boolean') return x;
        if (typeof x === 'string' && /^(true|false)$/i.test(x)) return x.toLowerCase() === 'true';
        throw new ProvisioningError('mapping/invalid', `${m.target.text}: ${JSON.stringify(x)} is not a Boolean`);
      case 'Integer': {
        const n = typeof x === 'number' ? x : Number(x);
        if (!Number.isInteger(n)) throw new ProvisioningError('mapping/invalid', `${m.target.text}: ${JSON.stringify(x)} is not an Integer`);
        return n;
      }
      default:
        return String(x);
    }
  };
  if (Array.isArray(v)) {
    const items = v.filter((x) => !isEmpty(x));
    if (a.multiValued) return items.map((x) => String(scalar(x)));
    return scalar(items[0]);
  }
  return a.multiValued ? [String(scalar(v))] : scalar(v);
}

export function mapObject(set: CompiledObjectMappings, source: Readonly<Record<string, unknown>>, phase: 'create' | 'update', options: EvaluateOptions = {}): MappedState {
  const out: MappedState = {};
  for (const m of set.mappings) {
    if (m.apply === 'create' && phase !== 'create') continue;
    const r = m.evaluate(source, options);
    if (r.skip || isEmpty(r.value)) continue;
    out[m.target.text] = convert(m, r.value);
  }
  if (phase === 'create') {
    for (const a of set.attributes) {
      if (!a.required) continue;
      const m = set.mappings.find((x) => x.attribute === a);
      if (!m || out[m.target.text] === undefined) {
        throw new ProvisioningError('mapping/required-missing', `required attribute ${a.name} has no value`);
      }
    }
  }
  return out;
}

export interface SerialiseOptions {
  /** List extension URNs (enterprise, custom) in `schemas` too (Entra does; some servers refuse it). */
  listExtensionSchemas: boolean;
  /** Turns a Reference value (a source objectId) into the target id; undefined when not provisioned yet. */
  resolveReference: (objectId: string) => string | undefined;
}

/** The SCIM resource for a POST (or an Okta PUT): values nested at their paths, references resolved. */
export function serialise(set: CompiledObjectMappings, state: MappedState, options: SerialiseOptions): Record<string, unknown> {
  const core = set.objectType === 'user' ? CORE_USER_URN : CORE_GROUP_URN;
  const resource: Record<string, unknown> = { schemas: [core] };
  const urns = new Set<string>();
  for (const m of set.mappings) {
    if (m.target.urn) urns.add(m.target.urn);
    const v = state[m.target.text];
    if (v === undefined) continue;
    if (m.attribute.type === 'Reference') {
      if (set.objectType === 'group' && m.target.attribute.toLowerCase() === 'members') continue; // sent by PATCH
      const id = options.resolveReference(String(Array.isArray(v) ? v[0] : v));
      if (id === undefined) continue;
      writePath(resource, m.target, { value: id });
    } else writePath(resource, m.target, v);
  }
  if (options.listExtensionSchemas) (resource['schemas'] as string[]).push(...urns);
  return resource;
}
