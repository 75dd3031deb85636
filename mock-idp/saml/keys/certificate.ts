/*
 * A self-signed X.509 certificate for an RSA key, made with node-forge. SAML metadata carries the certificate
 * only as a container for the public key (saml-metadata §2.4.1.1), so self-signed is what real IdPs publish too.
 * - validity starts a day before the clock's now (a little skew never makes it not-yet-valid) and lasts 10 years
 * - serial number is random and positive (RFC 5280 §4.1.2.2)
 */
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { Clock } from '../../clock.ts';

export function selfSignedCertificate(privateKeyPem: string, commonName: string, clock: Clock): string {
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  const now = clock.now().getTime();
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now + 10 * 365 * 24 * 3600 * 1000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'sso-harness mock IdP' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
