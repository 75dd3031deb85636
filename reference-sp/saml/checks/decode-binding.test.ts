import { describe, expect, it } from 'vitest';
import { isSamlRejection } from '../rejection.ts';
import type { AcsState } from '../state.ts';
import { decodeBinding } from './decode-binding.ts';

// saml-bindings §3.5.4: SAMLResponse is the base64 encoding of the XML message.
const table: { name: string; value: unknown; expected: string }[] = [
  { name: 'base64 XML', value: Buffer.from('<x/>').toString('base64'), expected: 'ok' },
  {
    name: 'base64 with line breaks',
    value: Buffer.from('<xml-with-enough-bytes/>')
      .toString('base64')
      .replace(/(.{8})/g, '$1\r\n'),
    expected: 'ok',
  },
  { name: 'missing', value: undefined, expected: 'binding/malformed' },
  { name: 'empty', value: '  ', expected: 'binding/malformed' },
  { name: 'an array (repeated field)', value: ['a', 'b'], expected: 'binding/malformed' },
  { name: 'not base64', value: 'PHg+*==', expected: 'binding/malformed' },
  { name: 'bad padding', value: 'PHg', expected: 'binding/malformed' },
  { name: 'not UTF-8', value: Buffer.from([0xff, 0xfe, 0xfd, 0x3c]).toString('base64'), expected: 'binding/malformed' },
];

describe('decode-binding', () => {
  it.each(table)('$name → $expected', (row) => {
    const state = { samlResponse: row.value } as unknown as AcsState;
    let outcome = 'ok';
    try {
      decodeBinding.run(state);
    } catch (e) {
      outcome = isSamlRejection(e) ? e.code : 'threw';
    }
    expect(outcome).toBe(row.expected);
    if (outcome === 'ok') expect(state.xml).toMatch(/^</);
  });
});
