/*
 * Signed-in sessions: a random 256-bit id in an HttpOnly, SameSite=Lax cookie (Secure over https), mapped to
 * the user and the attributes of the assertion that signed them in. Sessions end after the tenant's
 * sessionTtlSeconds. They live in the SP's SQLite store, keyed by the SHA-256 of the id: a restart signs
 * nobody out, and reading the database yields no usable cookie.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { SpStateStore, StoredSession } from '../store/sp-state.ts';
import { cookieHash } from './cookie-hash.ts';

/** A session as the SAML side sees it: the stored row, with the cookie value instead of its hash. */
export type SpSession = Omit<StoredSession, 'idHash'> & { readonly id: string };

export interface SessionStore {
  create(s: Omit<SpSession, 'id' | 'createdAt' | 'expiresAt'>, ttlSeconds: number): SpSession;
  get(id: string | undefined, tenantId: string): SpSession | undefined;
}

export const SESSION_COOKIE = 'sp_session';

/**
 * The session of a Test Connection on a tenant whose SSO is not enabled yet (../saml/checks/check-sso-enabled.ts, ../oidc/checks/check-sso-enabled.ts): read
 * by the Test Connection page only (the cookie's Path), never by the application, and short-lived.
 */
export const TEST_CONNECTION_COOKIE = 'sp_test_connection';
export const TEST_CONNECTION_SESSION_SECONDS = 600;

export function createSessionStore(clock: Clock, state: SpStateStore): SessionStore {
  return {
    create(s, ttlSeconds) {
      const now = clock.now();
      const session: SpSession = {
        ...s,
        id: randomBytes(32).toString('base64url'),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
      };
      const { id, ...rest } = session;
      state.saveSession({ ...rest, idHash: cookieHash(id) }, now);
      return session;
    },
    get(id, tenantId) {
      if (!id || id.length > 128) return undefined;
      const stored = state.findSession(cookieHash(id), tenantId, clock.now());
      if (!stored) return undefined;
      const { idHash: _hash, ...rest } = stored;
      return { ...rest, id };
    },
  };
}
