/*
 * Which users the mock IdP has given a persistent identifier for which SP (SAML Core §8.3.7: a persistent
 * identifier is established between an IdP and an SP for a principal). NameIDPolicy AllowCreate="false" asks
 * for an identifier that exists already (./name-id-policy.ts). In memory, like the IdP's sessions; at most
 * MAX_PAIRS pairs, the oldest forgotten first.
 */
const MAX_PAIRS = 10_000;

export class PersistentIdentifiers {
  readonly #pairs = new Set<string>();

  has(spEntityId: string, login: string): boolean {
    return this.#pairs.has(key(spEntityId, login));
  }

  establish(spEntityId: string, login: string): void {
    const k = key(spEntityId, login);
    this.#pairs.delete(k);
    this.#pairs.add(k);
    if (this.#pairs.size > MAX_PAIRS) this.#pairs.delete(this.#pairs.values().next().value!);
  }
}

const key = (spEntityId: string, login: string) => `${spEntityId}\u0000${login.toLowerCase()}`;
