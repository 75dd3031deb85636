/*
 * Defect: a create or replace of a user that carries the readOnly `groups` attribute is refused with
 * 400 mutability, instead of the attribute being ignored.
 * RFC 7643 §4.1.2: a user's `groups` is readOnly (membership changes go through the Group resource);
 * RFC 7644 §3.3 (POST) and §3.5.1 (PUT): readOnly attribute values in the request "SHALL be ignored".
 * Only Okta's shape exposes it: Okta's POST and PUT bodies carry `"groups": []` (Okta, SCIM 2.0 Protocol Reference,
 * "Create the User", "Update a specific User (PUT)"); Entra and the core tests never send `groups`.
 */
import { isJson, isResource, isCollection, type Defect } from './proxy.ts';

export const readonlyGroupsRefused = (): Defect => ({
  name: 'readonly-groups-refused',
  description: 'POST /Users and PUT /Users/{id} carrying the readOnly groups attribute answer 400 mutability',
  flaggedBy: ['OKTA-USERS-02', 'OKTA-USERS-03'],
  // Every Okta scenario provisions its users with Okta's create first, so each one fails at its precondition.
  alsoAffects: ['OKTA-USERS-01', 'OKTA-USERS-04', 'OKTA-USERS-05', 'OKTA-GROUPS-01', 'OKTA-GROUPS-02', 'OKTA-GROUPS-03'],
  async handle(request, forward) {
    const write = (request.method === 'POST' && isCollection(request.path, 'Users')) || (request.method === 'PUT' && isResource(request.path, 'Users'));
    if (write && isJson(request.body) && Object.keys(request.body).some((k) => k.toLowerCase() === 'groups')) {
      return {
        status: 400,
        headers: { 'content-type': 'application/scim+json' },
        body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'mutability', detail: 'Attribute "groups" is readOnly' },
      };
    }
    return forward(request);
  },
});
