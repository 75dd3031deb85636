/*
 * - saml-core §2.3.4, §6.1: an EncryptedAssertion is decrypted with the SP's private key (xml-encryption)
 * - key transport RSA-OAEP only (xmlenc-core §5.4.2, xmlenc-core1 §5.5.2); RSA PKCS#1 v1.5 is refused before
 *   any decryption (xmlenc-core1 §5.5.1 security note: Bleichenbacher; Jager & Somorovsky, CCS 2011)
 * - every other failure (wrong key, padding, tag, plaintext that is not one saml:Assertion, a DTD in it) is the
 *   same answer, decryption/failed, so the ACS is no decryption oracle
 */
import xmlenc from 'xml-encryption';
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, child, descendants, parseXml, serialize } from '../xml.ts';

const RSA_OAEP = new Set(['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p', 'http://www.w3.org/2009/xmlenc11#rsa-oaep']);

function decrypt(encryptedData: string, key: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      xmlenc.decrypt(encryptedData, { key, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false }, (error, plaintext) =>
        resolve(error ? undefined : String(plaintext)),
      );
    } catch {
      resolve(undefined);
    }
  });
}

export const decryptAssertion: Rule = async (state) => {
  const encrypted = child(need(state, 'response'), NS.assertion, 'EncryptedAssertion');
  if (!encrypted) return;
  const data = child(encrypted, NS.xenc, 'EncryptedData');
  if (!data) refuse('decryption/failed');
  const transports = descendants(encrypted, NS.xenc, 'EncryptedKey').map((k) => child(k, NS.xenc, 'EncryptionMethod')?.getAttribute('Algorithm') ?? '');
  if (transports.length === 0 || !transports.every((a) => RSA_OAEP.has(a))) refuse('encryption/algorithm');
  const plaintext = await decrypt(serialize(data), state.ctx.keys.privateKeyPem);
  if (plaintext === undefined || /<!DOCTYPE/i.test(plaintext)) refuse('decryption/failed');
  const root = parseXml(plaintext)?.documentElement;
  if (!root || root.namespaceURI !== NS.assertion || root.localName !== 'Assertion') refuse('decryption/failed');
  state.candidate = root;
};
