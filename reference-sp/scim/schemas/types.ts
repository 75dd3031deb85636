/*
 * Schema definition shapes — RFC 7643 §7 (schema attributes) and §2.2 (attribute characteristics and defaults).
 * A SchemaDefinition is the JSON served at /Schemas/{id} (RFC 7644 §4), minus `schemas`/`meta`, which the
 * discovery builder adds.
 */

export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'binary' | 'reference' | 'complex';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDefinition[];
}

export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDefinition[];
}

/** Partial attribute as written in definitions; `attr()` fills in the RFC 7643 §2.2 defaults. */
export type AttributeInput = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'subAttributes'>> & {
  readonly subAttributes?: readonly AttributeDefinition[];
};

/**
 * An attribute with RFC 7643 §2.2 defaults: required false, canonicalValues none, caseExact false,
 * mutability readWrite, returned default, uniqueness none; multiValued false.
 */
export function attr(name: string, type: AttributeType, input: AttributeInput = {}): AttributeDefinition {
  const a: AttributeDefinition = {
    name,
    type,
    multiValued: input.multiValued ?? false,
    description: input.description ?? '',
    required: input.required ?? false,
    caseExact: input.caseExact ?? false,
    mutability: input.mutability ?? 'readWrite',
    returned: input.returned ?? 'default',
    uniqueness: input.uniqueness ?? 'none',
    ...(input.canonicalValues ? { canonicalValues: input.canonicalValues } : {}),
    ...(input.referenceTypes ? { referenceTypes: input.referenceTypes } : type === 'reference' ? { referenceTypes: ['external'] } : {}),
    ...(input.subAttributes ? { subAttributes: input.subAttributes } : {}),
  };
  return a;
}

/**
 * Normalises a schema given as plain JSON (e.g. a tenant's custom extension from config) into a full
 * SchemaDefinition with every §2.2 default filled in.
 */
export function normaliseSchema(raw: {
  id: string;
  name?: string;
  description?: string;
  attributes: readonly (AttributeInput & { name: string; type: AttributeType; subAttributes?: readonly unknown[] })[];
}): SchemaDefinition {
  const norm = (a: AttributeInput & { name: string; type: AttributeType; subAttributes?: readonly unknown[] }): AttributeDefinition =>
    attr(a.name, a.type, {
      ...a,
      ...(a.subAttributes ? { subAttributes: (a.subAttributes as Parameters<typeof norm>[0][]).map(norm) } : {}),
    } as AttributeInput);
  return { id: raw.id, name: raw.name ?? raw.id.split(':').pop()!, description: raw.description ?? '', attributes: raw.attributes.map(norm) };
}

/** The definition named `name` (case-insensitive, RFC 7643 §2.1) in a list of attributes. */
export function findAttribute(list: readonly AttributeDefinition[] | undefined, name: string): AttributeDefinition | undefined {
  if (!list) return undefined;
  const lower = name.toLowerCase();
  return list.find((a) => a.name.toLowerCase() === lower);
}
