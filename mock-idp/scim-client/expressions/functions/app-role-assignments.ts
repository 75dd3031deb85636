/*
 * AppRoleAssignmentsComplex([appRoleAssignments]) and SingleAppRoleAssignment([appRoleAssignments]).
 * Reference: functions-for-customizing-application-data and customize-application-attributes
 * ("Provisioning a role to a SCIM app").
 * - the only accepted argument is the [appRoleAssignments] attribute (checked at compile time)
 * - AppRoleAssignmentsComplex: every assigned role as a SCIM roles entry, "All roles will be provisioned as
 *   primary = false", type "WindowsAzureActiveDirectoryRole", display and value. ExpressionValue has no objects, so
 *   each entry is a JSON string; parseComplexRoles() turns the result back into objects for the request body
 * - SingleAppRoleAssignment: one role's value as a string ("We cannot guarantee which role will be provisioned" —
 *   here, the first); no assignment → null
 */
import type { CallNode } from '../ast.ts';
import { ExpressionError } from '../errors.ts';
import type { Args } from '../runtime.ts';
import type { AppRoleAssignment, ExpressionValue, ScimRole } from '../types.ts';
import type { FunctionDefinition } from './definition.ts';

const ROLE_TYPE = 'WindowsAzureActiveDirectoryRole';

function checkArgument(call: CallNode): void {
  const arg = call.args[0]!;
  if (arg.kind !== 'attribute' || arg.name.toLowerCase() !== 'approleassignments') {
    throw new ExpressionError('expression/type', `${call.name} takes the [appRoleAssignments] attribute`, arg.pos);
  }
}

function assignments(args: Args): readonly AppRoleAssignment[] {
  const fromContext = args.run.ctx.appRoleAssignments;
  if (fromContext) return fromContext;
  const raw = Object.entries(args.run.ctx.source).find(([k]) => k.toLowerCase() === 'approleassignments')?.[1];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return args.fail('expression/type', 'appRoleAssignments must be a list of assignments', 0);
  return raw.map((r: unknown) => {
    if (typeof r === 'string') return { value: r };
    if (r && typeof r === 'object' && typeof (r as AppRoleAssignment).value === 'string') return r as AppRoleAssignment;
    return args.fail('expression/type', 'each appRoleAssignment needs a string "value"', 0);
  });
}

export const AppRoleAssignmentsComplex: FunctionDefinition = {
  name: 'AppRoleAssignmentsComplex',
  signature: 'AppRoleAssignmentsComplex([appRoleAssignments])',
  minArgs: 1,
  maxArgs: 1,
  check: checkArgument,
  call(args) {
    const roles = assignments(args);
    if (roles.length === 0) return null;
    return roles.map((r) => JSON.stringify({ primary: false, type: ROLE_TYPE, display: r.displayName ?? r.value, value: r.value } satisfies ScimRole));
  },
};

export const SingleAppRoleAssignment: FunctionDefinition = {
  name: 'SingleAppRoleAssignment',
  signature: 'SingleAppRoleAssignment([appRoleAssignments])',
  minArgs: 1,
  maxArgs: 1,
  check: checkArgument,
  call(args) {
    return assignments(args)[0]?.value ?? null;
  },
};

/** Turns AppRoleAssignmentsComplex's result into SCIM roles entries for a request body. */
export function parseComplexRoles(value: ExpressionValue): ScimRole[] {
  if (value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    let parsed: unknown = null;
    try {
      parsed = typeof item === 'string' ? JSON.parse(item) : null;
    } catch {
      // not JSON: refused below
    }
    if (!parsed || typeof parsed !== 'object' || typeof (parsed as ScimRole).value !== 'string') {
      throw new ExpressionError('expression/type', 'not an AppRoleAssignmentsComplex result', 0);
    }
    return parsed as ScimRole;
  });
}
