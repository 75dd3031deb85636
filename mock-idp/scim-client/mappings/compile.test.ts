import { describe, expect, it } from 'vitest';
import { mapObject, serialise } from './apply.ts';
import { compileMappings } from './compile.ts';

const NINJA = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';
const problemsOf = (f: () => unknown): { code: string; problems: string[] } => {
  try {
    f();
  } catch (e) {
    return e as { code: string; problems: string[] };
  }
  throw new Error('did not throw');
};

describe('compileMappings', () => {
  it("compiles Entra's customappsso defaults", () => {
    const m = compileMappings(undefined);
    expect(m.users.matching.map((x) => x.target.text)).toEqual(['userName']);
    expect(m.groups.mappings.map((x) => `${x.source}→${x.target.text}`)).toEqual(['displayName→displayName', 'objectId→externalId', 'members→members']);
  });

  it('collects every configuration problem with its path', () => {
    const err = problemsOf(() =>
      compileMappings({
        users: {
          preset: 'none',
          mappings: [
            { target: 'userName', source: 'userPrincipalName', expression: '[x]', matchingPrecedence: 1 },
            { target: 'nickname2', source: 'mail' },
            { target: 'displayName', expression: 'Bogus([x])' },
            { target: 'title', expression: 'Join(", "' },
          ],
          attributes: [{ name: `${NINJA}:organizationId`, type: 'String', required: true }],
        },
      }),
    );
    expect(err.code).toBe('mapping/expression');
    expect(err.problems.map((p) => p.split(/[ :]/)[0])).toEqual([
      'mappings.users.mappings[0]',
      'mappings.users.mappings[1].target',
      'mappings.users.mappings[2].expression',
      'mappings.users.mappings[3].expression',
      'mappings.users', // no matching attribute left
      'mappings.users', // userName (required) unmapped
      'mappings.users', // organizationId (required) unmapped
    ]);
    expect(err.problems[2]).toMatch(/position \d+/);
    expect(err.problems.at(-1)).toContain(`required target attribute "${NINJA}:organizationId" has no mapping`);
  });

  it('rejects an unknown key and a bad apply mode by path', () => {
    const err = problemsOf(() => compileMappings({ users: { mappings: [{ target: 'title', source: 'jobTitle', apply: 'sometimes' as never }] }, extra: 1 } as never));
    expect(err.code).toBe('mapping/invalid');
    expect(err.problems).toEqual(['mappings.extra is not a known attribute', 'mappings.users.mappings[0].apply must be one of "always", "create"']);
  });
});

describe('mapObject / serialise', () => {
  const set = compileMappings({
    users: {
      preset: 'none',
      attributes: [
        { name: `${NINJA}:organizationId`, type: 'String', required: true },
        { name: `${NINJA}:userType`, type: 'String' },
      ],
      mappings: [
        { source: 'userPrincipalName', target: 'userName', matchingPrecedence: 1 },
        { expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', target: 'active' },
        { source: 'mail', target: 'emails[type eq "work"].value' },
        { constant: 'all', target: `${NINJA}:organizationId` },
        { source: 'jobTitle', target: `${NINJA}:userType`, default: 'END_USER', apply: 'create' },
      ],
    },
  }).users;
  const src = { userPrincipalName: 'a@x.test', IsSoftDeleted: false, mail: null, jobTitle: null };

  it('turns Switch\'s "True" into a boolean, skips nulls, applies defaults, honours create-only', () => {
    expect(mapObject(set, src, 'create')).toEqual({ userName: 'a@x.test', active: true, [`${NINJA}:organizationId`]: 'all', [`${NINJA}:userType`]: 'END_USER' });
    expect(mapObject(set, { ...src, IsSoftDeleted: true }, 'update')).toEqual({ userName: 'a@x.test', active: false, [`${NINJA}:organizationId`]: 'all' });
  });

  it('nests the extension under its URN and lists the URN in schemas only when set to', () => {
    const state = mapObject(set, src, 'create');
    const listed = serialise(set, state, { listExtensionSchemas: true, resolveReference: () => undefined });
    expect(listed).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', NINJA],
      userName: 'a@x.test',
      active: true,
      [NINJA]: { organizationId: 'all', userType: 'END_USER' },
    });
    expect(serialise(set, state, { listExtensionSchemas: false, resolveReference: () => undefined })['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User']);
  });

  it('fails an object whose required attribute has no value', () => {
    const req = compileMappings({
      users: {
        preset: 'none',
        mappings: [
          { source: 'userPrincipalName', target: 'userName', matchingPrecedence: 1 },
          { source: 'department', target: 'displayName' },
        ],
        attributes: [{ name: 'displayName', type: 'String', required: true }],
      },
    }).users;
    expect(() => mapObject(req, { userPrincipalName: 'a', department: null }, 'create')).toThrow(expect.objectContaining({ code: 'mapping/required-missing' }));
  });
});
