/*
 * The SP's RSA key pair and self-signed X.509 certificate: signs AuthnRequests (saml-bindings §3.4.4.1) and
 * decrypts EncryptedAssertions (saml-core §6). Kept in `{dataDir}/sp-keys/` so the metadata an IdP imported
 * stays valid across restarts; with ':memory:' a fresh pair is made per SP instance and never written.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface SpKeys {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

export function createSpKeys(commonName = 'sso-harness reference SP', now: Date = new Date()): SpKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const subject = [{ name: 'commonName', value: commonName }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { privateKeyPem: privateKey, certificatePem: forge.pki.certificateToPem(cert) };
}

/** Loads the pair from `{dataDir}/sp-keys/`, creating it on first start; ':memory:' → a fresh pair. */
export function loadOrCreateSpKeys(dataDir: string, now: Date = new Date()): SpKeys {
  if (dataDir === ':memory:') return createSpKeys(undefined, now);
  const dir = join(dataDir, 'sp-keys');
  const keyFile = join(dir, 'sp.key.pem');
  const certFile = join(dir, 'sp.cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    return { privateKeyPem: readFileSync(keyFile, 'utf8'), certificatePem: readFileSync(certFile, 'utf8') };
  }
  const keys = createSpKeys(undefined, now);
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, keys.privateKeyPem, { mode: 0o600 });
  writeFileSync(certFile, keys.certificatePem);
  return keys;
}
