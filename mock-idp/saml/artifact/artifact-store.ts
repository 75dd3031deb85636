/*
 * The Responses the IdP has issued by artifact, waiting to be resolved (saml-core §3.5.3, saml-bindings §3.6.5):
 * - keyed by the artifact's MessageHandle; each remembers the SP it was issued for
 * - one-time use: taking an entry removes it, so any later request with the same artifact, by anyone, finds
 *   nothing (§3.5.3 "MUST enforce a one-time-use property"; saml-bindings §3.6.5 "MUST NOT ... more than once")
 * - short lifetime (§3.5.3 "SHOULD enforce the shortest practical time limit"), by the injected clock
 * - bounded: past `maxEntries` the oldest entry is dropped, so a flood of sign-ins cannot grow memory
 */
import type { Clock } from '../../clock.ts';

export interface StoredMessage {
  readonly responseXml: string;
  readonly spEntityId: string;
  readonly expiresAt: number;
}

export class ArtifactStore {
  readonly #entries = new Map<string, StoredMessage>();

  constructor(
    private readonly clock: Clock,
    readonly ttlMs: number,
    readonly maxEntries: number,
  ) {}

  put(messageHandle: Buffer, message: Omit<StoredMessage, 'expiresAt'>): void {
    this.#expire();
    while (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(messageHandle.toString('hex'), { ...message, expiresAt: this.clock.now().getTime() + this.ttlMs });
  }

  /** Removes and returns the entry; undefined when unknown, already taken or expired. */
  take(messageHandle: Buffer): StoredMessage | undefined {
    this.#expire();
    const key = messageHandle.toString('hex');
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    return entry;
  }

  get size(): number {
    this.#expire();
    return this.#entries.size;
  }

  #expire(): void {
    const now = this.clock.now().getTime();
    for (const [k, v] of this.#entries) if (v.expiresAt <= now) this.#entries.delete(k);
  }
}
