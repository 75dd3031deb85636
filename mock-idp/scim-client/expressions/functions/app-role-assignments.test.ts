import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.ts';
import { parseComplexRoles } from './app-role-assignments.ts';
import { cases } from './cases.ts';

const roles = [
  { id: 'r1', value: 'Admin', displayName: 'Admin' },
  { id: 'r2', value: 'User', displayName: 'User' },
];

describe('AppRoleAssignmentsComplex / SingleAppRoleAssignment', () => {
  cases([
    { name: 'single: the one role value', expression: 'SingleAppRoleAssignment([appRoleAssignments])', context: { appRoleAssignments: [roles[0]!] }, expected: { value: 'Admin' } },
    { name: 'single: no assignment → null', expression: 'SingleAppRoleAssignment([appRoleAssignments])', expected: { value: null } },
    { name: 'complex: no assignment → null', expression: 'AppRoleAssignmentsComplex([appRoleAssignments])', expected: { value: null } },
    { name: 'argument must be [appRoleAssignments] (compile time)', expression: 'AppRoleAssignmentsComplex([roles])', expected: { error: 'expression/type', position: 26 } },
    {
      name: '[appRoleAssignments] alone lists the values',
      expression: 'Join(",", [appRoleAssignments])',
      context: { appRoleAssignments: roles },
      expected: { value: 'Admin,User' },
    },
    {
      name: 'assignments may come from the source object',
      expression: 'SingleAppRoleAssignment([appRoleAssignments])',
      source: { appRoleAssignments: [{ value: 'Editor' }] },
      expected: { value: 'Editor' },
    },
  ]);

  it('complex: doc example output — every role primary=false with type, display and value', () => {
    const result = compileExpression('AppRoleAssignmentsComplex([appRoleAssignments])').evaluate({ source: {}, appRoleAssignments: roles });
    expect(result.skip).toBe(false);
    if (result.skip) return;
    expect(parseComplexRoles(result.value)).toEqual([
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Admin', value: 'Admin' },
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'User', value: 'User' },
    ]);
  });
});
