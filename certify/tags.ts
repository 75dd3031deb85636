/*
 * Reads a scenario's tags (docs/scenario-tags.md) into the facts the certification catalog reports:
 * - `@id:<PROFILE>-<AREA>-<NN>` is the stable test ID; a scenario without one gets a provisional ID from its name
 * - `@must` / `@should` / `@may` is the RFC 2119 level; no level tag means MUST (a check is required unless said otherwise)
 * - `@core` / `@entra` / `@okta` / `@onelogin` / `@jumpcloud` is the profile; without one, the ID's prefix decides
 * - `@rfc7643-…` / `@rfc7644-…` name the spec section; an Entra or Okta scenario without one is an "Entra"/"Okta" behaviour
 * - `@requires:<feature>` names the optional capabilities the test needs
 */

export type Level = 'MUST' | 'SHOULD' | 'MAY';
export type Profile = 'core' | 'entra' | 'okta' | 'onelogin' | 'jumpcloud';

export interface TestFacts {
  readonly id: string;
  /** Whether the ID came from an `@id:` tag (false: derived from the scenario name, not stable). */
  readonly stableId: boolean;
  readonly level: Level;
  readonly profile: Profile;
  /** Human-readable sections, e.g. "RFC 7644 §3.4.2.2", "Entra". Never empty. */
  readonly sections: readonly string[];
  /** `@rfc…` tags as written, for machine use. */
  readonly specTags: readonly string[];
  readonly requires: readonly string[];
  readonly tags: readonly string[];
}

const LEVELS: Record<string, Level> = { '@must': 'MUST', '@should': 'SHOULD', '@may': 'MAY' };
const PROFILES: Record<string, Profile> = { '@core': 'core', '@entra': 'entra', '@okta': 'okta', '@onelogin': 'onelogin', '@jumpcloud': 'jumpcloud' };
/** The section a profile's scenario without an `@rfc…` tag is reported under. */
const PROFILE_SECTIONS: Record<Profile, string> = { core: 'SCIM', entra: 'Entra', okta: 'Okta', onelogin: 'OneLogin', jumpcloud: 'JumpCloud' };

/** `@rfc7644-3.4.2.2` → `RFC 7644 §3.4.2.2`; other tags → undefined. */
export function sectionOf(tag: string): string | undefined {
  const m = /^@rfc(\d+)-(.+)$/.exec(tag);
  return m ? `RFC ${m[1]} §${m[2]}` : undefined;
}

export function readTags(tagNames: readonly string[], scenarioName: string): TestFacts {
  const tags = [...new Set(tagNames)];
  const idTag = tags.find((t) => t.startsWith('@id:'));
  const id = idTag ? idTag.slice('@id:'.length) : provisionalId(scenarioName);
  const level = tags.map((t) => LEVELS[t]).find((l) => l !== undefined) ?? 'MUST';
  const profile = tags.map((t) => PROFILES[t]).find((p) => p !== undefined) ?? PROFILES[`@${id.split('-')[0]!.toLowerCase()}`] ?? 'core';
  const specTags = tags.filter((t) => sectionOf(t) !== undefined);
  const sections = specTags.map((t) => sectionOf(t)!);
  if (sections.length === 0) sections.push(PROFILE_SECTIONS[profile]);
  const requires = tags.filter((t) => t.startsWith('@requires:')).map((t) => t.slice('@requires:'.length));
  return { id, stableId: idTag !== undefined, level, profile, sections, specTags, requires, tags };
}

function provisionalId(name: string): string {
  return `UNTAGGED-${name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toUpperCase()
    .slice(0, 60)}`;
}
