/*
 * Artifact deviations by name, for steps and the control API (PUT /control/artifact/next):
 *   "replayPrevious"  or  { "method": "wrongSourceId", "args": ["https://other-idp.example/metadata"] }
 * Names and arguments are checked when queued, so a typo fails at once, not at sign-in.
 */
import { idpError } from '../../errors.ts';
import type { ArtifactDeviation } from './artifact-deviation.ts';
import { replayedArtifact } from './replayed-artifact.ts';
import { wrongSourceId } from './wrong-source-id.ts';

export const ARTIFACT_DEVIATION_NAMES = ['wrongSourceId', 'replayPrevious'] as const;
export type ArtifactDeviationName = (typeof ARTIFACT_DEVIATION_NAMES)[number];
export type ArtifactDeviationInput = ArtifactDeviationName | { readonly method: ArtifactDeviationName; readonly args?: readonly string[] };

export function parseArtifactDeviations(input: unknown): ArtifactDeviation[] {
  if (!Array.isArray(input)) throw idpError('control/bad-body', 'deviations must be a list');
  return input.map((d: unknown, n) => {
    const method = typeof d === 'string' ? d : (d as { method?: unknown } | null)?.method;
    const args = typeof d === 'string' ? [] : ((d as { args?: unknown } | null)?.args ?? []);
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw idpError('control/bad-body', `deviations[${n}].args must be strings`);
    switch (method) {
      case 'wrongSourceId':
        if (args.length > 1) throw idpError('control/bad-body', `deviations[${n}]: wrongSourceId takes (issuer?)`);
        return wrongSourceId(args[0] as string | undefined);
      case 'replayPrevious':
        if (args.length > 0) throw idpError('control/bad-body', `deviations[${n}]: replayPrevious takes no arguments`);
        return replayedArtifact;
      default:
        throw idpError('control/unknown-deviation', `deviations[${n}]: unknown artifact deviation ${JSON.stringify(method)}; known: ${ARTIFACT_DEVIATION_NAMES.join(', ')}`);
    }
  });
}
