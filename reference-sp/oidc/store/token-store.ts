/*
 * The port through which the OIDC side keeps, per session, what refresh and RP-initiated logout need: the
 * validated claims (what /me and the Test Connection answer), the ID token (the id_token_hint of RP-initiated
 * logout, OIDC RP-Initiated Logout §2) and the refresh token (RFC 6749 §6). The session itself is the SAML
 * side's (../../sign-in/session.ts: user, expiry, cookie hash); this row is keyed by the same hash. A session
 * without its row is signed out (logout deletes the row). Rows expire with the session and are swept a
 * bounded number at a time by the writes.
 */

export interface OidcSessionTokens {
  /** Every claim of the ID token, then userinfo's (JSON). */
  readonly claims: Readonly<Record<string, unknown>>;
  readonly idToken: string;
  readonly refreshToken: string | undefined;
}

export interface OidcTokenStore {
  saveOidcTokens(idHash: string, tenantId: string, tokens: OidcSessionTokens, expiresAt: Date, now: Date): void;
  findOidcTokens(idHash: string, tenantId: string, now: Date): OidcSessionTokens | undefined;
  /** Replaces the row's tokens (after a refresh); false when the session has none any more. */
  updateOidcTokens(idHash: string, tenantId: string, tokens: OidcSessionTokens, now: Date): boolean;
  deleteOidcTokens(idHash: string, tenantId: string): void;
}
