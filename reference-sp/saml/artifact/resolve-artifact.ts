/*
 * The HTTP-Artifact binding's decoding step (saml-bindings §3.6.5): where the HTTP-POST binding base64-decodes
 * SAMLResponse (../checks/decode-binding.ts), this check resolves SAMLart into the Response, and the rest of the
 * ACS pipeline runs unchanged on it. In order, one rule per file:
 *   parse-artifact.ts            artifact/malformed            saml-bindings §3.6.4.1
 *   check-source-id.ts           artifact/source-id            saml-bindings §3.6.4.1
 *   (the IdP's ArtifactResolutionService must be known)  artifact/resolution-failed   saml-metadata §2.4.1
 *   artifact-resolve.ts + soap-client.ts   artifact/resolution-failed   saml-core §3.5.1, saml-bindings §3.2
 *   verify-artifact-response.ts  artifact/signature-invalid    saml-core §3.5.2, §5.4
 *   check-artifact-response.ts   issuer/mismatch, artifact/in-response-to, status/not-success, artifact/empty
 */
import type { Check } from '../state.ts';
import { reject } from '../rejection.ts';
import { artifactResolveXml } from './artifact-resolve.ts';
import { checkSourceId } from './check-source-id.ts';
import { embeddedResponse } from './check-artifact-response.ts';
import { parseArtifact } from './parse-artifact.ts';
import { soapCall } from './soap-client.ts';
import { verifyArtifactResponse } from './verify-artifact-response.ts';

export interface ArtifactResolution {
  /** For tests: the fetch the SOAP call uses, and its timeout. */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export function resolveArtifact(samlArt: unknown, options: ArtifactResolution = {}): Check {
  return {
    name: 'resolve-artifact',
    async run(state) {
      const artifact = parseArtifact(samlArt);
      checkSourceId(artifact, state.saml.idp.entityId);
      const url = state.saml.idp.artifactResolutionUrl;
      if (!url) {
        throw reject('artifact/resolution-failed', { message: 'this tenant knows no ArtifactResolutionService of its IdP', spec: 'saml-metadata §2.4.1' });
      }
      const resolve = artifactResolveXml({ spEntityId: state.saml.spEntityId, destination: url, artifact: artifact.value, now: state.now, keys: state.deps.spKeys });
      const answer = await soapCall(url, resolve.xml, options);
      const verified = verifyArtifactResponse(answer, state.saml);
      state.xml = embeddedResponse(verified, { idpEntityId: state.saml.idp.entityId, resolveId: resolve.id });
    },
  };
}
