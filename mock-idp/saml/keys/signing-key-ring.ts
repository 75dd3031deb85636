/*
 * The IdP's signing keys through a key rollover (saml-metadata §2.4.1.1: a role may publish several signing
 * KeyDescriptors; relying parties that follow the metadata trust each of them). Three phases:
 *   steady ─ rollover() ─▶ rolling ─ activate() ─▶ activated ─ retire() ─▶ steady
 * - steady:    one key, published and signing;
 * - rolling:   a new key is published next to the current one, which still signs (SPs that refresh their
 *              metadata learn the new key before anything is signed with it);
 * - activated: the new key signs; the old one stays published, so SPs that have not refreshed yet still verify
 *              what was signed just before the switch;
 * - retire() drops the old key from the metadata: SPs that refresh no longer trust it.
 * An operation out of phase is refused with a stable code (keys/rollover-in-progress, keys/nothing-to-activate,
 * keys/nothing-to-retire), never silently ignored. With a data directory the keys persist as
 * idp-signing.{key,crt}.pem (the active key, as before rollovers existed), idp-signing-next.* and
 * idp-signing-previous.*; a restart comes back in the same phase. An activation interrupted between its two
 * renames is finished on the next load.
 */
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../clock.ts';
import { idpError } from '../errors.ts';
import { selfSignedCertificate } from './certificate.ts';
import type { KeyPair } from './key-store.ts';

export type RolloverPhase = 'steady' | 'rolling' | 'activated';

type Slot = 'signing' | 'signing-next' | 'signing-previous';

export interface KeyRingState {
  readonly phase: RolloverPhase;
  /** SHA-256 fingerprint (hex) of the certificate that signs now. */
  readonly active: string;
  /** The certificates in the metadata, active first. */
  readonly published: ReadonlyArray<{ readonly fingerprint: string; readonly certificatePem: string; readonly role: 'active' | 'next' | 'previous' }>;
}

export function fingerprint(certificatePem: string): string {
  return createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex');
}

export class SigningKeyRing {
  #current: KeyPair;
  #next: KeyPair | undefined;
  #previous: KeyPair | undefined;
  #retired: KeyPair | undefined;
  readonly #dataDir: string | undefined;
  readonly #clock: Clock;

  constructor(options: { current: KeyPair; next?: KeyPair | undefined; previous?: KeyPair | undefined; dataDir?: string | undefined; clock: Clock }) {
    this.#current = options.current;
    this.#next = options.next;
    this.#previous = options.previous;
    this.#dataDir = options.dataDir;
    this.#clock = options.clock;
  }

  /** The key that signs responses (and the metadata) now. */
  get active(): KeyPair {
    return this.#current;
  }

  /** Every key the metadata publishes, the active one first. */
  get published(): readonly KeyPair[] {
    return [this.#current, ...(this.#next ? [this.#next] : []), ...(this.#previous ? [this.#previous] : [])];
  }

  /** The key the last retire() dropped (in memory only): what an IdP node that missed the rollover still signs with. */
  get retired(): KeyPair | undefined {
    return this.#retired;
  }

  get phase(): RolloverPhase {
    return this.#next ? 'rolling' : this.#previous ? 'activated' : 'steady';
  }

  /** Publishes a new key next to the current one, which keeps signing. */
  rollover(): KeyRingState {
    if (this.phase !== 'steady') throw idpError('keys/rollover-in-progress', `a rollover is already in progress (${this.phase}): activate or retire first`, 409);
    const next = this.#generate();
    this.#write('signing-next', next);
    this.#next = next;
    return this.state();
  }

  /** Signs with the new key from now on; the old one stays published. */
  activate(): KeyRingState {
    if (!this.#next) throw idpError('keys/nothing-to-activate', 'no new key to activate: roll over first', 409);
    this.#rename('signing', 'signing-previous');
    this.#rename('signing-next', 'signing');
    this.#previous = this.#current;
    this.#current = this.#next;
    this.#next = undefined;
    return this.state();
  }

  /** Drops the old key from the metadata. */
  retire(): KeyRingState {
    if (!this.#previous) throw idpError('keys/nothing-to-retire', 'no old key to retire: activate a new key first', 409);
    if (this.#dataDir) for (const part of ['key', 'crt']) rmSync(join(this.#dataDir, `idp-signing-previous.${part}.pem`), { force: true });
    this.#retired = this.#previous;
    this.#previous = undefined;
    return this.state();
  }

  state(): KeyRingState {
    const role = (k: KeyPair) => (k === this.#current ? 'active' : k === this.#next ? 'next' : 'previous');
    return {
      phase: this.phase,
      active: fingerprint(this.#current.certificatePem),
      published: this.published.map((k) => ({ fingerprint: fingerprint(k.certificatePem), certificatePem: k.certificatePem, role: role(k) })),
    };
  }

  #generate(): KeyPair {
    // Node's generator is native and much faster than forge's; forge only makes the certificate.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return { privateKeyPem, certificatePem: selfSignedCertificate(privateKeyPem, `sso-harness mock IdP signing ${this.#clock.now().toISOString()}`, this.#clock) };
  }

  #write(slot: Slot, pair: KeyPair): void {
    if (!this.#dataDir) return;
    mkdirSync(this.#dataDir, { recursive: true });
    writeFileSync(join(this.#dataDir, `idp-${slot}.key.pem`), pair.privateKeyPem, { mode: 0o600 });
    writeFileSync(join(this.#dataDir, `idp-${slot}.crt.pem`), pair.certificatePem);
  }

  #rename(from: Slot, to: Slot): void {
    if (!this.#dataDir) return;
    for (const part of ['key', 'crt']) renameSync(join(this.#dataDir, `idp-${from}.${part}.pem`), join(this.#dataDir, `idp-${to}.${part}.pem`));
  }
}

/** Reads a persisted slot, or undefined when its files are absent. */
export function readSlot(dataDir: string, slot: Slot, check: (pair: KeyPair, label: string) => void): KeyPair | undefined {
  const keyPath = join(dataDir, `idp-${slot}.key.pem`);
  const certPath = join(dataDir, `idp-${slot}.crt.pem`);
  if (!existsSync(keyPath) || !existsSync(certPath)) return undefined;
  const pair = { privateKeyPem: readFileSync(keyPath, 'utf8'), certificatePem: readFileSync(certPath, 'utf8') };
  check(pair, `${keyPath} / ${certPath}`);
  return pair;
}

/** Finishes an activation a crash interrupted: the active slot was moved away, the new key not moved in yet. */
export function finishInterruptedActivation(dataDir: string): void {
  const has = (slot: Slot) => existsSync(join(dataDir, `idp-${slot}.key.pem`)) && existsSync(join(dataDir, `idp-${slot}.crt.pem`));
  if (!has('signing') && has('signing-next') && has('signing-previous')) {
    for (const part of ['key', 'crt']) renameSync(join(dataDir, `idp-signing-next.${part}.pem`), join(dataDir, `idp-signing.${part}.pem`));
  }
}
