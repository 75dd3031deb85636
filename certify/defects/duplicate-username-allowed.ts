/*
 * Defect: a second user with a taken userName is created instead of refused.
 * RFC 7644 §3.3 / §3.12: a create that violates uniqueness is 409 with scimType "uniqueness"; RFC 7643 §4.1.1:
 * userName is unique and not case-exact. The duplicate is stored upstream under a suffixed name and shown with
 * the name the client asked for, as a store without a unique index would.
 */
import { isCollection, isJson, type Defect } from './proxy.ts';

export const duplicateUserNameAllowed = (): Defect => ({
  name: 'duplicate-username-allowed',
  description: 'POST /Users with a taken userName creates a second user (201) instead of 409 uniqueness',
  flaggedBy: ['CORE-USERS-03', 'CORE-USERS-04', 'ENTRA-USERS-06'],
  alsoAffects: [],
  async handle(request, forward) {
    const response = await forward(request);
    if (request.method !== 'POST' || !isCollection(request.path, 'Users') || response.status !== 409 || !request.body) return response;
    const asked = String(request.body['userName']);
    const stored = await forward({ ...request, body: { ...request.body, userName: `${asked}.dup${Date.now()}` } });
    if (isJson(stored.body)) stored.body['userName'] = asked;
    return stored;
  },
});
