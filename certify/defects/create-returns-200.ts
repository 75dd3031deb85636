/*
 * Defect: a successful create answers 200 OK instead of 201 Created.
 * RFC 7644 §3.3: "When the service provider successfully creates the new resource, an HTTP response SHALL be
 * returned with HTTP status code 201 (Created)."
 */
import type { Defect } from './proxy.ts';

export const createReturns200 = (): Defect => ({
  name: 'create-returns-200',
  description: 'POST /Users and /Groups answer 200 instead of 201',
  flaggedBy: [
    'CORE-USERS-01',
    'CORE-USERS-02',
    'CORE-GROUPS-01',
    'CORE-GROUPS-02',
    'ENTRA-USERS-01',
    'ENTRA-GROUPS-02',
    'OKTA-USERS-02',
    'OKTA-GROUPS-01',
    'ONELOGIN-USERS-01',
    'JUMPCLOUD-CONN-01',
    'JUMPCLOUD-USERS-01',
    'JUMPCLOUD-GROUPS-01',
  ],
  // Preconditions accept any 2xx with an id (ScimStage.given, the Entra/Okta steps), so only the create tests
  // themselves may fail.
  alsoAffects: [],
  async handle(request, forward) {
    const response = await forward(request);
    if (request.method === 'POST' && /^\/(Users|Groups)\/?$/.test(request.path) && response.status === 201) response.status = 200;
    return response;
  },
});
