/*
 * The SAML 2.0 artifact the IdP hands the browser instead of the Response (saml-bindings §3.6.4):
 *   SAML_artifact := B64(TypeCode EndpointIndex RemainingArtifact)            §3.6.4
 *   TypeCode := 0x0004; RemainingArtifact := SourceID MessageHandle           §3.6.4.1
 * - EndpointIndex: two bytes, big-endian, the index of the issuer's ArtifactResolutionService (metadata)
 * - SourceID: the SHA-1 hash of the issuer's entity ID ("RECOMMENDED", §3.6.4.1), 20 bytes
 * - MessageHandle: 20 random bytes, so an artifact cannot be guessed (§3.6.4.1: "a cryptographically strong
 *   random or pseudorandom number sequence")
 * Exactly 44 bytes once decoded; written by hand because it must be byte-exact and no library in the tree
 * builds one.
 */
import { createHash, randomBytes } from 'node:crypto';

export const ARTIFACT_TYPE_CODE = 0x0004;
export const ARTIFACT_LENGTH = 44;

export interface Artifact {
  readonly typeCode: number;
  readonly endpointIndex: number;
  readonly sourceId: Buffer;
  readonly messageHandle: Buffer;
}

/** saml-bindings §3.6.4.1: SourceID is the SHA-1 of the issuer's entity ID. */
export function sourceIdOf(entityId: string): Buffer {
  return createHash('sha1').update(entityId, 'utf8').digest();
}

export function newMessageHandle(): Buffer {
  return randomBytes(20);
}

export function encodeArtifact(parts: { endpointIndex: number; sourceId: Buffer; messageHandle: Buffer }): string {
  if (parts.sourceId.length !== 20 || parts.messageHandle.length !== 20) throw new Error('SourceID and MessageHandle are 20 bytes each');
  if (!Number.isInteger(parts.endpointIndex) || parts.endpointIndex < 0 || parts.endpointIndex > 0xffff) throw new Error('EndpointIndex is two bytes');
  const head = Buffer.alloc(4);
  head.writeUInt16BE(ARTIFACT_TYPE_CODE, 0);
  head.writeUInt16BE(parts.endpointIndex, 2);
  return Buffer.concat([head, parts.sourceId, parts.messageHandle]).toString('base64');
}

/** The parts of a type 0x0004 artifact, or undefined when the value is not one (wrong type, length, base64). */
export function decodeArtifact(value: string): Artifact | undefined {
  if (!/^[A-Za-z0-9+/]{59}=$/.test(value)) return undefined; // 44 bytes → 59 base64 characters and one '='
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== ARTIFACT_LENGTH || bytes.readUInt16BE(0) !== ARTIFACT_TYPE_CODE) return undefined;
  return { typeCode: ARTIFACT_TYPE_CODE, endpointIndex: bytes.readUInt16BE(2), sourceId: bytes.subarray(4, 24), messageHandle: bytes.subarray(24, 44) };
}
