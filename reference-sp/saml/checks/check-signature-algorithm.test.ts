import { describe, expect, it } from 'vitest';
import type { DigestAlgorithmName, SignatureAlgorithmName } from '../../config/saml-section.ts';
import { isSamlRejection } from '../rejection.ts';
import { parseXml } from '../xml.ts';
import { checkSignatureAlgorithm } from './check-signature-algorithm.ts';

const sig = (method: string, digest: string) =>
  parseXml(
    `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:SignatureMethod Algorithm="${method}"/>` +
      `<ds:Reference URI="#a"><ds:DigestMethod Algorithm="${digest}"/></ds:Reference></ds:SignedInfo></ds:Signature>`,
  ).documentElement!;

const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const strict = { allowedSignatureAlgorithms: ['rsa-sha256'] as SignatureAlgorithmName[], allowedDigestAlgorithms: ['sha256'] as DigestAlgorithmName[] };
const lenient = { allowedSignatureAlgorithms: ['rsa-sha1', 'rsa-sha256'] as SignatureAlgorithmName[], allowedDigestAlgorithms: ['sha1', 'sha256'] as DigestAlgorithmName[] };

describe('check-signature-algorithm (xmldsig-core §6.2, §6.4)', () => {
  it.each([
    { method: RSA_SHA256, digest: SHA256, policy: strict, expected: 'ok' },
    { method: RSA_SHA1, digest: SHA256, policy: strict, expected: 'signature/algorithm-refused' },
    { method: RSA_SHA256, digest: SHA1, policy: strict, expected: 'signature/algorithm-refused' },
    { method: RSA_SHA1, digest: SHA1, policy: lenient, expected: 'ok' },
    { method: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1', digest: SHA256, policy: lenient, expected: 'signature/algorithm-refused' },
  ])('$method / $digest → $expected', ({ method, digest, policy, expected }) => {
    let outcome = 'ok';
    try {
      checkSignatureAlgorithm(sig(method, digest), policy);
    } catch (e) {
      outcome = isSamlRejection(e) ? e.code : 'threw';
    }
    expect(outcome).toBe(expected);
  });
});

describe('check-signature-algorithm never echoes an unknown algorithm URI', () => {
  it.each([
    ['signature', () => sig('urn:x:<script>alert(1)</script>', SHA256)],
    ['digest', () => sig(RSA_SHA256, 'urn:x:<script>alert(1)</script>')],
  ])('%s', (_name, make) => {
    let detail = '';
    try {
      checkSignatureAlgorithm(make(), strict);
    } catch (e) {
      detail = isSamlRejection(e) ? JSON.stringify(e.toJSON()) : 'threw';
    }
    expect(detail).toContain('signature/algorithm-refused');
    expect(detail).not.toContain('script');
  });
});
