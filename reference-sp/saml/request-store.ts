/*
 * AuthnRequest IDs the SP has sent and not yet seen answered, per tenant, until their TTL ends. A solicited
 * response's InResponseTo must name one of them (saml-profiles §4.1.4.3); each is consumed once, so a second
 * response to the same request is refused.
 */
import type { Clock } from '../clock.ts';

export interface OutstandingRequests {
  remember(tenantId: string, requestId: string, ttlSeconds: number): void;
  /** True, and forgotten, when the ID was outstanding and unexpired. */
  consume(tenantId: string, requestId: string): boolean;
}

export function createOutstandingRequests(clock: Clock): OutstandingRequests {
  const pending = new Map<string, number>();
  const key = (tenantId: string, requestId: string) => `${tenantId}\u0000${requestId}`;
  const sweep = (now: number) => {
    for (const [k, exp] of pending) if (exp <= now) pending.delete(k);
  };
  return {
    remember(tenantId, requestId, ttlSeconds) {
      const now = clock.now().getTime();
      sweep(now);
      pending.set(key(tenantId, requestId), now + ttlSeconds * 1000);
    },
    consume(tenantId, requestId) {
      const k = key(tenantId, requestId);
      const exp = pending.get(k);
      pending.delete(k);
      return exp !== undefined && exp > clock.now().getTime();
    },
  };
}
