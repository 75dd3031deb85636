/*
 * Binds ScimProtocol (./protocol-port.ts) to the protocol modules: reference-sp/scim/schemas (validation,
 * projection, sorting, discovery), reference-sp/scim/types/filter (filter evaluation) and
 * reference-sp/scim/messages (PatchOp, SearchRequest, ListResponse). /Bulk messages are used by ../bulk.ts.
 */
import { BEARER_TOKEN_SCHEME, projectResource, resourceTypeDocuments, schemaDocuments, serviceProviderConfig, sortComparator, validateResource } from '../schemas/index.ts';
import { listResponse } from '../messages/list-response.ts';
import { PatchOp } from '../messages/patch-op.ts';
import { parseSearchBody, parseSearchQuery } from '../messages/search-request.ts';
import { filterPredicate } from '../types/filter/index.ts';
import type { JsonObject } from '../../store/types.ts';
import type { ScimProtocol } from './protocol-port.ts';

export const scimProtocol: ScimProtocol = {
  validate: (registry, resourceType, body, { mode, operation }) => {
    const r = validateResource(registry, resourceType, body, { mode, operation });
    return { resource: r.resource as JsonObject, tolerated: r.tolerated };
  },
  parsePatch: (registry, resourceType, mode, body) => {
    const op = new PatchOp(body, { registry, resourceType, mode });
    return {
      apply: (resource) => {
        const r = op.apply(resource as never);
        return { resource: r.resource as JsonObject, tolerated: r.tolerated, changed: r.changed };
      },
      touches: (name) => op.touches(name),
      memberDelta: (isMember) => op.memberDelta(isMember),
    };
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
  searchFromQuery: (query, limits, mode) => parseSearchQuery(query, limits, { mode }),
  searchFromBody: (body, limits, mode) => parseSearchBody(body, limits, { mode }),
  projectionFromQuery: (query) => {
    // Only attributes/excludedAttributes apply to one resource (§3.9); the rest of the parser checks them.
    const { attributes, excludedAttributes } = parseSearchQuery(
      {
        ...(query['attributes'] !== undefined ? { attributes: query['attributes'] } : {}),
        ...(query['excludedAttributes'] !== undefined ? { excludedAttributes: query['excludedAttributes'] } : {}),
      },
      { defaultCount: 0, maxCount: 0 },
    );
    return { attributes, excludedAttributes };
  },
  listResponse: (resources, totalResults, startIndex) => listResponse({ resources: resources as never, totalResults, startIndex }) as JsonObject,
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
