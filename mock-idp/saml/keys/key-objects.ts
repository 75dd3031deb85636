/*
 * Parsed key material, made once per PEM: node:crypto parses a PEM private key on every `sign()` that is given
 * the text, which cost more than the RSA operation itself when the mock IdP signed with PEM strings (issue 15);
 * parsing an SP's certificate for every signed AuthnRequest cost about 0.4 ms of a load run's sign-in.
 * A KeyObject is immutable, so one per PEM serves every signature (./bounded-memo.ts keeps each memo bounded).
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { boundedMemo } from './bounded-memo.ts';

/** Returns the KeyObject for a PEM private key (PKCS#8 or PKCS#1), parsing it only the first time it is seen. */
export const privateKeyObject: (pem: string) => KeyObject = boundedMemo((pem) => createPrivateKey(pem));

/** Returns the public key of a PEM certificate, parsing the certificate only the first time it is seen. */
export const certificatePublicKey: (pem: string) => KeyObject = boundedMemo((pem) => new X509Certificate(pem).publicKey);
