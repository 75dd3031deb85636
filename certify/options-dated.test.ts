/* `certify scim --profile <dated profile>`: a dated client profile certifies its family, less the shapes it never sends. */
import { describe, expect, it } from 'vitest';
import { type CertifyOptionsError, parseCertifyOptions } from './options.ts';

describe('dated profiles in certify options', () => {
  it.each([
    ['entra-2024', 'entra', undefined, undefined],
    ['entra-2025', 'entra', undefined, 'not @legacy-shape'],
    ['entra-2025', 'entra', '@must', '(@must) and not @legacy-shape'],
    ['okta-2024', 'okta', '@must', '@must'],
  ])('--profile %s certifies %s (tags %s → %s)', (asked, profile, tags, expected) => {
    const o = parseCertifyOptions(['--profile', asked, ...(tags ? ['--tags', tags] : [])], {});
    expect(o.profile).toBe(profile);
    expect(o.tags).toBe(expected);
  });

  it('names the dated profiles among the accepted ones when the profile is unknown', () => {
    let problems: readonly string[] = [];
    try {
      parseCertifyOptions(['--profile', 'okta-1999'], {});
    } catch (e) {
      problems = (e as CertifyOptionsError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('entra-2025');
  });
});
