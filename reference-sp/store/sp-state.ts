/*
 * The port through which the SAML side keeps what it must remember between requests, in the same SQLite
 * database as the users, so none of it is lost on a restart:
 * - outstanding AuthnRequest IDs, each bound to the browser that started the sign-in (saml-profiles §4.1.4.3:
 *   a response must answer a request this SP sent; a restart must not turn a pending sign-in into a failure);
 * - (the IDs of accepted assertions are in the one replay store, ./replay-store.ts);
 * - signed-in sessions (a restart does not sign everybody out);
 * - the admin's Enable of a tenant's SSO (NinjaOne's step 7, ../sign-in/sso-enablement.ts).
 * Every row carries its expiry (milliseconds since the epoch); expired rows are never answered and are swept
 * a bounded number at a time by the writes.
 */

/** What answering an outstanding AuthnRequest found. */
export type AuthnRequestMatch =
  /** It was outstanding for this browser: now forgotten, it cannot be answered again. */
  | 'consumed'
  /** Never sent by this tenant, expired, or already answered. */
  | 'unknown'
  /** Outstanding, but started by another browser (or the binding cookie did not arrive): left outstanding. */
  | 'other-browser';

/** Why the SP sent an AuthnRequest: a user's sign-in, or the admin's Test Connection (../saml/test-connection-route.ts). */
export type AuthnRequestPurpose = 'sign-in' | 'test-connection';

/** What consuming an outstanding AuthnRequest found, with the request's purpose when it was consumed. */
export type AuthnRequestAnswer =
  | { readonly match: 'consumed'; readonly purpose: AuthnRequestPurpose; readonly requestedAuthnContext?: RequestedAuthnContextRecord | undefined }
  | { readonly match: Exclude<AuthnRequestMatch, 'consumed'> };

/** The <RequestedAuthnContext> an AuthnRequest carried (saml-core §3.3.2.2.1), kept to check the answer against. */
export interface RequestedAuthnContextRecord {
  readonly comparison: 'exact' | 'minimum' | 'better' | 'maximum';
  readonly classes: readonly string[];
}

export interface StoredSession {
  /** SHA-256 of the session cookie value, hex: the cookie value itself is never stored. */
  readonly idHash: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly userName: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly nameId: string | undefined;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface SpStateStore {
  /**
   * Remembers a sent AuthnRequest until `expiresAt`. `binding` is the hash of the browser's binding cookie
   * (null only for requests made outside a browser, e.g. in tests).
   */
  rememberAuthnRequest(
    tenantId: string,
    requestId: string,
    binding: string | null,
    expiresAt: Date,
    now: Date,
    purpose?: AuthnRequestPurpose,
    requestedAuthnContext?: RequestedAuthnContextRecord,
  ): void;
  /** Consumes the request when it is outstanding at `now` for exactly this binding; says what it was sent for. */
  consumeAuthnRequest(tenantId: string, requestId: string, binding: string | null, now: Date): AuthnRequestAnswer;
  saveSession(session: StoredSession, now: Date): void;
  /** The unexpired session of this tenant with this id hash. */
  findSession(idHash: string, tenantId: string, now: Date): StoredSession | undefined;
  /** The admin's last Enable/disable of the tenant's SSO; undefined when never set (the config decides). */
  getSsoEnabled(tenantId: string): boolean | undefined;
  setSsoEnabled(tenantId: string, enabled: boolean, now: Date): void;
}

/** At most this many outstanding AuthnRequests per tenant; beyond it the one nearest to expiry is forgotten. */
export const MAX_OUTSTANDING_REQUESTS_PER_TENANT = 10_000;
/** Expired rows a write sweeps at most, per table: the cost of a write stays bounded whatever has piled up. */
export const SWEEP_BATCH = 64;
