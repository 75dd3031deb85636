/*
 * oidc-provider's storage adapter for one issuer, in memory and bounded (oidc-provider's own memory adapter is
 * one process-wide store shared by every Provider, and keys clients by id across issuers):
 * - every artefact (session, interaction, grant, code, tokens) expires with the `expiresIn` oidc-provider gives it;
 *   expired entries are gone on read and swept on write
 * - at most MAX_ENTRIES live entries per issuer: the oldest is dropped first, so an attacker who starts sign-ins
 *   in a loop costs bounded memory (what is dropped is a sign-in that will have to start again)
 * - `Client` is not stored here: it is answered from the OP's client registry (registered in-process or through
 *   the control API), so a client changed there is seen at once
 * - grants remember their members so `revokeByGrantId` (logout, code replay, RFC 6749 §4.1.2) drops them all
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

export const MAX_ENTRIES = 10_000;

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

export class BoundedStore {
  readonly #entries = new Map<string, Entry>();
  readonly #grants = new Map<string, Set<string>>();

  constructor(private readonly clients: (clientId: string) => AdapterPayload | undefined) {}

  adapterFor(model: string): Adapter {
    const store = this;
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        store.#put(key(id), payload, expiresIn);
        if (payload.grantId) {
          const members = store.#grants.get(payload.grantId) ?? new Set<string>();
          members.add(key(id));
          store.#grants.set(payload.grantId, members);
        }
        if (model === 'Session' && payload.uid) store.#put(`SessionUid:${payload.uid}`, { id }, expiresIn);
      },
      async find(id) {
        if (model === 'Client') return store.clients(id);
        return store.#get(key(id));
      },
      async findByUid(uid) {
        const ref = store.#get(`SessionUid:${uid}`);
        return ref ? store.#get(key(String(ref['id']))) : undefined;
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const hit = store.#get(key(id));
        if (hit) hit.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.#entries.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const k of store.#grants.get(grantId) ?? []) store.#entries.delete(k);
        store.#grants.delete(grantId);
      },
    };
  }

  get size(): number {
    return this.#entries.size;
  }

  #put(k: string, payload: AdapterPayload, expiresIn: number): void {
    const now = Date.now();
    this.#entries.delete(k);
    this.#entries.set(k, { payload: { ...payload }, expiresAt: typeof expiresIn === 'number' && expiresIn > 0 ? now + expiresIn * 1000 : now + 24 * 3600_000 });
    if (this.#entries.size > MAX_ENTRIES) this.#sweep(now);
  }

  #get(k: string): AdapterPayload | undefined {
    const e = this.#entries.get(k);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      this.#entries.delete(k);
      return undefined;
    }
    return e.payload;
  }

  #sweep(now: number): void {
    for (const [k, e] of this.#entries) if (e.expiresAt <= now) this.#entries.delete(k);
    // Still over: drop the oldest down to 90% (Map keeps insertion order; #put re-inserts on update), so a full
    // store sweeps once per MAX_ENTRIES / 10 writes, not on every write.
    for (const k of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES * 0.9) break;
      this.#entries.delete(k);
    }
    for (const [g, members] of this.#grants) {
      for (const m of members) if (!this.#entries.has(m)) members.delete(m);
      if (members.size === 0) this.#grants.delete(g);
    }
  }
}
