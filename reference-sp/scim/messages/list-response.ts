/*
 * ListResponse — RFC 7644 §3.4.2 (query responses) and §3.4.2.4 (pagination).
 *
 * - `schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]`, `totalResults` (REQUIRED), `Resources`,
 *   `startIndex` and `itemsPerPage` (REQUIRED when paginating; always sent here: clients such as Entra and Okta
 *   read them)
 * - `startIndex` is 1-based; `itemsPerPage` is the number of resources on this page
 * - `Resources` is sent even when empty (`[]`): §3.4.2 makes it REQUIRED "if totalResults is non-zero", and
 *   an empty array is what every validator we reproduce accepts
 */
import type { Json, JsonObject } from '../schemas/json.ts';

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export interface ListResponseInput {
  readonly resources: readonly Json[];
  readonly totalResults: number;
  readonly startIndex: number;
}

export function listResponse({ resources, totalResults, startIndex }: ListResponseInput): JsonObject {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: [...resources],
  };
}

/** One page of an already filtered and sorted list (startIndex 1-based, §3.4.2.4). */
export function paginate<T>(all: readonly T[], startIndex: number, count: number): T[] {
  const from = Math.max(1, startIndex) - 1;
  return all.slice(from, from + Math.max(0, count));
}
