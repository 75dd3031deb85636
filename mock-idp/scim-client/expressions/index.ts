/*
 * Microsoft Entra ID's attribute-mapping expression language: public entry points.
 * Reference: "Reference for writing expressions for attribute mappings in Microsoft Entra ID"
 * (learn.microsoft.com/entra/identity/app-provisioning/functions-for-customizing-application-data).
 *
 * compileExpression() lexes, parses and checks an expression once (syntax, unknown functions, arity, placement),
 * so a bad mapping fails at configuration time; evaluate() then runs it against one directory object.
 */
export { ExpressionError, type ExpressionErrorCode } from './errors.ts';
export type {
  AppRoleAssignment,
  CompiledExpression,
  EvaluationContext,
  EvaluationResult,
  ExpressionValue,
  ScimRole,
} from './types.ts';
export { compileExpression, selectUniqueValueCandidates, type CompileOptions } from './compile.ts';
export { parseComplexRoles } from './functions/app-role-assignments.ts';
export { functionNames } from './functions/registry.ts';
