/*
 * Defect: errors come back as a framework's generic JSON, not the SCIM Error message.
 * RFC 7644 §3.12: error responses carry the urn:ietf:params:scim:api:messages:2.0:Error schema, status as a
 * string, and scimType where one applies.
 */
import type { Defect } from './proxy.ts';

export const nonScimErrorBodies = (): Defect => ({
  name: 'non-scim-error-bodies',
  description: 'every 4xx/5xx body is {"error": …, "message": …} as application/json',
  flaggedBy: ['CORE-ERRORS-01', 'CORE-USERS-06', 'ENTRA-USERS-04'],
  // Every test that checks an error's SCIM body or scimType.
  alsoAffects: [
    'CORE-ETAG-02',
    'ONELOGIN-USERS-04',
    'JUMPCLOUD-CONN-01',
    'CORE-FILTER-22',
    'CORE-ERRORS-03',
    'CORE-ERRORS-05',
    'CORE-FILTER-19',
    'CORE-FILTER-20',
    'CORE-FILTER-21',
    'CORE-USERS-03',
    'CORE-USERS-04',
    'CORE-USERS-12',
    'ENTRA-GROUPS-06',
    'ENTRA-USERS-06',
  ],
  async handle(request, forward) {
    const response = await forward(request);
    if (response.status < 400) return response;
    return {
      status: response.status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { error: response.status === 404 ? 'Not Found' : 'Bad Request', message: 'Request failed' },
    };
  },
});
