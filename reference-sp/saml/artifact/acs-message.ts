/*
 * Which binding delivered a message to the ACS, and so which decoding step starts the pipeline:
 * - SAMLResponse (POST): the HTTP-POST binding (saml-bindings §3.5.4), the pipeline as it is
 * - SAMLart (GET query or POST form): the HTTP-Artifact binding (saml-bindings §3.6.3), whose first step
 *   resolves the artifact (./resolve-artifact.ts) in place of decode-binding
 * - both at once is ambiguous and refused (artifact/malformed); a GET without SAMLart is no artifact either
 */
import { ACS_PIPELINE } from '../pipeline.ts';
import { decodeBinding } from '../checks/decode-binding.ts';
import { reject } from '../rejection.ts';
import type { Check } from '../state.ts';
import { resolveArtifact, type ArtifactResolution } from './resolve-artifact.ts';

const refuse = (message: string): Check => ({
  name: 'artifact-binding',
  run() {
    throw reject('artifact/malformed', { message, spec: 'saml-bindings §3.6.3' });
  },
});

export function acsPipelineFor(method: string, fields: Record<string, unknown>, options?: ArtifactResolution): readonly Check[] {
  const hasArtifact = fields['SAMLart'] !== undefined;
  if (method !== 'GET' && !hasArtifact) return ACS_PIPELINE;
  const first =
    fields['SAMLResponse'] !== undefined && hasArtifact ? refuse('a message carries either SAMLResponse or SAMLart, not both') : resolveArtifact(fields['SAMLart'], options);
  return ACS_PIPELINE.map((check) => (check === decodeBinding ? first : check));
}
