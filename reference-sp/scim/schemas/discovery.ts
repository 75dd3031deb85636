/*
 * Discovery documents — RFC 7644 §4 (endpoints), RFC 7643 §5 (ServiceProviderConfig), §6 (ResourceType),
 * §7 (Schema).
 *
 * - ServiceProviderConfig tells the truth: every capability is a parameter the server passes in from what it
 *   actually implements (nothing defaults to "supported")
 * - ResourceTypes and Schemas are derived from the SchemaRegistry, so a tenant's custom extension shows up in
 *   both, with `required` as declared
 * - every document carries `schemas` and `meta.resourceType` / `meta.location` (RFC 7643 §3.1)
 * - the list endpoints wrap these in a ListResponse (messages/list-response.ts)
 */
import type { JsonObject } from './json.ts';
import type { ResourceTypeDefinition, SchemaRegistry } from './registry.ts';
import type { AttributeDefinition, SchemaDefinition } from './types.ts';

export const SERVICE_PROVIDER_CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export interface AuthenticationScheme {
  readonly type: 'oauth' | 'oauth2' | 'oauthbearertoken' | 'httpbasic' | 'httpdigest';
  readonly name: string;
  readonly description: string;
  readonly specUri?: string;
  readonly documentationUri?: string;
  readonly primary?: boolean;
}

export interface ServiceProviderCapabilities {
  readonly documentationUri?: string;
  readonly patch: boolean;
  readonly bulk: { readonly supported: boolean; readonly maxOperations: number; readonly maxPayloadSize: number };
  readonly filter: { readonly supported: boolean; readonly maxResults: number };
  readonly changePassword: boolean;
  readonly sort: boolean;
  readonly etag: boolean;
  readonly authenticationSchemes: readonly AuthenticationScheme[];
}

export const BEARER_TOKEN_SCHEME: AuthenticationScheme = {
  type: 'oauthbearertoken',
  name: 'OAuth Bearer Token',
  description: 'Authentication with a bearer token (RFC 6750) issued by the service provider.',
  specUri: 'https://www.rfc-editor.org/info/rfc6750',
  primary: true,
};

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** RFC 7643 §5. `baseUrl` is the SCIM base, e.g. http://127.0.0.1:7100/scim/v2/acme. */
export function serviceProviderConfig(caps: ServiceProviderCapabilities, baseUrl: string): JsonObject {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    ...(caps.documentationUri ? { documentationUri: caps.documentationUri } : {}),
    patch: { supported: caps.patch },
    bulk: { supported: caps.bulk.supported, maxOperations: caps.bulk.maxOperations, maxPayloadSize: caps.bulk.maxPayloadSize },
    filter: { supported: caps.filter.supported, maxResults: caps.filter.maxResults },
    changePassword: { supported: caps.changePassword },
    sort: { supported: caps.sort },
    etag: { supported: caps.etag },
    authenticationSchemes: caps.authenticationSchemes.map((s) => ({ ...s })),
    meta: { resourceType: 'ServiceProviderConfig', location: `${trimBase(baseUrl)}/ServiceProviderConfig` },
  };
}

/** RFC 7643 §6: one ResourceType document. */
export function resourceTypeDocument(rt: ResourceTypeDefinition, baseUrl: string): JsonObject {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: rt.id,
    name: rt.name,
    endpoint: rt.endpoint,
    description: rt.description,
    schema: rt.schema,
    schemaExtensions: rt.schemaExtensions.map((e) => ({ schema: e.schema, required: e.required })),
    meta: { resourceType: 'ResourceType', location: `${trimBase(baseUrl)}/ResourceTypes/${rt.id}` },
  };
}

export function resourceTypeDocuments(registry: SchemaRegistry, baseUrl: string): JsonObject[] {
  return registry.resourceTypes().map((rt) => resourceTypeDocument(rt, baseUrl));
}

function attributeJson(a: AttributeDefinition): JsonObject {
  return {
    name: a.name,
    type: a.type,
    multiValued: a.multiValued,
    description: a.description,
    required: a.required,
    ...(a.type === 'string' || a.type === 'reference' || a.type === 'binary' ? { caseExact: a.caseExact } : {}),
    ...(a.canonicalValues ? { canonicalValues: [...a.canonicalValues] } : {}),
    mutability: a.mutability,
    returned: a.returned,
    ...(a.type !== 'boolean' && a.type !== 'complex' ? { uniqueness: a.uniqueness } : {}),
    ...(a.referenceTypes && a.type === 'reference' ? { referenceTypes: [...a.referenceTypes] } : {}),
    ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attributeJson) } : {}),
  };
}

/** RFC 7643 §7: one Schema document (the §8.7.1 representation). */
export function schemaDocument(schema: SchemaDefinition, baseUrl: string): JsonObject {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(attributeJson),
    meta: { resourceType: 'Schema', location: `${trimBase(baseUrl)}/Schemas/${schema.id}` },
  };
}

export function schemaDocuments(registry: SchemaRegistry, baseUrl: string): JsonObject[] {
  return registry.schemas().map((s) => schemaDocument(s, baseUrl));
}
