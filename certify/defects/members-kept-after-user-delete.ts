/*
 * Defect: deleting a user leaves it listed as a member of its groups.
 * RFC 7643 §4.2: members are references to resources; a deleted user is no longer a member (Microsoft's SCIM
 * validator and Okta's SPEC test check this). The proxy remembers the memberships before the delete and puts
 * them back into every group it returns.
 */
import { isJson, isResource, probe, resourcesOf, type Defect, type Json } from './proxy.ts';

export const membersKeptAfterUserDelete = (): Defect => {
  const stale = new Map<string, Json[]>();
  const restore = (group: Json): void => {
    const extra = stale.get(String(group['id']));
    if (!extra) return;
    const members = Array.isArray(group['members']) ? (group['members'] as Json[]) : [];
    group['members'] = [...members, ...extra.filter((e) => !members.some((m) => m['value'] === e['value']))];
  };
  return {
    name: 'members-kept-after-user-delete',
    description: 'DELETE /Users/{id} leaves the user in the members of its groups',
    flaggedBy: ['CORE-GROUPS-10'],
    alsoAffects: [],
    async handle(request, forward) {
      if (request.method === 'DELETE' && isResource(request.path, 'Users')) {
        const userId = decodeURIComponent(request.path.split('/')[2]!);
        const groups = await probe(forward, { ...request, method: 'GET', path: '/Groups', query: new URLSearchParams({ count: '1000' }), body: undefined });
        for (const group of resourcesOf(groups.body)) {
          const member = ((group['members'] ?? []) as Json[]).find((m) => m['value'] === userId);
          if (member) stale.set(String(group['id']), [...(stale.get(String(group['id'])) ?? []), member]);
        }
        return forward(request);
      }
      const response = await forward(request);
      if (request.method === 'GET' && request.path.startsWith('/Groups') && isJson(response.body)) {
        if (isResource(request.path, 'Groups')) restore(response.body);
        else resourcesOf(response.body).forEach(restore);
      }
      return response;
    },
  };
};
