/*
 * Defect: PATCH operations that remove group members are silently dropped.
 * RFC 7644 §3.5.2.2: "remove" with a members path (optionally filtered) removes the matching values.
 */
import { isResource, type Defect, type Json } from './proxy.ts';

const removesMembers = (op: Json): boolean => String(op['op']).toLowerCase() === 'remove' && /^members(\[|$)/i.test(String(op['path'] ?? ''));

export const memberRemovalIgnored = (): Defect => ({
  name: 'member-removal-ignored',
  description: 'PATCH /Groups/{id} drops "remove" operations on members and answers success',
  flaggedBy: ['CORE-GROUPS-05', 'CORE-GROUPS-06', 'ENTRA-GROUPS-05', 'OKTA-GROUPS-02', 'ONELOGIN-GROUPS-03'],
  alsoAffects: [],
  async handle(request, forward) {
    if (request.method !== 'PATCH' || !isResource(request.path, 'Groups') || !Array.isArray(request.body?.['Operations'])) return forward(request);
    const operations = (request.body['Operations'] as Json[]).filter((op) => !removesMembers(op));
    if (operations.length === 0) return forward({ ...request, method: 'GET', body: undefined });
    return forward({ ...request, body: { ...request.body, Operations: operations } });
  },
});
