/*
 * Raw xmlenc for the decryption-oracle tests (issue 8 item 2): an EncryptedAssertion built octet by octet with
 * node:crypto, so a test can break exactly one thing — the CBC padding, the plaintext, the GCM tag, the key
 * transport — and check the SP answers every one of them the same way. Layout per xmlenc-core1 §5.2:
 * IV ‖ ciphertext (‖ tag), key wrapped with RSA-OAEP (MGF1-SHA1, §5.5.2).
 */
import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { NS } from '../xml.ts';

export type Corruption = 'none' | 'padding' | 'tag' | 'key' | 'length';

export interface RawEncryptOptions {
  /** The octets to encrypt (need not be XML, or even UTF-8). */
  readonly plaintext: Buffer | string;
  /** The certificate (or public key) the content key is wrapped for. */
  readonly certificatePem: string;
  readonly cipher?: 'aes128-cbc' | 'aes256-cbc' | 'aes128-gcm' | 'aes256-gcm';
  readonly corrupt?: Corruption;
}

const URIS = {
  'aes128-cbc': 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
  'aes256-cbc': 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
  'aes128-gcm': 'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  'aes256-gcm': 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
} as const;

/** saml:EncryptedAssertion XML. */
export function encryptedAssertionXml(o: RawEncryptOptions): string {
  const cipher = o.cipher ?? 'aes256-cbc';
  const gcm = cipher.endsWith('gcm');
  const key = randomBytes(cipher.startsWith('aes128') ? 16 : 32);
  const iv = randomBytes(gcm ? 12 : 16);
  const plaintext = Buffer.from(o.plaintext);
  let body: Buffer;
  if (gcm) {
    const c = createCipheriv(cipher === 'aes128-gcm' ? 'aes-128-gcm' : 'aes-256-gcm', key, iv);
    const encrypted = Buffer.concat([c.update(plaintext), c.final()]);
    const tag = c.getAuthTag();
    if (o.corrupt === 'tag') tag[0]! ^= 0x01;
    body = Buffer.concat([encrypted, tag]);
  } else {
    // xmlenc padding (§5.2.1): n octets, the last one holding n; 'padding' writes 0, which is never valid.
    const n = 16 - (plaintext.length % 16);
    const pad = Buffer.alloc(n, 0x41);
    pad[n - 1] = o.corrupt === 'padding' ? 0 : n;
    const c = createCipheriv(cipher === 'aes128-cbc' ? 'aes-128-cbc' : 'aes-256-cbc', key, iv);
    c.setAutoPadding(false);
    body = Buffer.concat([c.update(Buffer.concat([plaintext, pad])), c.final()]);
  }
  let cipherValue = Buffer.concat([iv, body]);
  if (o.corrupt === 'length') cipherValue = cipherValue.subarray(0, cipherValue.length - 3);
  const wrapped = o.corrupt === 'key' ? randomBytes(256) : publicEncrypt({ key: o.certificatePem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key);
  return (
    `<saml:EncryptedAssertion xmlns:saml="${NS.saml}">` +
    `<xenc:EncryptedData xmlns:xenc="${NS.xenc}" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    `<xenc:EncryptionMethod Algorithm="${URIS[cipher]}"/>` +
    `<ds:KeyInfo xmlns:ds="${NS.ds}"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>` +
    `<xenc:CipherData><xenc:CipherValue>${wrapped.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${cipherValue.toString('base64')}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedData></saml:EncryptedAssertion>`
  );
}
