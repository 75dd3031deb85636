/*
 * saml-core §2.3.4 / §6: an Assertion is encrypted as xenc:EncryptedData (Type=Element) inside
 * saml:EncryptedAssertion, with the content key wrapped for the SP's encryption certificate.
 * - data algorithms: AES-CBC (xmlenc-core §5.2.2) and AES-GCM (xmlenc-core1 §5.2.4)
 * - key transport: RSA-OAEP (mgf1p, SHA-1 digest) or RSA PKCS#1 v1.5 (xmlenc-core §5.4)
 * The legacy algorithms (CBC, RSA 1.5) are still emitted on request, because real IdPs still send them and an SP
 * must decide what to do about them; xml-encryption refuses them by default, so the refusal is switched off here.
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

export interface EncryptOptions {
  readonly dataAlgorithm?: DataAlgorithmName;
  readonly keyAlgorithm?: KeyAlgorithmName;
}

/** Encrypts a standalone Assertion (it must declare its own namespaces) into a saml:EncryptedAssertion string. */
export async function encryptAssertion(
  assertionXml: string,
  certificatePem: string,
  options: EncryptOptions = {},
): Promise<string> {
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
  const encryptedData = await new Promise<string>((resolve, reject) => {
    xmlenc.encrypt(
      assertionXml,
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
  return `<saml:EncryptedAssertion xmlns:saml="${NS.assertion}">${encryptedData.trim()}</saml:EncryptedAssertion>`;
}
