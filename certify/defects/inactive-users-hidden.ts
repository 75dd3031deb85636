/*
 * Defect: a user with active false disappears: 404 by id, missing from lists.
 * RFC 7643 §4.1.1: active is the user's administrative status; Entra and Okta disable users (soft delete) and
 * expect to read them back (Microsoft's SCIM validator, Okta's SPEC test).
 */
import { isJson, isResource, resourcesOf, type Defect } from './proxy.ts';
import { scimError } from './scim-error.ts';

export const inactiveUsersHidden = (): Defect => ({
  name: 'inactive-users-hidden',
  description: 'users with active false answer 404 by id and are left out of lists',
  flaggedBy: ['CORE-USERS-07', 'CORE-USERS-08', 'ENTRA-USERS-03', 'OKTA-USERS-04', 'ONELOGIN-USERS-03', 'JUMPCLOUD-USERS-03'],
  alsoAffects: [],
  async handle(request, forward) {
    const response = await forward(request);
    if (request.method !== 'GET' || !request.path.startsWith('/Users')) return response;
    if (isResource(request.path, 'Users') && isJson(response.body) && response.body['active'] === false) {
      return scimError(404, 'Resource not found');
    }
    const all = resourcesOf(response.body);
    const visible = all.filter((r) => r['active'] !== false);
    if (isJson(response.body) && visible.length !== all.length) {
      response.body['Resources'] = visible;
      response.body['totalResults'] = Number(response.body['totalResults']) - (all.length - visible.length);
      response.body['itemsPerPage'] = visible.length;
    }
    return response;
  },
});
