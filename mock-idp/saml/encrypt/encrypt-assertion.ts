/*
 * saml-core §2.3.4 / §6: an Assertion is encrypted as xenc:EncryptedData (Type=Element) inside
 * saml:EncryptedAssertion, with the content key wrapped for the SP's encryption certificate.
 * - data algorithms: AES-CBC (xmlenc-core §5.2.2) and AES-GCM (xmlenc-core1 §5.2.4)
 * - key transport: RSA-OAEP (mgf1p, SHA-1 digest) or RSA PKCS#1 v1.5 (xmlenc-core §5.4)
 * The legacy algorithms (CBC, RSA 1.5) are still emitted on request, because real IdPs still send them and an SP
 * must decide what to do about them; xml-encryption refuses them by default, so the refusal is switched off here.
 * - `corrupt`: what a decryption-oracle attacker sends (xmlenc-core1 §6.1.2; Jager & Somorovsky, CCS 2011), so
 *   an SP can be shown to answer each the same way: 'padding' flips the last octet of the block before the
 *   last one, which is how an attacker changes CBC padding without the key (AES-CBC only); 'tag' flips a
 *   bit of the GCM tag (AES-GCM only); 'plaintext-not-xml' and 'plaintext-not-well-formed' encrypt, correctly
 *   padded, text that is not XML and an assertion cut short. The text carries the marker CORRUPT_MARKER, so a
 *   test can check the SP never quotes decrypted text back.
 */
import { createPublicKey } from 'node:crypto';
import xmlenc from 'xml-encryption';
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';

export type DataAlgorithmName = 'aes128-cbc' | 'aes256-cbc' | 'aes128-gcm' | 'aes256-gcm';
export type KeyAlgorithmName = 'rsa-oaep' | 'rsa-1_5';

export const DATA_ALGORITHMS = {
  'aes128-cbc': 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
  'aes256-cbc': 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
  'aes128-gcm': 'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  'aes256-gcm': 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
} as const satisfies Record<DataAlgorithmName, string>;

export const KEY_ALGORITHMS = {
  'rsa-oaep': 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
  'rsa-1_5': 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
} as const satisfies Record<KeyAlgorithmName, string>;

export const CIPHERTEXT_CORRUPTIONS = ['padding', 'tag', 'plaintext-not-xml', 'plaintext-not-well-formed'] as const;
export type CiphertextCorruption = (typeof CIPHERTEXT_CORRUPTIONS)[number];
export const CORRUPT_MARKER = 'DECRYPTED-SECRET';

export interface EncryptOptions {
  readonly dataAlgorithm?: DataAlgorithmName;
  readonly keyAlgorithm?: KeyAlgorithmName;
  readonly corrupt?: CiphertextCorruption;
}

/** The plaintext that goes into the cipher: the assertion, or the attacker's text for the plaintext corruptions. */
function plaintextFor(assertionXml: string, corrupt: CiphertextCorruption | undefined): string {
  if (corrupt === 'plaintext-not-xml') return `${CORRUPT_MARKER} <&< this is not XML`;
  // Well-formed up to an end tag that closes the wrong element: a parser error would quote both names.
  if (corrupt === 'plaintext-not-well-formed') return assertionXml.replace(/<\/saml:Assertion>\s*$/, `<saml:${CORRUPT_MARKER}></saml:Oops></saml:Assertion>`);
  return assertionXml;
}

/** Changes the EncryptedData's CipherValue (the last one in the output, after the EncryptedKey's) in place. */
function corruptCipherValue(encryptedData: string, corrupt: 'padding' | 'tag', dataAlgorithm: DataAlgorithmName, plaintextBytes: number): string {
  const open = '<xenc:CipherValue>';
  const start = encryptedData.lastIndexOf(open) + open.length;
  const end = encryptedData.indexOf('</xenc:CipherValue>', start);
  if (start < open.length || end < 0) throw idpError('builder/invalid', 'no CipherValue to corrupt');
  const octets = Buffer.from(encryptedData.slice(start, end), 'base64');
  if (corrupt === 'tag') {
    if (!dataAlgorithm.endsWith('gcm')) throw idpError('builder/invalid', "corrupt: 'tag' needs an AES-GCM data algorithm");
    octets[octets.length - 1]! ^= 0x01;
  } else {
    if (!dataAlgorithm.endsWith('cbc')) throw idpError('builder/invalid', "corrupt: 'padding' needs an AES-CBC data algorithm");
    // PKCS#7 padding of the UTF-8 plaintext ends in the octet p; XOR-ing p into the same position of the
    // previous ciphertext block (or the IV) turns the last plaintext octet into 0, which no padding allows.
    const pad = 16 - (plaintextBytes % 16);
    octets[octets.length - 17]! ^= pad;
  }
  return encryptedData.slice(0, start) + octets.toString('base64') + encryptedData.slice(end);
}

/** Encrypts a standalone Assertion (it must declare its own namespaces) into a saml:EncryptedAssertion string. */
export async function encryptAssertion(assertionXml: string, certificatePem: string, options: EncryptOptions = {}): Promise<string> {
  const dataAlgorithm = options.dataAlgorithm ?? 'aes256-gcm';
  const keyAlgorithm = options.keyAlgorithm ?? 'rsa-oaep';
  if (!(dataAlgorithm in DATA_ALGORITHMS)) throw idpError('builder/invalid', `unknown data algorithm ${dataAlgorithm}`);
  if (!(keyAlgorithm in KEY_ALGORITHMS)) throw idpError('builder/invalid', `unknown key algorithm ${keyAlgorithm}`);
  let publicKeyPem: string;
  try {
    publicKeyPem = createPublicKey(certificatePem).export({ type: 'spki', format: 'pem' }).toString();
  } catch (e) {
    throw idpError('keys/bad-pem', `encryption certificate: ${(e as Error).message}`);
  }
  const plaintext = plaintextFor(assertionXml, options.corrupt);
  let encryptedData = await new Promise<string>((resolve, reject) => {
    xmlenc.encrypt(
      plaintext,
      {
        rsa_pub: publicKeyPem,
        pem: certificatePem,
        encryptionAlgorithm: DATA_ALGORITHMS[dataAlgorithm],
        keyEncryptionAlgorithm: KEY_ALGORITHMS[keyAlgorithm],
        disallowEncryptionWithInsecureAlgorithm: false,
        warnInsecureAlgorithm: false,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  if (options.corrupt === 'padding' || options.corrupt === 'tag') {
    encryptedData = corruptCipherValue(encryptedData, options.corrupt, dataAlgorithm, Buffer.byteLength(plaintext, 'utf8'));
  }
  return `<saml:EncryptedAssertion xmlns:saml="${NS.assertion}">${encryptedData.trim()}</saml:EncryptedAssertion>`;
}
