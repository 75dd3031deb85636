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
    ['a victim that is not a string', [{ method: 'nameIdCommentInjection', args: [42] }], 'control/bad-body'],
    ['comment injection without a victim', ['nameIdCommentInjection'], 'control/bad-body'],
    ['a size padTo cannot read', [{ method: 'padTo', args: ['two megabytes'] }], 'control/bad-body'],
    ['a size given as a number', [{ method: 'padTo', args: [2000000] }], 'control/bad-body'],
    ['externalEntity without a URL', ['externalEntity'], 'control/bad-body'],
    ['an unknown data algorithm', [{ method: 'encryptTo', args: ['PEM', { dataAlgorithm: 'aes-512-ecb' }] }], 'control/bad-body'],
    ['an unknown key transport', [{ method: 'encryptTo', args: ['PEM', { keyAlgorithm: 'rsa-2' }] }], 'control/bad-body'],
    ['an unknown encryption option', [{ method: 'encryptTo', args: ['PEM', { cipher: 'aes128-cbc' }] }], 'control/bad-body'],
  ])('%s → %s', (_n, input, code) => {
    expect(() => parseDeviations(input)).toThrow(expect.objectContaining({ code }));
  });

  it('the attack deviations, by the names the certify catalog uses, with their arguments', () => {
    const input = [
      'emptySignatureValue',
      'rogueCertificateInKeyInfo',
      'hmacWithPublicCertificate',
      'assertionInExtensions',
      { method: 'assertionInAdvice', args: ['bob@example.com'] },
      'assertionInSignatureObject',
      'duplicateId',
      'xsltTransform',
      { method: 'xpathTransform', args: ['bob@example.com'] },
      'withoutEnvelopedTransform',
      { method: 'nameIdCommentInjection', args: ['bob@example.com'] },
      { method: 'nameIdCdataInjection', args: ['bob@example.com'] },
      'namespacePrefixConfusion',
      { method: 'externalEntity', args: ['http://127.0.0.1:9/xxe'] },
      'entityExpansion',
      { method: 'padTo', args: ['2m'] },
      { method: 'encryptTo', args: ['PEM', { dataAlgorithm: 'aes128-gcm', keyAlgorithm: 'rsa-1_5' }] },
    ];
    expect(parseDeviations(input).map((d) => d.method)).toEqual(input.map((d) => (typeof d === 'string' ? d : d.method)));
  });
});
