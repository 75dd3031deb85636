/*
 * Defect: a successful create answers 200 OK instead of 201 Created.
 * RFC 7644 §3.3: "When the service provider successfully creates the new resource, an HTTP response SHALL be
 * returned with HTTP status code 201 (Created)."
 */
import { range, type Defect } from './proxy.ts';

export const createReturns200 = (): Defect => ({
  name: 'create-returns-200',
  description: 'POST /Users and /Groups answer 200 instead of 201',
  flaggedBy: ['CORE-USERS-01', 'CORE-GROUPS-01', 'ENTRA-USERS-01', 'ENTRA-GROUPS-02', 'OKTA-USERS-02', 'OKTA-GROUPS-01'],
  // The core scenarios create their preconditions with ScimStage.given(), which insists on 201, so every core
  // scenario that creates something fails too. Listed here until the stage accepts any 2xx with an id for a
  // precondition (as the Entra/Okta steps do); then this list shrinks to the create tests.
  alsoAffects: [
    'CORE-BULK-02', 'CORE-GROUPS-02', 'CORE-GROUPS-04', 'CORE-GROUPS-05', 'CORE-GROUPS-06', 'CORE-GROUPS-07', 'CORE-GROUPS-08',
    'CORE-GROUPS-09', 'CORE-PAGE-01', 'CORE-PAGE-03', 'CORE-ATTR-01', 'CORE-ATTR-02', 'CORE-ATTR-03',
    ...range('CORE-FILTER', 2, 17), ...range('CORE-PATCH', 1, 10), 'CORE-USERS-03', 'CORE-USERS-04', 'CORE-USERS-05',
    ...range('CORE-USERS', 7, 13),
  ],
  async handle(request, forward) {
    const response = await forward(request);
    if (request.method === 'POST' && /^\/(Users|Groups)\/?$/.test(request.path) && response.status === 201) response.status = 200;
    return response;
  },
});
