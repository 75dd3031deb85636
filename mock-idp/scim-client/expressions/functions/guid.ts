/*
 * Guid() — "generates a new random GUID", e.g. "00aa00aa-bb11-cc22-dd33-44ee44ee44ee" (lower-case, RFC 4122
 * version 4). Uses the context's injected randomness when given, so tests and scenarios are reproducible.
 */
import type { FunctionDefinition } from './definition.ts';

export const Guid: FunctionDefinition = {
  name: 'Guid',
  signature: 'Guid()',
  minArgs: 0,
  maxArgs: 0,
  call(args) {
    const bytes = Array.from({ length: 16 }, () => Math.floor(args.run.random() * 256) & 0xff);
    bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
};
