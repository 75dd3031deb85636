/*
 * AuthnRequest IDs the SP has sent and not yet seen answered, per tenant, until their TTL ends. A solicited
 * response's bearer SubjectConfirmationData InResponseTo must name one of them (saml-profiles §4.1.4.3).
 * - Each ID is bound to the browser that started the sign-in (the hash of its binding cookie,
 *   ./browser-binding.ts): only that browser may answer it, so an ID fetched by someone else from /login
 *   cannot be used to pass a captured assertion off as solicited, nor one browser's sign-in completed by another.
 * - Each ID is consumed once: a second response to the same request is refused.
 * - A post from the wrong browser does not consume it: the right browser can still complete its sign-in.
 * - Each ID records its purpose: a user's sign-in, or the admin's Test Connection (the only sign-in a tenant whose
 *   SSO is not enabled yet accepts, ./checks/check-sso-enabled.ts); the response cannot choose it.
 * - Each ID keeps the RequestedAuthnContext it carried, if any (./checks/check-authn-context.ts checks the answer).
 * The app keeps them in the store (storedOutstandingRequests: they survive a restart); the in-memory variant
 * serves unit tests and benchmarks of the pipeline alone.
 */
import type { Clock } from '../clock.ts';
import type { AuthnRequestAnswer, AuthnRequestMatch, AuthnRequestPurpose, RequestedAuthnContextRecord, SpStateStore } from '../store/sp-state.ts';

export type { AuthnRequestAnswer, AuthnRequestMatch, AuthnRequestPurpose, RequestedAuthnContextRecord };

export interface OutstandingRequests {
  /** `binding`: the hash of the starting browser's binding cookie; null/absent only outside a browser (tests). */
  remember(tenantId: string, requestId: string, ttlSeconds: number, binding?: string | null, purpose?: AuthnRequestPurpose, requested?: RequestedAuthnContextRecord): void;
  /** 'consumed' (and forgotten), with its purpose, when the ID is outstanding, unexpired and bound to exactly this binding. */
  consume(tenantId: string, requestId: string, binding?: string | null): AuthnRequestAnswer;
}

/** Outstanding requests in the SP's SQLite store: they survive a restart. */
export function storedOutstandingRequests(state: SpStateStore, clock: Clock): OutstandingRequests {
  return {
    remember(tenantId, requestId, ttlSeconds, binding = null, purpose = 'sign-in', requested) {
      const now = clock.now();
      state.rememberAuthnRequest(tenantId, requestId, binding, new Date(now.getTime() + ttlSeconds * 1000), now, purpose, requested);
    },
    consume: (tenantId, requestId, binding = null) => state.consumeAuthnRequest(tenantId, requestId, binding, clock.now()),
  };
}

/** In memory, for unit tests and benchmarks of the pipeline alone: lost on restart. */
export function createOutstandingRequests(clock: Clock): OutstandingRequests {
  const pending = new Map<
    string,
    { readonly expires: number; readonly binding: string | null; readonly purpose: AuthnRequestPurpose; readonly requested?: RequestedAuthnContextRecord | undefined }
  >();
  const key = (tenantId: string, requestId: string) => `${tenantId}\u0000${requestId}`;
  return {
    remember(tenantId, requestId, ttlSeconds, binding = null, purpose = 'sign-in', requested) {
      const now = clock.now().getTime();
      for (const [k, p] of pending) if (p.expires <= now) pending.delete(k);
      pending.set(key(tenantId, requestId), { expires: now + ttlSeconds * 1000, binding, purpose, requested });
    },
    consume(tenantId, requestId, binding = null) {
      const k = key(tenantId, requestId);
      const p = pending.get(k);
      if (p === undefined || p.expires <= clock.now().getTime()) return { match: 'unknown' };
      if (p.binding !== binding) return { match: 'other-browser' };
      pending.delete(k);
      return { match: 'consumed', purpose: p.purpose, ...(p.requested ? { requestedAuthnContext: p.requested } : {}) };
    },
  };
}
