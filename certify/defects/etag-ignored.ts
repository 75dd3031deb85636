/*
 * Defect: ETags are advertised and sent, but If-Match / If-None-Match are ignored.
 * RFC 7644 §3.14: a PATCH/PUT/DELETE whose If-Match does not match the current version is 412 Precondition
 * Failed; a GET with a matching If-None-Match is 304. Observable only on an upstream that supports ETags.
 */
import type { Defect } from './proxy.ts';

export const etagIgnored = (): Defect => ({
  name: 'etag-ignored',
  description: 'If-Match and If-None-Match request headers are dropped',
  flaggedBy: ['CORE-ETAG-02'],
  alsoAffects: [],
  needs: 'etag',
  async handle(request, forward) {
    const headers = { ...request.headers };
    delete headers['if-match'];
    delete headers['if-none-match'];
    return forward({ ...request, headers });
  },
});
