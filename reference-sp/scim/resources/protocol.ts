/*
 * Binds ScimProtocol (./protocol-port.ts) to the protocol modules: reference-sp/scim/schemas (validation,
 * projection, sorting, discovery), reference-sp/scim/types/filter (filter evaluation) and
 * reference-sp/scim/messages (PatchOp, SearchRequest, ListResponse, Bulk).
 */
import { BEARER_TOKEN_SCHEME, projectResource, resourceTypeDocuments, schemaDocuments, serviceProviderConfig, sortComparator, validateResource } from '../schemas/index.ts';
import { PatchOp } from '../messages/patch-op.ts';
import { filterPredicate } from '../types/filter/index.ts';
import { ScimError } from '../types/errors.ts';
import type { JsonObject } from '../../store/types.ts';
import type { ScimProtocol } from './protocol-port.ts';

const pending = (what: string) => (): never => {
  throw ScimError.notImplemented(`${what} is not available yet`);
};

export const scimProtocol: ScimProtocol = {
  validate: (registry, resourceType, body, { mode, operation }) => {
    const r = validateResource(registry, resourceType, body, { mode, operation });
    return { resource: r.resource as JsonObject, tolerated: r.tolerated };
  },
  patch: (registry, resourceType, mode, body, resource) => {
    const r = new PatchOp(body, { registry, resourceType, mode }).apply(resource as never);
    return { resource: r.resource as JsonObject, tolerated: r.tolerated, changed: r.changed };
  },
  project: (registry, resourceType, resource, projection) =>
    projectResource(
      registry,
      resource as never,
      {
        ...(projection.attributes !== undefined ? { attributes: projection.attributes } : {}),
        ...(projection.excludedAttributes !== undefined ? { excludedAttributes: projection.excludedAttributes } : {}),
      },
      resourceType,
    ) as JsonObject,
  predicate: (registry, resourceType, filter) => filterPredicate(filter, registry, resourceType),
  comparator: (registry, resourceType, sortBy, sortOrder) => sortComparator(registry, resourceType, sortBy, sortOrder),
  searchFromQuery: (query) => {
    if (Object.keys(query).length > 0) pending('query parameters')();
    return {};
  },
  searchFromBody: pending('.search'),
  projectionFromQuery: () => ({}),
  listResponse: (resources, totalResults, startIndex) => ({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: [...resources],
  }),
  bulkRequest: pending('/Bulk'),
  bulkResponse: pending('/Bulk'),
  serviceProviderConfig: ({ maxResults, bulk, base }) =>
    serviceProviderConfig(
      {
        patch: true,
        bulk: { supported: true, ...bulk },
        filter: { supported: true, maxResults },
        // Passwords are never stored (users sign in by SSO only), so there is nothing to change.
        changePassword: false,
        sort: true,
        etag: true,
        authenticationSchemes: [BEARER_TOKEN_SCHEME],
      },
      base,
    ) as JsonObject,
  resourceTypes: (registry, base) => resourceTypeDocuments(registry, base) as JsonObject[],
  schemas: (registry, base) => schemaDocuments(registry, base) as JsonObject[],
};
