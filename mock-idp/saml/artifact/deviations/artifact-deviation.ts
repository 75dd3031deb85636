/*
 * What an artifact deviation may change: the artifact about to be handed to the browser. A deviation is one
 * small function in its own file (./wrong-source-id.ts, ./replayed-artifact.ts), named so a negative scenario
 * traces to one call.
 */
export interface ArtifactDraft {
  readonly endpointIndex: number;
  readonly sourceId: Buffer;
  readonly messageHandle: Buffer;
  /** When set, this exact value is sent instead of one encoded from the parts (and nothing new is stored). */
  readonly replay?: string;
}

export interface ArtifactDeviationContext {
  /** The artifact the IdP handed out last, if any. */
  readonly previous: string | undefined;
}

export type ArtifactDeviation = (draft: ArtifactDraft, ctx: ArtifactDeviationContext) => ArtifactDraft;
