/*
 * The OpenID Provider's RS256 signing keys (RFC 7518 §3.3), one key ring shared by every issuer of the mock IdP
 * (Entra publishes one key set for all tenants; one ring keeps rotation a single operation):
 * - the current key is an RSA-2048 private JWK whose `kid` is its RFC 7638 thumbprint; with a data directory it is
 *   kept as oidc-signing.jwk.json (mode 0600) beside the SAML keys and reused, else generated per process
 * - rotate(): a new key signs from now on and is the only one published; the old one is retired (not in the
 *   JWKS), which is exactly the case a relying party must handle by fetching the JWKS again on an unknown `kid`
 *   (OIDC Core §10.1.1)
 * - a "rogue" key (never published) signs the unknown-kid deviation
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { opError } from '../errors.ts';

export interface PrivateJwk extends JsonWebKey {
  readonly kty: 'RSA';
  readonly kid: string;
  readonly alg: 'RS256';
  readonly use: 'sig';
}

export interface PublicJwk {
  readonly kty: 'RSA';
  readonly kid: string;
  readonly alg: 'RS256';
  readonly use: 'sig';
  readonly n: string;
  readonly e: string;
}

const FILE = 'oidc-signing.jwk.json';
const processCache = new Map<string, PrivateJwk>();

/** RFC 7638 §3.2: SHA-256 over the required members in lexicographic order, base64url. */
export function rsaThumbprint(jwk: { n?: string | undefined; e?: string | undefined }): string {
  return createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
    .digest('base64url');
}

function newPrivateJwk(): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kty: 'RSA', kid: rsaThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

function cachedJwk(name: string): PrivateJwk {
  const hit = processCache.get(name);
  if (hit) return hit;
  const made = newPrivateJwk();
  processCache.set(name, made);
  return made;
}

function readJwk(path: string): PrivateJwk {
  try {
    const jwk = JSON.parse(readFileSync(path, 'utf8')) as PrivateJwk;
    createPrivateKey({ key: jwk, format: 'jwk' });
    if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string') throw new Error('not an RSA JWK with a kid');
    return { ...jwk, alg: 'RS256', use: 'sig' };
  } catch (e) {
    throw opError('keys/bad-jwk', `${path}: ${(e as Error).message}`);
  }
}

export function publicJwk(jwk: PrivateJwk): PublicJwk {
  return { kty: 'RSA', kid: jwk.kid, alg: 'RS256', use: 'sig', n: jwk.n!, e: jwk.e! };
}

export class SigningKeys {
  #loaded: PrivateJwk | undefined;
  readonly #dataDir: string | undefined;

  /** Nothing is read, made or written until a key is first needed: a SAML-only IdP leaves no OIDC key behind. */
  constructor(dataDir?: string | undefined) {
    this.#dataDir = dataDir;
  }

  get #current(): PrivateJwk {
    if (this.#loaded) return this.#loaded;
    const path = this.#dataDir ? join(this.#dataDir, FILE) : undefined;
    if (path && existsSync(path)) this.#loaded = readJwk(path);
    else {
      this.#loaded = path ? newPrivateJwk() : cachedJwk('signing');
      if (path) this.#persist();
    }
    return this.#loaded;
  }

  /** The private JWK that signs now (handed to oidc-provider as its only key). */
  get current(): PrivateJwk {
    return this.#current;
  }

  get currentKid(): string {
    return this.#current.kid;
  }

  /** The published JWKS: only the current key. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: [publicJwk(this.#current)] };
  }

  signingKey(): KeyObject {
    return createPrivateKey({ key: this.#current, format: 'jwk' });
  }

  /** A key that no JWKS of this IdP publishes, with its own kid. */
  rogue(): { key: KeyObject; kid: string } {
    const rogue = cachedJwk('rogue');
    return { key: createPrivateKey({ key: rogue, format: 'jwk' }), kid: rogue.kid };
  }

  /** The current public key as PEM (SPKI): what the HS256-with-public-key deviation uses as its HMAC secret. */
  publicKeyPem(): string {
    const { kty, n, e } = publicJwk(this.#current);
    return createPublicKey({ key: { kty, n, e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
  }

  /** A new current key; the old one is retired (not published any more). Kept on disk when there is a data dir. */
  rotate(): { retiredKid: string; kid: string } {
    const retiredKid = this.#current.kid;
    this.#loaded = newPrivateJwk();
    if (this.#dataDir) this.#persist();
    return { retiredKid, kid: this.#current.kid };
  }

  #persist(): void {
    mkdirSync(this.#dataDir!, { recursive: true });
    writeFileSync(join(this.#dataDir!, FILE), JSON.stringify(this.#current), { mode: 0o600 });
  }
}
