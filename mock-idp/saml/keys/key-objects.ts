/*
 * Parsed key material, made once per PEM: node:crypto parses a PEM private key on every `sign()` that is given
 * the text, which cost more than the RSA operation itself when the mock IdP signed with PEM strings (issue 15).
 * A KeyObject is immutable, so one per PEM serves every signature. The cache is bounded (a test suite or a long
 * run with many rolled-over keys never grows it past MAX_CACHED), oldest entry out first.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';

const MAX_CACHED = 64;
const privateKeys = new Map<string, KeyObject>();

/** Returns the KeyObject for a PEM private key (PKCS#8 or PKCS#1), parsing it only the first time it is seen. */
export function privateKeyObject(pem: string): KeyObject {
  let key = privateKeys.get(pem);
  if (key === undefined) {
    key = createPrivateKey(pem);
    if (privateKeys.size >= MAX_CACHED) privateKeys.delete(privateKeys.keys().next().value!);
    privateKeys.set(pem, key);
  }
  return key;
}
