/*
 * - a LogoutRequest ID is accepted once: a captured request replayed later must not end a new session
 *   (SAML Core §1.3.4: IDs are unique; Bindings §3.4.5.2 and §3.5.5.2 leave replay protection to the
 *   recipient). IDs are kept until the request's NotOnOrAfter (at least `minKeepMs`).
 * - bounded: at most `max` IDs; beyond that the one nearest to expiry is forgotten first (insertion order of a
 *   Map, swept in O(1) amortised), so a flood of requests costs memory linear in `max`, never more
 */
import { idpError } from '../../errors.ts';

export class ReplayGuard {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly max = 10_000,
    private readonly minKeepMs = 10 * 60_000,
  ) {}

  /** Remembers the ID or throws logout/replayed when it was seen and has not expired. */
  remember(id: string, now: Date, notOnOrAfter: string | undefined): void {
    const t = now.getTime();
    for (const [k, until] of this.#seen) {
      if (until > t && this.#seen.size < this.max) break;
      this.#seen.delete(k);
    }
    const until = this.#seen.get(id);
    if (until !== undefined && until > t) throw idpError('logout/replayed', 'this LogoutRequest ID was already received');
    const expires = Math.max(t + this.minKeepMs, Date.parse(notOnOrAfter ?? '') || 0);
    this.#seen.set(id, expires);
  }
}
