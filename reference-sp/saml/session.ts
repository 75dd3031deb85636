/*
 * Signed-in sessions: a random 256-bit id in an HttpOnly, SameSite=Lax cookie, mapped in memory to the user
 * and the attributes of the assertion that signed them in. Sessions end after the tenant's sessionTtlSeconds.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';

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

export function createSessionStore(clock: Clock): SessionStore {
  const sessions = new Map<string, SpSession>();
  return {
    create(s, ttlSeconds) {
      const now = clock.now();
      const session: SpSession = {
        ...s,
        id: randomBytes(32).toString('base64url'),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
      };
      sessions.set(session.id, session);
      return session;
    },
    get(id, tenantId) {
      if (!id) return undefined;
      const s = sessions.get(id);
      if (!s || s.tenantId !== tenantId) return undefined;
      if (Date.parse(s.expiresAt) <= clock.now().getTime()) {
        sessions.delete(id);
        return undefined;
      }
      return s;
    },
  };
}
