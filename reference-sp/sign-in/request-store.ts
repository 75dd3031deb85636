/*
 * AuthnRequest IDs the SP has sent and not yet seen answered, per tenant, until their TTL ends. A solicited
 * response's bearer SubjectConfirmationData InResponseTo must name one of them (saml-profiles §4.1.4.3).
 * - Each ID is bound to the browser that started the sign-in (the hash of its binding cookie,
 *   ./browser-binding.ts): only that browser may answer it, so an ID fetched by someone else from /login
 *   cannot be used to pass a captured assertion off as solicited, nor one browser's sign-in completed by another.
 * - Each ID is consumed once: a second response to the same request is refused.
 * - A post from the wrong browser does not consume it: the right browser can still complete its sign-in.
 * - Each ID records its purpose: a user's sign-in, or the admin's Test Connection (the only sign-in a tenant whose
 *   SSO is not enabled yet accepts, ../saml/checks/check-sso-enabled.ts); the response cannot choose it.
 * - Each ID keeps the RequestedAuthnContext it carried, if any (../saml/checks/check-authn-context.ts checks the answer).
 * The OpenID Connect side keeps its `state` values here by the same rules (../oidc/request-secrets.ts).
 * They are kept in the SP's SQLite store (storedOutstandingRequests: they survive a restart), the one place this
 * rule lives; tests and benchmarks give it an in-memory database (openStore({ path: ':memory:' })).
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
