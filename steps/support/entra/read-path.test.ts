import { describe, expect, it } from 'vitest';
import { readStored } from './read-path.ts';

const NINJA = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';
const user = {
  userName: 'ada@contoso.example',
  active: false,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [
    { type: 'home', value: 'ada@home.example' },
    { type: 'work', value: 'ada@contoso.example', primary: true },
  ],
  [NINJA]: { organizationId: 'all' },
};

describe('readStored (RFC 7644 §3.10 paths a mapping targets)', () => {
  it.each([
    ['userName', 'ada@contoso.example'],
    ['USERNAME', 'ada@contoso.example'],
    ['active', false],
    ['name.givenName', 'Ada'],
    ['name.middleName', undefined],
    ['emails[type eq "work"].value', 'ada@contoso.example'],
    ['emails[type eq "WORK"].primary', true],
    ['emails[type eq "other"].value', undefined],
    ['emails[type eq "home"]', { type: 'home', value: 'ada@home.example' }],
    [`${NINJA}:organizationId`, 'all'],
    [`${NINJA}:userType`, undefined],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', undefined],
    ['title[type eq "x"].value', undefined],
  ])('%s → %j', (path, expected) => {
    expect(readStored(user, path)).toEqual(expected);
  });
});
