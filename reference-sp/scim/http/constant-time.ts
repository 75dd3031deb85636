/* Compares two secrets in constant time by hashing both first (lengths never leak through timingSafeEqual). */
import { createHash, timingSafeEqual } from 'node:crypto';

const h = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export const secretsEqual = (a: string, b: string): boolean => timingSafeEqual(h(a), h(b));
