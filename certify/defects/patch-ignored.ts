/*
 * Defect: PATCH answers 200 with the resource but changes nothing.
 * RFC 7644 §3.5.2: the operations are applied, all or nothing.
 */
import { isResource, range, type Defect } from './proxy.ts';

export const patchIgnored = (): Defect => ({
  name: 'patch-ignored',
  description: 'PATCH /Users/{id} and /Groups/{id} answer 200 with the unchanged resource',
  flaggedBy: [
    'CORE-PATCH-01',
    'CORE-GROUPS-04',
    'ENTRA-USERS-02',
    'ENTRA-USERS-03',
    'ENTRA-GROUPS-03',
    'OKTA-USERS-04',
    'ONELOGIN-USERS-03',
    'ONELOGIN-GROUPS-02',
    'JUMPCLOUD-USERS-02',
    'JUMPCLOUD-USERS-03',
  ],
  // Every test that changes something with PATCH.
  alsoAffects: [
    ...range('CORE-GROUPS', 5, 7),
    ...range('CORE-PATCH', 2, 10),
    'CORE-ETAG-02',
    'CORE-USERS-07',
    'CORE-USERS-08',
    'ENTRA-GROUPS-04',
    'OKTA-GROUPS-02',
    'OKTA-GROUPS-03',
  ],
  async handle(request, forward) {
    if (request.method === 'PATCH' && (isResource(request.path, 'Users') || isResource(request.path, 'Groups'))) {
      return forward({ ...request, method: 'GET', body: undefined });
    }
    return forward(request);
  },
});
