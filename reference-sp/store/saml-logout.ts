/*
 * The port through which Single Logout (../saml/logout/) keeps what it must remember, in the same SQLite
 * database as the sessions it ends (tables of migration 7, ./migrations.ts):
 * - each session's SessionIndex and NameID Format, from the assertion that started it: an SP-initiated
 *   LogoutRequest must name them (saml-core §3.7.1), an IdP's LogoutRequest is matched against them (§3.7.3.1);
 * - the LogoutRequest IDs this SP sent, until answered or expired: a LogoutResponse must answer one
 *   (saml-core §3.2.2 InResponseTo), once;
 * The IDs of LogoutRequests received from the IdP (each honoured once) are in the one replay store
 * (./replay-store.ts, kind 'saml-logout-request').
 * Rows carry expires_at (ms since the epoch); writes sweep at most SWEEP_BATCH expired rows first.
 */

export interface SessionLogoutKey {
  readonly nameId: string | undefined;
  readonly nameIdFormat: string | undefined;
  readonly sessionIndex: string | undefined;
}

export interface SamlLogoutStore {
  /** Records the SessionIndex and NameID Format of the assertion that started the session (by cookie hash). */
  setSessionLogoutKey(idHash: string, sessionIndex: string | undefined, nameIdFormat: string | undefined): void;
  /** What a LogoutRequest for this unexpired session must say. */
  sessionLogoutKey(idHash: string, tenantId: string, now: Date): SessionLogoutKey | undefined;
  /** Ends one session (the SP's own logout); true when it existed. */
  endSession(idHash: string, tenantId: string): boolean;
  /**
   * Ends the tenant's sessions of this NameID whose SessionIndex is one of `sessionIndexes`, or all of the
   * NameID's sessions when none is given (saml-core §3.7.1); returns how many ended.
   */
  endSessionsOf(tenantId: string, nameId: string, sessionIndexes: readonly string[], now: Date): number;
  rememberLogoutRequest(tenantId: string, requestId: string, expiresAt: Date, now: Date): void;
  /** Consumes a LogoutRequest ID this SP sent; false when it never sent it, it expired, or it was answered. */
  consumeLogoutRequest(tenantId: string, requestId: string, now: Date): boolean;
}
