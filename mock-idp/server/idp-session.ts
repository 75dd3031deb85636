/*
 * The IdP's own sign-in session (how the IdP authenticates the presenter is its own business: SAML Profiles
 * §4.1.4.2; reusing "a previous security context" is what SAML Core §3.4.1 ForceAuthn switches off):
 * - a user who signs in on the login page gets a random 256-bit id in an HttpOnly, SameSite=Lax cookie
 *   (`idp_session`, Secure over https); the IdP keeps the user's login, when they authenticated and a SessionIndex;
 * - a later AuthnRequest from that browser is answered at once for that user, without the login page — DatoCMS's
 *   guide (seed 004): "If the user still has an active session with the identity provider, the user is
 *   automatically redirected to the desired resource";
 * - an AuthnRequest with ForceAuthn="true" shows the login page whatever the session (Core §3.4.1: the IdP "MUST
 *   authenticate the presenter directly rather than rely on a previous security context"), and signing in there
 *   starts a new session;
 * - a session ends `ttlMs` after its authentication, on the IdP's clock; an unknown, malformed or expired id is
 *   no session. Sessions live in memory: a restarted IdP asks everyone to sign in again.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';

export const IDP_SESSION_COOKIE = 'idp_session';

export interface IdpSession {
  readonly login: string;
  /** When the user authenticated (ISO instant). */
  readonly authnInstant: string;
  /** The SessionIndex every assertion issued in this session carries (saml-core §2.7.2). */
  readonly sessionIndex: string;
  readonly expiresAt: number;
  /** The authentication context class the user signed in with (../saml/request-policy/authn-context-classes.ts). */
  readonly authnContextClassRef?: string;
}

export class IdpSessions {
  readonly #sessions = new Map<string, IdpSession>();

  constructor(
    private readonly clock: Clock,
    readonly ttlMs: number,
  ) {}

  /** Starts a session for a user who just authenticated; `id` is the cookie value. */
  start(login: string, authnContextClassRef?: string): { readonly id: string; readonly session: IdpSession } {
    this.expire();
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session: IdpSession = { login, authnInstant: now.toISOString(), sessionIndex: `_${randomBytes(16).toString('hex')}`, expiresAt: now.getTime() + this.ttlMs };
    if (authnContextClassRef !== undefined) Object.assign(session, { authnContextClassRef });
    this.#sessions.set(id, session);
    return { id, session };
  }

  /** Ends a session (a sign-in that failed after it started). */
  end(id: string): void {
    this.#sessions.delete(id);
  }

  /** The live session a cookie value names, if any. */
  find(id: string | undefined): IdpSession | undefined {
    if (!id || id.length > 128) return undefined;
    this.expire();
    return this.#sessions.get(id);
  }

  /** The Set-Cookie header value for a session id, Secure when the IdP is served over https. */
  setCookie(id: string, baseUrl: string): string {
    const secure = baseUrl.startsWith('https:') ? '; Secure' : '';
    return `${IDP_SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(this.ttlMs / 1000)}${secure}`;
  }

  /** Every live session with its cookie value: Single Logout looks up a principal's sessions (../saml/logout/). */
  live(): Array<{ readonly id: string; readonly session: IdpSession }> {
    this.expire();
    return [...this.#sessions].map(([id, session]) => ({ id, session }));
  }

  get size(): number {
    this.expire();
    return this.#sessions.size;
  }

  private expire(): void {
    const now = this.clock.now().getTime();
    for (const [id, s] of this.#sessions) if (s.expiresAt <= now) this.#sessions.delete(id);
  }
}

/** The value of one cookie in a Cookie header; a malformed escape is no cookie. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
