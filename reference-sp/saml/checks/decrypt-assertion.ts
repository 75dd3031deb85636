/*
 * - an <saml:EncryptedAssertion> is decrypted with the SP's private key (saml-core §2.3.4, §6.1); any failure
 *   (wrong key, tampered ciphertext, insecure algorithm) is decryption/failed
 * - the plaintext must be exactly one <saml:Assertion>, with no DTD
 * - when the tenant sets requireEncryptedAssertion, a plain assertion is refused (encryption/required)
 */
import xmlenc from 'xml-encryption';
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, XmlParseError, parseXml, serialize } from '../xml.ts';

function decrypt(xml: string, key: string): Promise<string> {
  return new Promise((resolve, rejectPromise) => {
    xmlenc.decrypt(xml, { key, disallowDecryptionWithInsecureAlgorithm: true, warnInsecureAlgorithm: false }, (err, result) => {
      if (err) rejectPromise(err);
      else resolve(result as string);
    });
  });
}

export const decryptAssertion: Check = {
  name: 'decrypt-assertion',
  async run(state) {
    const spec = 'saml-core §6.1';
    if (!state.encrypted) {
      if (state.saml.requireEncryptedAssertion) {
        throw reject('encryption/required', { message: 'the assertion is not encrypted and the tenant requires EncryptedAssertion', expected: 'EncryptedAssertion', spec: 'saml-core §2.3.4' });
      }
      return;
    }
    const container = need(state.assertionContainer, 'the EncryptedAssertion');
    let plaintext: string;
    try {
      plaintext = await decrypt(serialize(container), state.deps.spKeys.privateKeyPem);
    } catch (e) {
      throw reject('decryption/failed', { message: `the EncryptedAssertion cannot be decrypted with the SP key: ${e instanceof Error ? e.message : String(e)}`, spec });
    }
    let doc;
    try {
      doc = parseXml(plaintext);
    } catch (e) {
      throw reject(e instanceof XmlParseError && e.reason === 'doctype' ? 'xml/doctype' : 'decryption/failed', {
        message: `the decrypted assertion is not acceptable XML: ${e instanceof Error ? e.message : String(e)}`,
        spec,
      });
    }
    const root = doc.documentElement;
    if (!root || root.namespaceURI !== NS.saml || root.localName !== 'Assertion') {
      throw reject('decryption/failed', { message: 'the EncryptedAssertion does not contain a saml:Assertion', expected: 'saml:Assertion', spec: 'saml-core §2.3.4' });
    }
    state.assertion = root;
    state.assertionDocXml = plaintext;
  },
};
