/* The artifact's byte layout against saml-bindings §3.6.4.1, with an example computed by hand. */
import { describe, expect, it } from 'vitest';
import { decodeArtifact, encodeArtifact, sourceIdOf } from './artifact-format.ts';

describe('type 0x0004 artifact', () => {
  it('SourceID is SHA-1 of the entity ID (FIPS 180-2 test vector "abc")', () => {
    expect(sourceIdOf('abc').toString('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  it('lays out TypeCode, EndpointIndex, SourceID, MessageHandle byte by byte', () => {
    const handle = Buffer.from(Array.from({ length: 20 }, (_, i) => i + 1)); // 01 02 … 14
    const artifact = encodeArtifact({ endpointIndex: 2, sourceId: sourceIdOf('abc'), messageHandle: handle });
    // Written out by hand: 0004 | 0002 | SHA-1("abc") | 0102…14
    const expected = '0004' + '0002' + 'a9993e364706816aba3e25717850c26c9cd0d89d' + '0102030405060708090a0b0c0d0e0f1011121314';
    expect(Buffer.from(artifact, 'base64').toString('hex')).toBe(expected);
    expect(artifact).toHaveLength(60);
    expect(decodeArtifact(artifact)).toMatchObject({ typeCode: 4, endpointIndex: 2 });
    expect(decodeArtifact(artifact)!.messageHandle.equals(handle)).toBe(true);
  });

  it.each([
    ['type 0x0001', Buffer.concat([Buffer.from('00010000', 'hex'), Buffer.alloc(40)]).toString('base64')],
    ['43 bytes', Buffer.concat([Buffer.from('00040000', 'hex'), Buffer.alloc(39)]).toString('base64')],
    ['45 bytes', Buffer.concat([Buffer.from('00040000', 'hex'), Buffer.alloc(41)]).toString('base64')],
    ['not base64', '!'.repeat(60)],
  ])('refuses %s', (_name, value) => {
    expect(decodeArtifact(value)).toBeUndefined();
  });
});
