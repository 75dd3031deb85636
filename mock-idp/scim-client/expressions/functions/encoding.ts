/*
 * ConvertToBase64(source) — "converts a string to a Unicode base64 string": UTF-16LE bytes, base64
 *   ("Hello world!" → "SABlAGwAbABvACAAdwBvAHIAbABkACEA").
 * ConvertToUTF8Hex(source) — UTF-8 bytes as upper-case hex ("Hello world!" → "48656C6C6F20776F726C6421").
 * - null → null
 */
import type { FunctionDefinition } from './definition.ts';

export const ConvertToBase64: FunctionDefinition = {
  name: 'ConvertToBase64',
  signature: 'ConvertToBase64(source)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const s = args.string(0, 'source');
    return s === null ? null : Buffer.from(s, 'utf16le').toString('base64');
  },
};

export const ConvertToUTF8Hex: FunctionDefinition = {
  name: 'ConvertToUTF8Hex',
  signature: 'ConvertToUTF8Hex(source)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const s = args.string(0, 'source');
    return s === null ? null : Buffer.from(s, 'utf8').toString('hex').toUpperCase();
  },
};
