/*
 * Signed-in sessions: a random 256-bit id in an HttpOnly, SameSite=Lax cookie (Secure over https), mapped to
 * the user and the attributes of the assertion that signed them in. Sessions end after the tenant's
 * sessionTtlSeconds. They live in the SP's SQLite store, keyed by the SHA-256 of the id: a restart signs
 * nobody out, and reading the database yields no usable cookie.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { SpStateStore } from '../store/sp-state.ts';

export interface SpSession {
  readonly id: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly userName: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly nameId: string | undefined;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface SessionStore {
  create(s: Omit<SpSession, 'id' | 'createdAt' | 'expiresAt'>, ttlSeconds: number): SpSession;
  get(id: string | undefined, tenantId: string): SpSession | undefined;
}

export const SESSION_COOKIE = 'sp_session';

const hashOf = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

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
      state.saveSession({ ...rest, idHash: hashOf(id) }, now);
      return session;
    },
    get(id, tenantId) {
      if (!id || id.length > 128) return undefined;
      const stored = state.findSession(hashOf(id), tenantId, clock.now());
      if (!stored) return undefined;
      const { idHash: _hash, ...rest } = stored;
      return { ...rest, id };
    },
  };
}
