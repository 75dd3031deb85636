/*
 * What the store keeps of a cookie value the SP issued (the browser binding, the session id): its SHA-256, hex.
 * A database read yields no usable cookie. The values are 256-bit random, so an unsalted hash is enough.
 */
import { createHash } from 'node:crypto';

export const cookieHash = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
