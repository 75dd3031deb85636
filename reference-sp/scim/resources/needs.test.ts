import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../schemas/registry.ts';
import { parseFilter } from '../types/filter/index.ts';
import { covers, evaluationNeeds, EVERYTHING, NOTHING, responseNeeds } from './needs.ts';
import { scimProtocol } from './protocol.ts';

const registry = new SchemaRegistry({});
const G = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe('responseNeeds: what the projection returns (RFC 7644 §3.4.2.5)', () => {
  it.each([
    ['Group', {}, { withMembers: true, memberDisplay: true }],
    ['Group', { excludedAttributes: ['members'] }, { withMembers: false }],
    ['Group', { excludedAttributes: ['MEMBERS'] }, { withMembers: false }],
    ['Group', { excludedAttributes: [`${G}:members`] }, { withMembers: false }],
    ['Group', { excludedAttributes: ['members.display'] }, { withMembers: true, memberDisplay: false }],
    ['Group', { excludedAttributes: ['externalId'] }, { withMembers: true, memberDisplay: true }],
    ['Group', { attributes: ['displayName'] }, { withMembers: false }],
    ['Group', { attributes: ['members.value'] }, { withMembers: true, memberDisplay: false }],
    ['Group', { attributes: ['displayName', 'members'] }, { withMembers: true, memberDisplay: true }],
    ['User', { attributes: ['userName'] }, { withGroups: false }],
    ['User', { excludedAttributes: ['groups'] }, { withGroups: false }],
    ['User', { excludedAttributes: ['emails'] }, { withGroups: true }],
    ['User', {}, { withGroups: true }],
  ] as const)('%s %j → %j', (type, projection, expected) => {
    expect(responseNeeds(scimProtocol, registry, type, projection)).toMatchObject(expected);
  });
});

describe('evaluationNeeds: what the filter and sortBy name', () => {
  it.each([
    ['Group', 'displayName eq "Ops"', undefined, false],
    ['Group', 'displayName eq "Ops" and externalId pr', undefined, false],
    ['Group', 'members[value eq "u1"]', undefined, true],
    ['Group', 'members.display co "a"', undefined, true],
    ['Group', `${G}:members.value eq "u1"`, undefined, true],
    ['Group', 'not (members pr)', undefined, true],
    ['Group', 'displayName eq "x" or members.value eq "u1"', undefined, true],
    ['Group', undefined, 'members.display', true],
    ['Group', undefined, 'displayName', false],
    ['User', 'userName eq "a"', undefined, false],
    ['User', 'groups.value eq "g1"', undefined, true],
    ['User', 'emails[value eq "groups"]', undefined, false],
  ] as const)('%s filter=%s sortBy=%s → %s', (type, filter, sortBy, needed) => {
    const needs = evaluationNeeds(type, { filter: filter === undefined ? undefined : parseFilter(filter), sortBy });
    expect(type === 'Group' ? needs.withMembers : needs.withGroups).toBe(needed);
  });
});

describe('covers', () => {
  it('a resource built with less than the response needs is rebuilt; with more, reused', () => {
    expect(covers(NOTHING, EVERYTHING)).toBe(false);
    expect(covers(EVERYTHING, NOTHING)).toBe(true);
    const valuesOnly = { withMembers: true, memberDisplay: false, withGroups: false };
    expect(covers(valuesOnly, { ...valuesOnly, memberDisplay: true })).toBe(false);
    expect(covers({ ...valuesOnly, memberDisplay: true }, valuesOnly)).toBe(true);
    expect(covers(NOTHING, { withMembers: false, memberDisplay: true, withGroups: false })).toBe(true);
  });
});
