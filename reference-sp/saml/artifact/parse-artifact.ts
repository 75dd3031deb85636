/*
 * - SAMLart must be a type 0x0004 artifact (saml-bindings §3.6.4.1): base64 of exactly 44 bytes, TypeCode 0x0004,
 *   a two-byte EndpointIndex, a 20-byte SourceID and a 20-byte MessageHandle
 * - nothing else is accepted (other type codes are SAML 1.x or private), and nothing of it is echoed back
 */
import { reject } from '../rejection.ts';

export interface ParsedArtifact {
  readonly value: string;
  readonly endpointIndex: number;
  readonly sourceId: Buffer;
}

const SPEC = 'saml-bindings §3.6.4.1';

export function parseArtifact(raw: unknown): ParsedArtifact {
  if (typeof raw !== 'string' || raw === '') throw reject('artifact/malformed', { message: 'the request carries no SAMLart', expected: 'SAMLart', spec: SPEC });
  // 44 bytes are 59 base64 characters and one '=': anything longer or shorter is not a type 0x0004 artifact.
  if (!/^[A-Za-z0-9+/]{59}=$/.test(raw)) throw reject('artifact/malformed', { message: 'SAMLart is not the base64 of a 44-byte artifact', spec: SPEC });
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 44 || bytes.readUInt16BE(0) !== 0x0004) {
    throw reject('artifact/malformed', { message: 'SAMLart is not a type 0x0004 artifact', expected: '0x0004', spec: SPEC });
  }
  return { value: raw, endpointIndex: bytes.readUInt16BE(2), sourceId: bytes.subarray(4, 24) };
}
