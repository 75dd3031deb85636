/*
 * Defect: GET /Groups without a filter answers an empty ListResponse; only filtered group queries work — a server
 * built for Entra and Okta, whose clients always filter groups by displayName. OneLogin's Refresh Entitlements reads
 * the app's groups unfiltered, page by page, so only its shape exposes this.
 * RFC 7644 §3.4.2: a query without a filter returns every resource of the type (paged per §3.4.2.4).
 */
import { isCollection, isJson, type Defect } from './proxy.ts';

export const unfilteredGroupListEmpty = (): Defect => ({
  name: 'unfiltered-group-list-empty',
  description: 'GET /Groups without a filter answers an empty ListResponse',
  flaggedBy: ['ONELOGIN-GROUPS-01'],
  alsoAffects: [],
  async handle(request, forward) {
    const response = await forward(request);
    if (request.method === 'GET' && isCollection(request.path, 'Groups') && !request.query.has('filter') && isJson(response.body)) {
      response.body['Resources'] = [];
      response.body['totalResults'] = 0;
      response.body['itemsPerPage'] = 0;
    }
    return response;
  },
});
