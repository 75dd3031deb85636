/** A SCIM error body (RFC 7644 §3.12) for defects that answer by themselves. */
import type { ProxyResponse } from './proxy.ts';

export function scimError(status: number, detail: string): ProxyResponse {
  return {
    status,
    headers: { 'content-type': 'application/scim+json' },
    body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail },
  };
}
