import { describe, expect, it } from 'vitest';
import { readTags, sectionOf } from './tags.ts';

describe('readTags', () => {
  it.each([
    [['@scim', '@core', '@id:CORE-USERS-03', '@must', '@rfc7644-3.3'], 'CORE-USERS-03', 'MUST', 'core', ['RFC 7644 §3.3']],
    [['@entra', '@id:ENTRA-LEGACY-01', '@should'], 'ENTRA-LEGACY-01', 'SHOULD', 'entra', ['Entra']],
    [['@id:OKTA-USERS-02', '@may', '@rfc7644-3.5.2'], 'OKTA-USERS-02', 'MAY', 'okta', ['RFC 7644 §3.5.2']],
    [['@id:CORE-DISC-01', '@rfc7643-5', '@rfc7644-4'], 'CORE-DISC-01', 'MUST', 'core', ['RFC 7643 §5', 'RFC 7644 §4']],
  ] as const)('%j → %s %s %s', (tags, id, level, profile, sections) => {
    const facts = readTags(tags, 'any');
    expect(facts).toMatchObject({ id, level, profile, stableId: true });
    expect(facts.sections).toEqual(sections);
  });

  it('collects @requires capabilities', () => {
    expect(readTags(['@id:CORE-BULK-01', '@requires:bulk', '@requires:etag'], 'x').requires).toEqual(['bulk', 'etag']);
  });

  it('gives an untagged scenario a provisional, visibly unstable ID', () => {
    const facts = readTags(['@core'], 'Create a user, then fetch it');
    expect(facts.id).toBe('UNTAGGED-CREATE-A-USER-THEN-FETCH-IT');
    expect(facts.stableId).toBe(false);
  });

  it('leaves non-RFC tags out of sections', () => {
    expect(sectionOf('@saml-core-2.5.1')).toBeUndefined();
    expect(sectionOf('@rfc7644-3.12')).toBe('RFC 7644 §3.12');
  });
});
