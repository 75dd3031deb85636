/*
 * Defect: the userName filter compares case-sensitively.
 * RFC 7643 §4.1.1: userName has caseExact false; RFC 7644 §3.4.2.2: comparisons follow the attribute's caseExact.
 */
import { isCollection, isJson, resourcesOf, type Defect } from './proxy.ts';

export const caseSensitiveUserName = (): Defect => ({
  name: 'case-sensitive-username-filter',
  description: 'filter=userName eq "…" only matches the exact case',
  flaggedBy: ['CORE-FILTER-02', 'ENTRA-USERS-07'],
  alsoAffects: [],
  async handle(request, forward) {
    const response = await forward(request);
    const m = /^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(request.query.get('filter') ?? '');
    if (request.method !== 'GET' || !isCollection(request.path, 'Users') || !m || !isJson(response.body)) return response;
    const all = resourcesOf(response.body);
    const exact = all.filter((r) => r['userName'] === JSON.parse(`"${m[1]}"`));
    response.body['Resources'] = exact;
    response.body['totalResults'] = Number(response.body['totalResults']) - (all.length - exact.length);
    response.body['itemsPerPage'] = exact.length;
    return response;
  },
});
