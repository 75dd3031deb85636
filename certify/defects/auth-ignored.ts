/*
 * Defect: requests without a valid bearer token are served anyway.
 * RFC 7644 §2: the service provider authenticates every request; unauthenticated requests get 401 and no data.
 */
import type { Defect } from './proxy.ts';

export const authIgnored = (upstreamToken: string): Defect => ({
  name: 'auth-ignored',
  description: 'any or no Authorization header is accepted',
  flaggedBy: ['CORE-AUTH-01', 'CORE-AUTH-02'],
  alsoAffects: [],
  async handle(request, forward) {
    return forward({ ...request, headers: { ...request.headers, authorization: `Bearer ${upstreamToken}` } });
  },
});
