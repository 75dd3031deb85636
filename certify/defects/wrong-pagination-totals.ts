/*
 * Defect: totalResults is the size of the page, not the number of matching resources.
 * RFC 7644 §3.4.2: totalResults is "the total number of results returned by the list or query operation",
 * which with pagination (§3.4.2.4) may exceed the resources on the page.
 */
import { isJson, resourcesOf, type Defect } from './proxy.ts';

export const wrongPaginationTotals = (): Defect => ({
  name: 'wrong-pagination-totals',
  description: 'ListResponse totalResults equals the number of resources on the page',
  flaggedBy: ['CORE-PAGE-01'],
  // Walking every page relies on totalResults to know when to stop.
  alsoAffects: ['CORE-PAGE-02', 'CORE-PAGE-03'],
  async handle(request, forward) {
    const response = await forward(request);
    if (request.method === 'GET' && isJson(response.body) && typeof response.body['totalResults'] === 'number') {
      response.body['totalResults'] = resourcesOf(response.body).length;
    }
    return response;
  },
});
