/*
 * Schema registry — RFC 7643 §3 (resources, schemas, extensions), §6 (ResourceType), §7 (Schema).
 *
 * - holds the core User (§4.1) and Group (§4.2) schemas, the Enterprise User extension (§4.3) and any custom
 *   extension declared per tenant (e.g. NinjaOne's urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User)
 * - resolves an attribute path (§3.10 / RFC 7644 §3.4.2.2 attrPath) to its definitions: names are matched
 *   case-insensitively (§2.1), URN prefixes select the schema (core or extension); unqualified names refer to the
 *   core schema and the common attributes (§3.1)
 */
import type { AttrPath } from '../types/filter/ast.ts';
import { COMMON_ATTRIBUTES } from './definitions/common.ts';
import { ENTERPRISE_USER_SCHEMA } from './definitions/enterprise-user.ts';
import { GROUP_SCHEMA } from './definitions/group.ts';
import { USER_SCHEMA } from './definitions/user.ts';
import { findAttribute, type AttributeDefinition, type SchemaDefinition } from './types.ts';
export { findAttribute } from './types.ts';
import type { JsonObject } from './json.ts';
import { projectResource, type ProjectionOptions } from './project.ts';
import { sortComparator, type SortOrder } from './sort.ts';
import { validateResource, type ValidateOptions, type ValidationResult } from './validate.ts';

export interface ResourceTypeDefinition {
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly description: string;
  readonly schema: string;
  readonly schemaExtensions: readonly { readonly schema: string; readonly required: boolean }[];
}

/** A custom extension: a schema, the resource type it extends (default User) and whether it is required (§6). */
export interface ExtensionDeclaration {
  readonly schema: SchemaDefinition;
  readonly resourceType?: string;
  readonly required?: boolean;
}

export interface SchemaRegistryOptions {
  /** Custom extensions; a bare SchemaDefinition extends User and is optional. */
  readonly extensions?: readonly (SchemaDefinition | ExtensionDeclaration)[];
  /** Leave out the Enterprise User extension (default: included). */
  readonly enterpriseUser?: boolean;
}

export interface ResolvedAttribute {
  /** Canonical URN of the schema that defines the attribute (the core schema for common attributes). */
  readonly schemaId: string;
  /** True when the attribute lives in the extension object `resource[schemaId]`. */
  readonly extension: boolean;
  readonly attribute: AttributeDefinition;
  readonly subAttribute?: AttributeDefinition;
}

function isDeclaration(e: SchemaDefinition | ExtensionDeclaration): e is ExtensionDeclaration {
  return 'schema' in e && typeof (e as ExtensionDeclaration).schema === 'object';
}

export class SchemaRegistry {
  private readonly schemaById = new Map<string, SchemaDefinition>();
  private readonly types: ResourceTypeDefinition[];
  /** coreAttributes() per resource type: resolve() runs once per filter term per resource, so no allocation. */
  private readonly coreCache = new Map<ResourceTypeDefinition, readonly AttributeDefinition[]>();

  constructor(options: SchemaRegistryOptions = {}) {
    const userExt: { schema: string; required: boolean }[] = [];
    const groupExt: { schema: string; required: boolean }[] = [];
    this.add(USER_SCHEMA);
    this.add(GROUP_SCHEMA);
    if (options.enterpriseUser !== false) {
      this.add(ENTERPRISE_USER_SCHEMA);
      userExt.push({ schema: ENTERPRISE_USER_SCHEMA.id, required: false });
    }
    for (const e of options.extensions ?? []) {
      const decl: ExtensionDeclaration = isDeclaration(e) ? e : { schema: e };
      if (!/^urn:/i.test(decl.schema.id)) throw new TypeError(`extension schema id '${decl.schema.id}' must be a URN`);
      if (this.schemaById.has(decl.schema.id.toLowerCase())) throw new TypeError(`schema '${decl.schema.id}' is declared twice`);
      this.add(decl.schema);
      const rt = (decl.resourceType ?? 'User').toLowerCase();
      if (rt !== 'user' && rt !== 'group') throw new TypeError(`extension '${decl.schema.id}' extends unknown resource type '${decl.resourceType}'`);
      (rt === 'user' ? userExt : groupExt).push({ schema: decl.schema.id, required: decl.required ?? false });
    }
    this.types = [
      { id: 'User', name: 'User', endpoint: '/Users', description: 'User Account', schema: USER_SCHEMA.id, schemaExtensions: userExt },
      { id: 'Group', name: 'Group', endpoint: '/Groups', description: 'Group', schema: GROUP_SCHEMA.id, schemaExtensions: groupExt },
    ];
  }

  private add(s: SchemaDefinition): void {
    this.schemaById.set(s.id.toLowerCase(), s);
  }

  schemas(): SchemaDefinition[] {
    return [...this.schemaById.values()];
  }

  schema(id: string): SchemaDefinition | undefined {
    return this.schemaById.get(id.toLowerCase());
  }

  resourceTypes(): readonly ResourceTypeDefinition[] {
    return this.types;
  }

  /** By name ("User"), id or endpoint ("/Users"), case-insensitively. */
  resourceType(name: string): ResourceTypeDefinition | undefined {
    const n = name.toLowerCase();
    return this.types.find((t) => t.name.toLowerCase() === n || t.endpoint.toLowerCase() === n || t.endpoint.slice(1).toLowerCase() === n);
  }

  /** Like resourceType() but throws a TypeError (a programming error, not client input). */
  requireResourceType(name: string): ResourceTypeDefinition {
    const t = this.resourceType(name);
    if (!t) throw new TypeError(`unknown resource type '${name}'`);
    return t;
  }

  /** Guesses a resource's type from its `schemas` or `meta.resourceType`. */
  resourceTypeOf(resource: unknown): ResourceTypeDefinition | undefined {
    if (typeof resource !== 'object' || resource === null) return undefined;
    const r = resource as { schemas?: unknown; meta?: { resourceType?: unknown } };
    if (Array.isArray(r.schemas)) {
      const lower = r.schemas.filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase());
      const t = this.types.find((x) => lower.includes(x.schema.toLowerCase()));
      if (t) return t;
    }
    return typeof r.meta?.resourceType === 'string' ? this.resourceType(r.meta.resourceType) : undefined;
  }

  coreSchema(rt: ResourceTypeDefinition): SchemaDefinition {
    return this.schema(rt.schema)!;
  }

  extensions(rt: ResourceTypeDefinition): { schema: SchemaDefinition; required: boolean }[] {
    return rt.schemaExtensions.map((e) => ({ schema: this.schema(e.schema)!, required: e.required }));
  }

  /** The extension of `rt` with that URN (case-insensitive). */
  extension(rt: ResourceTypeDefinition, urn: string): SchemaDefinition | undefined {
    const e = rt.schemaExtensions.find((x) => x.schema.toLowerCase() === urn.toLowerCase());
    return e ? this.schema(e.schema) : undefined;
  }

  /** Top-level attributes of a resource type's core schema plus the common attributes (§3.1). */
  coreAttributes(rt: ResourceTypeDefinition): readonly AttributeDefinition[] {
    let list = this.coreCache.get(rt);
    if (!list) {
      list = [...COMMON_ATTRIBUTES, ...this.coreSchema(rt).attributes];
      this.coreCache.set(rt, list);
    }
    return list;
  }

  /**
   * When a path names a whole extension (`urn:…:enterprise:2.0:User`, which the attrPath grammar splits into
   * schema `urn:…:2.0` + attribute `User`), its schema; otherwise undefined.
   */
  extensionNamedBy(rt: ResourceTypeDefinition, path: AttrPath): SchemaDefinition | undefined {
    if (path.schema === undefined || path.subAttribute !== undefined) return undefined;
    return this.extension(rt, `${path.schema}:${path.attribute}`);
  }

  /** Resolves an attribute path for a resource type; undefined when the path names no defined attribute. */
  resolve(rt: ResourceTypeDefinition | string, path: AttrPath): ResolvedAttribute | undefined {
    const type = typeof rt === 'string' ? this.requireResourceType(rt) : rt;
    let schemaId = type.schema;
    let extension = false;
    let list: readonly AttributeDefinition[];
    if (path.schema !== undefined) {
      if (path.schema.toLowerCase() === type.schema.toLowerCase()) {
        list = this.coreAttributes(type);
      } else {
        const ext = this.extension(type, path.schema);
        if (!ext) return undefined;
        schemaId = ext.id;
        extension = true;
        list = ext.attributes;
      }
    } else {
      list = this.coreAttributes(type);
    }
    const attribute = findAttribute(list, path.attribute);
    if (!attribute) return undefined;
    if (path.subAttribute === undefined) return { schemaId, extension, attribute };
    const subAttribute = findAttribute(attribute.subAttributes, path.subAttribute);
    if (!subAttribute) return undefined;
    return { schemaId, extension, attribute, subAttribute };
  }

  /** Validates a POST/PUT body (see validate.ts). */
  validate(resourceType: string, body: unknown, opts: ValidateOptions): ValidationResult {
    return validateResource(this, resourceType, body, opts);
  }

  /** Applies attributes / excludedAttributes and the `returned` characteristic (see project.ts). */
  project(resource: JsonObject, opts: ProjectionOptions, resourceType: string): JsonObject {
    return projectResource(this, resource, opts, resourceType);
  }

  /** A comparator for sortBy / sortOrder (see sort.ts). */
  comparator(resourceType: string, sortBy: string, sortOrder: SortOrder = 'ascending'): (a: unknown, b: unknown) => number {
    return sortComparator(this, resourceType, sortBy, sortOrder);
  }
}
