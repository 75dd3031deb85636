/* The sample requests of Microsoft's "Known issues … SCIM 2.0 protocol compliance" page, as a table. */
import { describe, expect, it } from 'vitest';
import { parseTargetPath } from '../mappings/target-path.ts';
import { addMembersOperation, attributeOperations, removeMembersOperations, replaceDisplayNameOperation } from './patch-ops.ts';
import type { AttributeChange } from './patch-ops.ts';

const ch = (path: string, before: unknown, after: unknown): AttributeChange => ({ path: parseTargetPath(path), before, after });
const EMP = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber';

const replaceMany = [
  ch('displayName', 'a', 'Pvlo'),
  ch('emails[type eq "work"].value', 'x@t', 'TestBcwqnm@test.microsoft.com'),
  ch('name.givenName', 'a', 'Gtfd'),
  ch(EMP, 'a', 'Eqpj'),
];

describe('attribute changes', () => {
  it.each([
    ['disable user', 'legacy', [ch('active', true, false)], [{ op: 'Replace', path: 'active', value: 'False' }]],
    ['disable user', 'compliant', [ch('active', true, false)], [{ op: 'replace', path: 'active', value: false }]],
    ['add single-value string', 'legacy', [ch('nickName', undefined, 'Babs')], [{ op: 'Add', path: 'nickName', value: 'Babs' }]],
    ['add single-value string', 'compliant', [ch('nickName', undefined, 'Babs')], [{ op: 'add', path: 'nickName', value: 'Babs' }]],
    [
      'replace multiple',
      'legacy',
      replaceMany,
      [
        { op: 'Replace', path: 'displayName', value: 'Pvlo' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
        { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
        { op: 'Replace', path: EMP, value: 'Eqpj' },
      ],
    ],
    [
      'replace multiple',
      'compliant',
      replaceMany,
      [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
        { op: 'replace', value: { displayName: 'Pvlo', 'name.givenName': 'Gtfd', [EMP]: 'Eqpj' } },
      ],
    ],
    ['clear attribute', 'legacy', [ch('title', 'Boss', undefined)], [{ op: 'Remove', path: 'title' }]],
    ['clear attribute', 'compliant', [ch('title', 'Boss', undefined)], [{ op: 'remove', path: 'title' }]],
  ] as const)('%s (%s)', (_case, behaviour, changes, expected) => {
    expect(attributeOperations(changes, behaviour)).toEqual(expected);
  });
});

describe('group membership', () => {
  it('adds members with "$ref": null in both behaviours', () => {
    expect(addMembersOperation(['u1', 'u2'], 'legacy')).toEqual({
      op: 'Add',
      path: 'members',
      value: [
        { $ref: null, value: 'u1' },
        { $ref: null, value: 'u2' },
      ],
    });
    expect(addMembersOperation(['u1'], 'compliant')).toEqual({ op: 'add', path: 'members', value: [{ $ref: null, value: 'u1' }] });
  });
  it('removes members with a value array (legacy) or a filtered path (compliant)', () => {
    expect(removeMembersOperations(['u1091'], 'legacy')).toEqual([{ op: 'Remove', path: 'members', value: [{ value: 'u1091' }] }]);
    expect(removeMembersOperations(['7f4b', 'a"b'], 'compliant')).toEqual([
      { op: 'remove', path: 'members[value eq "7f4b"]' },
      { op: 'remove', path: 'members[value eq "a\\"b"]' },
    ]);
  });
  it('renames with a displayName replace', () => {
    expect(replaceDisplayNameOperation('Ops', 'legacy')).toEqual({ op: 'Replace', path: 'displayName', value: 'Ops' });
    expect(replaceDisplayNameOperation('Ops', 'compliant')).toEqual({ op: 'replace', path: 'displayName', value: 'Ops' });
  });
});
