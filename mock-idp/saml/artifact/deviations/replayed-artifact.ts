/*
 * The IdP hands out the artifact it issued last, again, instead of a new one: an artifact presented a second
 * time. It was resolved once already, so the IdP's answer must be empty (saml-core §3.5.3 one-time use) and the
 * SP must refuse the sign-in (artifact/empty).
 */
import type { ArtifactDeviation } from './artifact-deviation.ts';

export const replayedArtifact: ArtifactDeviation = (draft, ctx) => {
  if (ctx.previous === undefined) throw new Error('replayPrevious: the IdP has not issued an artifact yet');
  return { ...draft, replay: ctx.previous };
};
