/*
 * Defect: DELETE /Groups/{id} is refused with 409 while the group still has members (a store whose membership rows
 * hold a foreign key on the group). RFC 7644 §3.6: a DELETE removes the resource; nothing requires emptying it first.
 * Only JumpCloud's shape exposes it: its Test Connection deletes a test group that has the test user as a member;
 * the core, Entra and Okta tests delete groups without members.
 */
import { isJson, isResource, probe, type Defect } from './proxy.ts';
import { scimError } from './scim-error.ts';

export const groupWithMembersUndeletable = (): Defect => ({
  name: 'group-with-members-undeletable',
  description: 'DELETE /Groups/{id} answers 409 while the group has members',
  flaggedBy: ['JUMPCLOUD-CONN-01'],
  alsoAffects: [],
  async handle(request, forward) {
    if (request.method !== 'DELETE' || !isResource(request.path, 'Groups')) return forward(request);
    const current = await probe(forward, { ...request, method: 'GET', body: undefined });
    const members = isJson(current.body) && Array.isArray(current.body['members']) ? current.body['members'] : [];
    if (current.status === 200 && members.length > 0) return scimError(409, 'the group still has members');
    return forward(request);
  },
});
