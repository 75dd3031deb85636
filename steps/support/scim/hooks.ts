/*
 * SCIM tag hooks (docs/scenario-tags.md):
 * - `@requires:<feature>`: skipped, not failed, when the endpoint's /ServiceProviderConfig does not advertise
 *   the feature (RFC 7643 §5), or, for `@requires:enterpriseUser`, when /ResourceTypes declares no enterprise
 *   User extension;
 * - `@bundled-only`: skipped unless the target is the bundled reference server;
 * - a scenario ID the target is known not to satisfy (scimmy's gaps, ./scimmy-server.ts) is skipped.
 * Every skip logs its reason. The target is started once per run and stopped after the run.
 */
import { AfterAll, Before } from '@cucumber/cucumber';
import type { HarnessWorld } from '../world.ts';
import { advertises, stopScimTarget } from './target.ts';

Before({ tags: '@scim' }, async function (this: HarnessWorld, { pickle }) {
  const tags = pickle.tags.map((tag) => tag.name);
  const target = await this.scim.target();
  const reasons: string[] = [];
  if (tags.includes('@bundled-only') && target.kind !== 'bundled') {
    reasons.push(`needs the bundled reference server; the target is ${target.kind} (${target.baseUrl})`);
  }
  for (const tag of tags) {
    const feature = /^@requires:(.+)$/.exec(tag)?.[1];
    if (feature !== undefined && !advertises(target, feature)) {
      reasons.push(`the endpoint does not advertise "${feature}" (ServiceProviderConfig / ResourceTypes)`);
    }
    const id = /^@id:(.+)$/.exec(tag)?.[1];
    if (id !== undefined && target.knownGaps[id] !== undefined) reasons.push(`known ${target.kind} gap: ${target.knownGaps[id]}`);
  }
  if (reasons.length === 0) return undefined;
  this.log(`skipped: ${reasons.join('; ')}`);
  return 'skipped';
});

AfterAll(async () => {
  await stopScimTarget();
});
