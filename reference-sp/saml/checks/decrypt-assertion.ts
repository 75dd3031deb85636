/*
 * - an <saml:EncryptedAssertion> is decrypted with the SP's private key (saml-core §2.3.4, §6.1)
 * - before any decryption, the EncryptedData cipher and every EncryptedKey transport must be ones the tenant
 *   allows (allowedEncryptionAlgorithms, allowedKeyTransportAlgorithms): decryption/algorithm-refused. That
 *   answer depends only on the algorithm URIs, never on the key or the plaintext, so it leaks nothing.
 * - every other failure of this stage is ONE answer: decryption/failed with one fixed message, whatever went
 *   wrong — the key transport (wrong key, bad OAEP padding), the cipher (bad CBC padding, a GCM tag that does
 *   not verify, a ciphertext of the wrong length, an algorithm the key does not fit), or the plaintext (not
 *   UTF-8, not well-formed, over the parse limits, a DTD, not exactly one saml:Assertion). Distinguishable
 *   answers turn the ACS into a decryption oracle: Vaudenay's CBC padding oracle, and Jager & Somorovsky,
 *   "How to Break XML Encryption" (CCS 2011), which needs nothing more than "padding ok but not XML" told
 *   apart from "bad padding" (xmlenc-core1 §6.1.2, §5.2.1 security note). Nothing decrypted, no parser
 *   error and no library message ever reaches the answer.
 * - the work does not branch early either: when the RSA key transport fails, decryption continues with a
 *   random content key so the symmetric step and the parse attempt still run (the classic Bleichenbacher /
 *   Marvin mitigation, RFC 5246 §7.4.7.1 and RFC 8017 §7.1.2 note), and the parse attempt runs whether the
 *   padding was good or not. Timing is as close as practical, not proven constant.
 * - when the tenant sets requireEncryptedAssertion, a plain assertion is refused (encryption/required)
 */
import { createDecipheriv, randomBytes, type CipherGCMTypes } from 'node:crypto';
import xmlenc from 'xml-encryption';
import { ENCRYPTION_ALGORITHMS, KEY_TRANSPORT_ALGORITHMS, type SamlTenantConfig } from '../../config/saml-section.ts';
import { reject, type SamlRejection } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr, child, path, parseXml, serialize, text } from '../xml.ts';

/** The cipher URIs this SP can run, with the Node cipher, key and IV lengths (xmlenc-core1 §5.2). */
const CIPHERS: Readonly<Record<string, { readonly cipher: string; readonly keyLength: number; readonly ivLength: number; readonly gcm: boolean }>> = {
  [ENCRYPTION_ALGORITHMS['aes128-cbc']]: { cipher: 'aes-128-cbc', keyLength: 16, ivLength: 16, gcm: false },
  [ENCRYPTION_ALGORITHMS['aes256-cbc']]: { cipher: 'aes-256-cbc', keyLength: 32, ivLength: 16, gcm: false },
  [ENCRYPTION_ALGORITHMS['aes128-gcm']]: { cipher: 'aes-128-gcm', keyLength: 16, ivLength: 12, gcm: true },
  [ENCRYPTION_ALGORITHMS['aes256-gcm']]: { cipher: 'aes-256-gcm', keyLength: 32, ivLength: 12, gcm: true },
};
const GCM_TAG_LENGTH = 16;
const AES_BLOCK = 16;

/** The one answer for every failure of the decryption stage. Built fresh each time, always identical. */
export function decryptionFailed(): SamlRejection {
  return reject('decryption/failed', { message: 'the EncryptedAssertion cannot be decrypted by this SP', spec: 'saml-core §6.1' });
}

/** The algorithms the EncryptedAssertion declares, checked against the tenant's policy before decrypting. */
function refuseDisallowedAlgorithms(container: Element, saml: SamlTenantConfig): void {
  const methods = Array.from(container.getElementsByTagNameNS(NS.xenc, 'EncryptionMethod'));
  const allowedCiphers = saml.allowedEncryptionAlgorithms.map((name) => ENCRYPTION_ALGORITHMS[name] as string);
  const allowedTransports = saml.allowedKeyTransportAlgorithms.flatMap((name) => [...KEY_TRANSPORT_ALGORITHMS[name]] as string[]);
  for (const method of methods) {
    const algorithm = method.getAttribute('Algorithm') ?? '';
    const isKey = (method.parentNode as Element | null)?.localName === 'EncryptedKey';
    const allowed = isKey ? allowedTransports : allowedCiphers;
    if (!allowed.includes(algorithm)) {
      throw reject('decryption/algorithm-refused', {
        // The declared URI is not echoed: it is unauthenticated input. What the tenant allows is its own config.
        message: `the ${isKey ? 'key transport' : 'content encryption'} algorithm of the EncryptedAssertion is not allowed for this tenant`,
        expected: allowed,
        spec: isKey ? 'xmlenc-core1 §5.5' : 'xmlenc-core1 §5.2',
      });
    }
  }
}

/*
 * The content-encryption key, unwrapped by xml-encryption (RSA-OAEP with the DigestMethod/MGF the EncryptedKey
 * names). When that fails for any reason, a random key of the cipher's length stands in and the caller goes
 * on: the symmetric step then fails like any other bad ciphertext, in about the same time.
 */
function contentKey(containerXml: string, privateKeyPem: string, keyLength: number): { key: Buffer; ok: boolean } {
  try {
    const key = xmlenc.decryptKeyInfo(containerXml, { key: privateKeyPem, disallowDecryptionWithInsecureAlgorithm: true, warnInsecureAlgorithm: false });
    if (key.length === keyLength) return { key, ok: true };
  } catch {
    // fall through: same path as a key of the wrong length
  }
  return { key: randomBytes(keyLength), ok: false };
}

/*
 * AES-CBC or AES-GCM as xmlenc-core1 lays the octets out: IV ‖ ciphertext (‖ 16-byte tag for GCM). CBC
 * padding is xmlenc's (§5.2.1: only the last octet counts, 1..16), checked here rather than by OpenSSL so a
 * bad pad is a flag, not an exception on a different path. Returns the plaintext octets (possibly garbage)
 * and whether every cryptographic check passed.
 */
function decipher(cipherValue: Buffer, key: Buffer, spec: (typeof CIPHERS)[string]): { plaintext: Buffer; ok: boolean } {
  const minimum = spec.ivLength + (spec.gcm ? GCM_TAG_LENGTH : AES_BLOCK);
  const body = cipherValue.subarray(spec.ivLength, spec.gcm ? cipherValue.length - GCM_TAG_LENGTH : cipherValue.length);
  if (cipherValue.length < minimum || (!spec.gcm && body.length % AES_BLOCK !== 0)) return { plaintext: Buffer.alloc(0), ok: false };
  const iv = cipherValue.subarray(0, spec.ivLength);
  try {
    if (spec.gcm) {
      const d = createDecipheriv(spec.cipher as CipherGCMTypes, key, iv, { authTagLength: GCM_TAG_LENGTH });
      d.setAuthTag(cipherValue.subarray(cipherValue.length - GCM_TAG_LENGTH));
      const head = d.update(body);
      try {
        return { plaintext: Buffer.concat([head, d.final()]), ok: true };
      } catch {
        return { plaintext: head, ok: false }; // tag mismatch: parsed below for the timing only, never used
      }
    }
    const d = createDecipheriv(spec.cipher, key, iv);
    d.setAutoPadding(false);
    const padded = Buffer.concat([d.update(body), d.final()]);
    const pad = padded.length > 0 ? padded[padded.length - 1]! : 0;
    const padOk = pad >= 1 && pad <= AES_BLOCK && pad <= padded.length;
    return { plaintext: padded.subarray(0, padOk ? padded.length - pad : padded.length), ok: padOk };
  } catch {
    return { plaintext: Buffer.alloc(0), ok: false };
  }
}

/** The plaintext must be UTF-8 holding exactly one saml:Assertion, within the parse limits, with no DTD. */
function parseAssertion(plaintext: Buffer): { assertion: Element; xml: string } | undefined {
  const xml = new TextDecoder('utf-8', { fatal: false }).decode(plaintext);
  try {
    const doc = parseXml(xml);
    const root = doc.documentElement;
    if (xml.includes('\uFFFD') || !root || root.namespaceURI !== NS.saml || root.localName !== 'Assertion') return undefined;
    return { assertion: root, xml };
  } catch {
    return undefined;
  }
}

export const decryptAssertion: Check = {
  name: 'decrypt-assertion',
  async run(state) {
    if (!state.encrypted) {
      if (state.saml.requireEncryptedAssertion) {
        throw reject('encryption/required', {
          message: 'the assertion is not encrypted and the tenant requires EncryptedAssertion',
          expected: 'EncryptedAssertion',
          spec: 'saml-core §2.3.4',
        });
      }
      return;
    }
    const container = need(state.assertionContainer, 'the EncryptedAssertion');
    refuseDisallowedAlgorithms(container, state.saml);

    const encryptedData = child(container, NS.xenc, 'EncryptedData');
    const spec = CIPHERS[attr(encryptedData && child(encryptedData, NS.xenc, 'EncryptionMethod'), 'Algorithm') ?? ''];
    const cipherText = text(encryptedData && path(encryptedData, NS.xenc, 'CipherData', 'CipherValue'));
    // Structure the SP can see without its key (no EncryptedData, no cipher it runs, no CipherValue) fails the
    // same way; it reveals nothing about any plaintext, but one answer is simpler to keep honest.
    if (!spec || !cipherText) throw decryptionFailed();

    const key = contentKey(serialize(container), state.deps.spKeys.privateKeyPem, spec.keyLength);
    const deciphered = decipher(Buffer.from(cipherText, 'base64'), key.key, spec);
    // Parsed whatever the checks above said, so "bad padding" and "good padding, bad XML" do the same work.
    const parsed = parseAssertion(deciphered.plaintext);
    if (!key.ok || !deciphered.ok || !parsed) throw decryptionFailed();

    state.assertion = parsed.assertion;
    state.assertionDocXml = parsed.xml;
  },
};
