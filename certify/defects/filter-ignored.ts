/*
 * Defect: the filter parameter is ignored; every list returns all resources.
 * RFC 7644 §3.4.2.2: the response contains only the resources that match the filter.
 */
import { range, type Defect } from './proxy.ts';

export const filterIgnored = (): Defect => ({
  name: 'filter-ignored',
  description: 'GET /Users and /Groups ignore ?filter= and list everything',
  flaggedBy: ['CORE-FILTER-01', 'ENTRA-CONN-01', 'OKTA-USERS-01'],
  // Every test that finds something by filter.
  alsoAffects: [
    'CORE-BULK-02',
    ...range('CORE-FILTER', 2, 22),
    'CORE-PAGE-01',
    'CORE-PAGE-02',
    'CORE-PAGE-03',
    'CORE-ATTR-03',
    'CORE-USERS-08',
    'CORE-USERS-13',
    'ENTRA-GROUPS-01',
    'ENTRA-GROUPS-07',
    'ENTRA-USERS-01',
    'ENTRA-USERS-03',
    'ENTRA-USERS-07',
    'OKTA-USERS-02',
    'OKTA-USERS-04',
  ],
  async handle(request, forward) {
    if (request.method === 'GET' && request.query.has('filter')) {
      const query = new URLSearchParams(request.query);
      query.delete('filter');
      return forward({ ...request, query });
    }
    return forward(request);
  },
});
