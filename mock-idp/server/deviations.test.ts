import { describe, expect, it } from 'vitest';
import { DEVIATION_NAMES, parseDeviations } from './deviations.ts';
import { ResponseBuilder } from '../saml/assertion-builder/builder.ts';

describe('deviations as data', () => {
  it('every deviation name is a builder method, except the two that are not about the XML', () => {
    const notBuilder = DEVIATION_NAMES.filter((n) => typeof (ResponseBuilder.prototype as unknown as Record<string, unknown>)[n] !== 'function');
    expect(notBuilder.sort()).toEqual(['postTo', 'replayPrevious']);
  });

  it('accepts names and {method,args}', () => {
    expect(parseDeviations(['omitSignature', { method: 'expiredBy', args: ['10m'] }, { method: 'wrapSignature', args: ['XSW3'] }])).toEqual([
      { method: 'omitSignature', args: [] },
      { method: 'expiredBy', args: ['10m'] },
      { method: 'wrapSignature', args: ['XSW3'] },
    ]);
  });

  it.each([
    ['not a list', 'omitSignature', 'control/bad-body'],
    ['unknown name', ['signWithRogueKye'], 'control/unknown-deviation'],
    ['missing method', [{ args: [] }], 'control/unknown-deviation'],
    ['wrong argument type', [{ method: 'audience', args: [42] }], 'control/bad-body'],
    ['too many arguments', [{ method: 'omitSignature', args: ['x'] }], 'control/bad-body'],
    ['unknown XSW', [{ method: 'wrapSignature', args: ['XSW9'] }], 'control/bad-body'],
    ['unknown algorithm', [{ method: 'signatureAlgorithm', args: ['md5'] }], 'control/bad-body'],
  ])('%s → %s', (_n, input, code) => {
    expect(() => parseDeviations(input)).toThrow(expect.objectContaining({ code }));
  });
});
