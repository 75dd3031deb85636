/*
 * The one replay store: IDs that may be honoured once, each remembered until the message that carried it could
 * no longer be accepted anyway, keyed by what kind of message it identified. Every "use once" rule of the SP
 * goes through it, so they share one table, one upsert and one purge rule:
 * - 'saml-assertion': accepted assertion IDs (saml-profiles §4.1.4.5: a bearer assertion is used once);
 * - 'saml-logout-request': LogoutRequest IDs received from the IdP (saml-core §1.3.4, saml-bindings §3.4.5.2).
 * Kept in SQLite with the users (./sqlite/replay-store.ts), so a restart does not re-open a replay window; an
 * in-memory database (openStore({ path: ':memory:' })) serves unit tests and benchmarks.
 * Purge rule: an expired ID is never answered as a replay, and each write first sweeps at most SWEEP_BATCH
 * expired rows (of any kind), so the table holds unexpired IDs plus a bounded backlog and no write pays more.
 */

/** What a remembered ID identified: a new use-once rule adds its kind here (the table takes any kind). */
export const REPLAY_KINDS = ['saml-assertion', 'saml-logout-request'] as const;
export type ReplayKind = (typeof REPLAY_KINDS)[number];

export interface ReplayStore {
  /**
   * Records `id` of `kind` for the tenant until `until`; true the first time, false when the same kind, tenant
   * and ID is already recorded and unexpired at `now` (a replay). Atomic: of two concurrent calls, one wins.
   */
  rememberOnce(kind: ReplayKind, tenantId: string, id: string, until: Date, now: Date): boolean;
}
