/*
 * An artifact whose SourceID is not the SHA-1 of this IdP's entity ID (saml-bindings §3.6.4.1): as if another
 * IdP had issued it. The SP must refuse it without asking anyone to resolve it (artifact/source-id).
 */
import { sourceIdOf } from '../artifact-format.ts';
import type { ArtifactDeviation } from './artifact-deviation.ts';

export const DEFAULT_OTHER_ISSUER = 'https://other-idp.example/metadata';

export function wrongSourceId(otherIssuer: string = DEFAULT_OTHER_ISSUER): ArtifactDeviation {
  return (draft) => ({ ...draft, sourceId: sourceIdOf(otherIssuer) });
}
