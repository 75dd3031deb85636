/*
 * The IdP's key material.
 * - the signing key pair (RSA-2048 + self-signed certificate) is generated on first start and kept in the data
 *   directory as idp-signing.key.pem / idp-signing.crt.pem, then reused, so SPs that trusted the metadata once
 *   keep trusting it
 * - a second, "rogue" key pair (idp-rogue.*.pem) signs wrong-key scenarios: same shape, not the published key
 * - PEMs can be supplied instead; with neither a data directory nor PEMs the keys live in memory only
 * - generated pairs are cached per process and per name, so a test suite pays for key generation once
 * - the signing key can be rolled over (./signing-key-ring.ts): `signing` is always the key that signs now, and
 *   `ring` holds every key the metadata publishes; rolled-over keys persist in the data directory too
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../clock.ts';
import { idpError } from '../errors.ts';
import { selfSignedCertificate } from './certificate.ts';
import { finishInterruptedActivation, readSlot, SigningKeyRing } from './signing-key-ring.ts';

export interface KeyPair {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

export interface IdpKeys {
  /** The key that signs now (the ring's active key when there is a ring). */
  readonly signing: KeyPair;
  readonly rogue: KeyPair;
  /** The signing keys through a rollover; absent on key sets made by hand (tests minting with a given key). */
  readonly ring?: SigningKeyRing;
}

export interface KeyStoreOptions {
  /** Directory where generated keys are kept and looked for. Omit for in-memory keys. */
  readonly dataDir?: string | undefined;
  /** Supplied key material; wins over the data directory. `rogue` is generated when omitted. */
  readonly keys?: { signing: KeyPair; rogue?: KeyPair } | undefined;
  readonly clock: Clock;
}

const processCache = new Map<string, KeyPair>();

/** Generates (or returns this process's cached) key pair for a role name. */
export function generatedKeyPair(name: 'signing' | 'rogue' | string, clock: Clock): KeyPair {
  const cached = processCache.get(name);
  if (cached) return cached;
  // Node's generator is native and much faster than forge's; forge only makes the certificate.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const pair = { privateKeyPem, certificatePem: selfSignedCertificate(privateKeyPem, `sso-harness mock IdP ${name}`, clock) };
  processCache.set(name, pair);
  return pair;
}

/** Throws keys/bad-pem unless the certificate parses and holds the private key's public half. */
export function assertKeyPair(pair: KeyPair, label: string): void {
  try {
    const cert = new X509Certificate(pair.certificatePem);
    const fromKey = createPublicKey(createPrivateKey(pair.privateKeyPem)).export({ type: 'spki', format: 'der' });
    const fromCert = cert.publicKey.export({ type: 'spki', format: 'der' });
    if (!Buffer.from(fromKey).equals(Buffer.from(fromCert))) throw new Error('certificate does not match the key');
  } catch (e) {
    throw idpError('keys/bad-pem', `${label}: ${(e as Error).message}`);
  }
}

function persistentPair(dataDir: string, name: string, clock: Clock): KeyPair {
  const keyPath = join(dataDir, `idp-${name}.key.pem`);
  const certPath = join(dataDir, `idp-${name}.crt.pem`);
  if (existsSync(keyPath) && existsSync(certPath)) {
    const pair = { privateKeyPem: readFileSync(keyPath, 'utf8'), certificatePem: readFileSync(certPath, 'utf8') };
    assertKeyPair(pair, `${keyPath} / ${certPath}`);
    return pair;
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const pair = { privateKeyPem, certificatePem: selfSignedCertificate(privateKeyPem, `sso-harness mock IdP ${name}`, clock) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(keyPath, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(certPath, pair.certificatePem);
  return pair;
}

/** Keys whose `signing` follows the ring's active key. */
function ringKeys(ring: SigningKeyRing, rogue: KeyPair): IdpKeys {
  return {
    get signing() {
      return ring.active;
    },
    rogue,
    ring,
  };
}

export function loadIdpKeys(options: KeyStoreOptions): IdpKeys {
  const clock = options.clock;
  if (options.keys) {
    assertKeyPair(options.keys.signing, 'supplied signing key');
    if (options.keys.rogue) assertKeyPair(options.keys.rogue, 'supplied rogue key');
    return ringKeys(new SigningKeyRing({ current: options.keys.signing, clock }), options.keys.rogue ?? generatedKeyPair('rogue', clock));
  }
  if (options.dataDir) {
    const dataDir = options.dataDir;
    if (existsSync(dataDir)) finishInterruptedActivation(dataDir);
    const ring = new SigningKeyRing({
      current: persistentPair(dataDir, 'signing', clock),
      next: readSlot(dataDir, 'signing-next', assertKeyPair),
      previous: readSlot(dataDir, 'signing-previous', assertKeyPair),
      dataDir,
      clock,
    });
    return ringKeys(ring, persistentPair(dataDir, 'rogue', clock));
  }
  return ringKeys(new SigningKeyRing({ current: generatedKeyPair('signing', clock), clock }), generatedKeyPair('rogue', clock));
}
