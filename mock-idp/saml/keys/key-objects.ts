/*
 * Parsed key material, made once per PEM: node:crypto parses a PEM private key on every `sign()` that is given
 * the text, which cost more than the RSA operation itself when the mock IdP signed with PEM strings (issue 15);
 * parsing an SP's certificate for every signed AuthnRequest cost about 0.4 ms of a load run's sign-in.
 * A KeyObject is immutable, so one per PEM serves every signature. Each cache is bounded (a test suite or a long
 * run with many rolled-over keys never grows it past MAX_CACHED), oldest entry out first.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

const MAX_CACHED = 64;

function boundedMemo(parse: (pem: string) => KeyObject): (pem: string) => KeyObject {
  const cache = new Map<string, KeyObject>();
  return (pem) => {
    let key = cache.get(pem);
    if (key === undefined) {
      key = parse(pem);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(pem, key);
    }
    return key;
  };
}

/** Returns the KeyObject for a PEM private key (PKCS#8 or PKCS#1), parsing it only the first time it is seen. */
export const privateKeyObject: (pem: string) => KeyObject = boundedMemo((pem) => createPrivateKey(pem));

/** Returns the public key of a PEM certificate, parsing the certificate only the first time it is seen. */
export const certificatePublicKey: (pem: string) => KeyObject = boundedMemo((pem) => new X509Certificate(pem).publicKey);
