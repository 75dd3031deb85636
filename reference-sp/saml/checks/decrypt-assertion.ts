/*
 * - an <saml:EncryptedAssertion> is decrypted with the SP's private key (saml-core §2.3.4, §6.1)
 * - before any decryption, the EncryptedData cipher and every EncryptedKey transport must be ones the tenant
 *   allows (allowedEncryptionAlgorithms, allowedKeyTransportAlgorithms): decryption/algorithm-refused
 * - any failure to decrypt (wrong key, tampered ciphertext, bad padding) is decryption/failed with one fixed
 *   message: distinguishable errors would turn the ACS into a padding oracle (xmlenc-core1 §6.1.2)
 * - the plaintext must be exactly one <saml:Assertion>, with no DTD
 * - when the tenant sets requireEncryptedAssertion, a plain assertion is refused (encryption/required)
 */
import type { Element } from '@xmldom/xmldom';
import xmlenc from 'xml-encryption';
import { ENCRYPTION_ALGORITHMS, KEY_TRANSPORT_ALGORITHMS, type SamlTenantConfig } from '../../config/saml-section.ts';
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, XmlParseError, parseXml, serialize } from '../xml.ts';

const XMLENC_NS = 'http://www.w3.org/2001/04/xmlenc#';

/** The algorithms the EncryptedAssertion declares, checked against the tenant's policy before decrypting. */
function refuseDisallowedAlgorithms(container: Element, saml: SamlTenantConfig): void {
  const methods = Array.from(container.getElementsByTagNameNS(XMLENC_NS, 'EncryptionMethod'));
  const allowedCiphers = saml.allowedEncryptionAlgorithms.map((name) => ENCRYPTION_ALGORITHMS[name] as string);
  const allowedTransports = saml.allowedKeyTransportAlgorithms.flatMap((name) => [...KEY_TRANSPORT_ALGORITHMS[name]] as string[]);
  for (const method of methods) {
    const algorithm = method.getAttribute('Algorithm') ?? '';
    const parent = method.parentNode as Element | null;
    const isKey = parent?.localName === 'EncryptedKey';
    const allowed = isKey ? allowedTransports : allowedCiphers;
    if (!allowed.includes(algorithm)) {
      throw reject('decryption/algorithm-refused', {
        message: `the ${isKey ? 'key transport' : 'content encryption'} algorithm ${algorithm || '(none)'} is not allowed for this tenant`,
        expected: allowed,
        actual: algorithm,
        spec: isKey ? 'xmlenc-core1 §5.5' : 'xmlenc-core1 §5.2',
      });
    }
  }
}

function decrypt(xml: string, key: string): Promise<string> {
  return new Promise((resolve, rejectPromise) => {
    // The tenant's algorithm policy was enforced above; xml-encryption's own list would also refuse AES-CBC.
    xmlenc.decrypt(xml, { key, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false }, (err, result) => {
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
    refuseDisallowedAlgorithms(container, state.saml);
    let plaintext: string;
    try {
      plaintext = await decrypt(serialize(container), state.deps.spKeys.privateKeyPem);
    } catch {
      throw reject('decryption/failed', { message: 'the EncryptedAssertion cannot be decrypted with the SP key', spec });
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
