/*
 * Message decoding shared by the bindings:
 * - base64 must be base64 (saml-bindings §3.4.4.1 / §3.5.4); anything else is request/bad-base64
 * - HTTP-Redirect messages are raw DEFLATE (RFC 1951, saml-bindings §3.4.4.1); output is capped so a small
 *   "deflate bomb" cannot exhaust memory
 */
import { inflateRawSync } from 'node:zlib';
import { idpError } from '../errors.ts';

export const MAX_MESSAGE_BYTES = 256 * 1024;

export function decodeBase64(value: string, what: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw idpError('request/bad-base64', `${what} is not base64`);
  }
  return Buffer.from(compact, 'base64');
}

export function inflate(data: Buffer, what: string): string {
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_MESSAGE_BYTES }).toString('utf8');
  } catch (e) {
    throw idpError('request/bad-deflate', `${what} does not inflate (raw DEFLATE expected): ${(e as Error).message}`);
  }
}
