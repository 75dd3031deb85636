/*
 * Okta's groups claim filter, as its admin console configures it (app → Sign On → Token claims → "Groups claim
 * type: Filter"; authorization server → Claims → "Value type: Groups"): a claim name and one of four filters over
 * the user's group names — Starts with, Equals, Contains, Matches regex
 * (https://developer.okta.com/docs/guides/customize-tokens-groups-claim/). SonarQube's guide (seed 003, Okta OIDC
 * step 3) sets `groups` / Matches regex / `.*`, which sends every group.
 * - "Matches regex" matches the WHOLE group name (Java's String.matches, which Okta's expression language uses):
 *   `.*` sends all, `Eng.*` sends "Engineering" but not "Dev-Eng"
 * - the other three compare case-insensitively, as the Okta API's group_filter_type does for STARTS_WITH/EQUALS/
 *   CONTAINS on names
 * - bounded cost: the pattern is at most 256 characters (checked when the client is registered) and runs once per
 *   group of a sign-in
 */
export const GROUP_FILTER_TYPES = ['regex', 'startsWith', 'equals', 'contains'] as const;
export type GroupFilterType = (typeof GROUP_FILTER_TYPES)[number];

export interface GroupsClaimFilter {
  /** The claim name the filtered groups go out under (Okta's first field, `groups` in SonarQube's guide). */
  readonly name: string;
  readonly filter: GroupFilterType;
  readonly value: string;
}

/** A predicate over group names; a regex that does not compile is refused when the client is registered. */
export function groupMatcher(f: GroupsClaimFilter): (group: string) => boolean {
  const needle = f.value.toLowerCase();
  switch (f.filter) {
    case 'regex': {
      const re = new RegExp(`^(?:${f.value})$`, 'u');
      return (g) => re.test(g);
    }
    case 'startsWith':
      return (g) => g.toLowerCase().startsWith(needle);
    case 'equals':
      return (g) => g.toLowerCase() === needle;
    case 'contains':
      return (g) => g.toLowerCase().includes(needle);
  }
}

export function filterGroups(groups: readonly string[], f: GroupsClaimFilter): string[] {
  const match = groupMatcher(f);
  return groups.filter(match);
}
