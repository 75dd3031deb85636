/*
 * The SP's side of the artifact binding, checked independently: the ArtifactResolve it sends verified by
 * xml-crypto alone (no code of ours), and the artifact rules against byte layouts written out by hand.
 */
import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { describe, expect, it } from 'vitest';
import { createSpKeys } from '../keys.ts';
import { artifactResolveXml } from './artifact-resolve.ts';
import { checkSourceId } from './check-source-id.ts';
import { parseArtifact } from './parse-artifact.ts';

const keys = createSpKeys('artifact test SP', new Date('2026-01-01T00:00:00Z'));
const idp = 'https://idp.example/metadata';
const artifactOf = (typeCode: string, sourceId: Buffer, length = 44) =>
  Buffer.concat([Buffer.from(`${typeCode}0000`, 'hex'), sourceId, Buffer.alloc(20, 7)])
    .subarray(0, length)
    .toString('base64');

describe('ArtifactResolve (saml-core §3.5.1)', () => {
  it('is signed so that xml-crypto alone verifies it with the SP certificate, over its own ID', () => {
    const { id, xml } = artifactResolveXml({ spEntityId: 'https://sp.example/saml', destination: 'https://idp.example/saml/artifact', artifact: 'AAQ=', now: new Date(), keys });
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const signature = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0]!;
    expect(signature.parentNode).toBe(doc.documentElement);
    expect((signature.previousSibling as Element).localName).toBe('Issuer');
    const verifier = new SignedXml({ publicCert: keys.certificatePem, getCertFromKeyInfo: () => null });
    verifier.loadSignature(signature as unknown as Node);
    expect(verifier.checkSignature(xml)).toBe(true);
    expect(verifier.getSignedReferences()).toHaveLength(1);
    expect(xml).toContain(`Reference URI="#${id}"`);
    const tampered = new SignedXml({ publicCert: keys.certificatePem, getCertFromKeyInfo: () => null });
    tampered.loadSignature(signature as unknown as Node);
    expect(tampered.checkSignature(xml.replace('AAQ=', 'AAR='))).toBe(false);
  });
});

describe('SAMLart (saml-bindings §3.6.4.1)', () => {
  const ours = createHash('sha1').update(idp).digest();

  it('accepts a 44-byte type 0x0004 artifact and reads its SourceID', () => {
    const parsed = parseArtifact(artifactOf('0004', ours));
    expect(parsed.sourceId.equals(ours)).toBe(true);
    expect(() => checkSourceId(parsed, idp)).not.toThrow();
  });

  it.each([
    ['missing', undefined],
    ['type 0x0001', artifactOf('0001', ours)],
    ['43 bytes', artifactOf('0004', ours, 43)],
    ['not base64', '*'.repeat(60)],
    ['a list', ['a', 'b']],
  ])('%s → artifact/malformed', (_n, value) => {
    expect(() => parseArtifact(value)).toThrow(expect.objectContaining({ code: 'artifact/malformed' }));
  });

  it('another issuer’s SourceID → artifact/source-id', () => {
    const other = parseArtifact(artifactOf('0004', createHash('sha1').update('https://other.example').digest()));
    expect(() => checkSourceId(other, idp)).toThrow(expect.objectContaining({ code: 'artifact/source-id' }));
  });
});
