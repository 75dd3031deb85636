import { describe, expect, it } from 'vitest';
import { parseFilter } from '../types/filter/index.ts';
import { planFilter } from './query-plan.ts';

describe('planFilter', () => {
  it.each([
    ['userName eq "Alice"', 'User', { key: 'userName', value: 'Alice' }],
    ['USERNAME eq "a"', 'User', { key: 'userName', value: 'a' }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"', 'User', { key: 'userName', value: 'a' }],
    ['externalId eq "e1"', 'User', { key: 'externalId', value: 'e1' }],
    ['id eq "42"', 'Group', { key: 'id', value: '42' }],
    ['userName eq "a" and active eq true', 'User', { key: 'userName', value: 'a' }],
    ['active eq true and externalId eq "x"', 'User', { key: 'externalId', value: 'x' }],
    ['userName eq "a" or userName eq "b"', 'User', undefined],
    ['userName ne "a"', 'User', undefined],
    ['userName co "a"', 'User', undefined],
    ['not (userName eq "a")', 'User', undefined],
    ['name.givenName eq "a"', 'User', undefined],
    ['userName eq "a"', 'Group', undefined],
    ['displayName eq "Ops"', 'Group', { key: 'displayName', value: 'Ops' }],
    ['DISPLAYNAME eq "ops"', 'Group', { key: 'displayName', value: 'ops' }],
    ['urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "Ops"', 'Group', { key: 'displayName', value: 'Ops' }],
    ['displayName eq "Ops" and externalId pr', 'Group', { key: 'displayName', value: 'Ops' }],
    ['members pr and displayName eq "Ops"', 'Group', { key: 'displayName', value: 'Ops' }],
    ['displayName eq "Ops" or displayName eq "Dev"', 'Group', undefined],
    ['displayName co "Ops"', 'Group', undefined],
    ['displayName eq 5', 'Group', undefined],
    ['displayName eq "Ops"', 'User', undefined],
    ['emails[type eq "work"]', 'User', undefined],
    // What Entra and Okta send (issue 8, item 11): every one index-served.
    ['id eq "g1" and members[value eq "u1"]', 'Group', { key: 'id', value: 'g1' }],
    ['members[value eq "u1"] and id eq "g1"', 'Group', { key: 'id', value: 'g1' }],
    ['externalId eq "e1" and userName eq "a"', 'User', { key: 'externalId', value: 'e1' }],
    ['members[value eq "u1"]', 'Group', undefined],
  ] as const)('%s on %s → %j', (text, rt, expected) => {
    expect(planFilter(parseFilter(text), rt)).toEqual(expected);
  });
});
