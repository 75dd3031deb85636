import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER_URN, parseTargetPath, readPath, writePath } from './target-path.ts';

const NINJA = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';

describe('parseTargetPath', () => {
  it.each([
    ['userName', { attribute: 'userName' }],
    ['name.givenName', { attribute: 'name', subAttribute: 'givenName' }],
    ['emails[type eq "work"].value', { attribute: 'emails', filter: { attribute: 'type', value: 'work' }, subAttribute: 'value' }],
    [`${ENTERPRISE_USER_URN}:department`, { urn: ENTERPRISE_USER_URN, attribute: 'department' }],
    [`${ENTERPRISE_USER_URN}:manager`, { urn: ENTERPRISE_USER_URN, attribute: 'manager' }],
    [`${NINJA}:organizationId`, { urn: NINJA, attribute: 'organizationId' }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName', { attribute: 'userName' }],
  ])('%s', (text, expected) => {
    const { text: _t, ...rest } = parseTargetPath(text);
    expect(rest).toEqual(expected);
  });

  it.each(['', 'emails[type eq work].value', 'name..x', '1abc'])('rejects %j with mapping/unknown-target', (text) => {
    expect(() => parseTargetPath(text)).toThrow(expect.objectContaining({ code: 'mapping/unknown-target' }));
  });
});

describe('writePath / readPath', () => {
  it('nests extension values under the URN key and filtered values in the matching element', () => {
    const r: Record<string, unknown> = {};
    writePath(r, parseTargetPath('emails[type eq "work"].value'), 'a@x.test');
    writePath(r, parseTargetPath('name.givenName'), 'Ann');
    writePath(r, parseTargetPath(`${NINJA}:organizationId`), '42');
    writePath(r, parseTargetPath(`${NINJA}:userType`), 'END_USER');
    expect(r).toEqual({
      emails: [{ type: 'work', value: 'a@x.test' }],
      name: { givenName: 'Ann' },
      [NINJA]: { organizationId: '42', userType: 'END_USER' },
    });
    expect(readPath(r, parseTargetPath('EMAILS[type eq "Work"].value'))).toBe('a@x.test');
    expect(readPath(r, parseTargetPath('name.familyName'))).toBeUndefined();
    expect(readPath(r, parseTargetPath(`${ENTERPRISE_USER_URN}:department`))).toBeUndefined();
  });
});
