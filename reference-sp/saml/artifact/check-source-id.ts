/*
 * - the artifact's SourceID must be the SHA-1 of the trusted IdP's entity ID (saml-bindings §3.6.4.1: "the
 *   artifact receiver ... determine[s] artifact issuer identity"); an artifact from any other issuer is refused
 *   before anything is sent anywhere, so a forged artifact never makes the SP call out
 */
import { createHash } from 'node:crypto';
import { reject } from '../rejection.ts';
import type { ParsedArtifact } from './parse-artifact.ts';

export function checkSourceId(artifact: ParsedArtifact, idpEntityId: string): void {
  const expected = createHash('sha1').update(idpEntityId, 'utf8').digest();
  if (!artifact.sourceId.equals(expected)) {
    throw reject('artifact/source-id', { message: 'the artifact was not issued by the IdP this tenant trusts', expected: idpEntityId, spec: 'saml-bindings §3.6.4.1' });
  }
}
