/** Public value and context types of the expression language (re-exported by index.ts). */

/** What an expression yields. DateTime values leave the evaluator as Entra prints them: "M/d/yyyy h:mm:ss tt". */
export type ExpressionValue = string | number | boolean | null | ExpressionValue[];

/** One app role assigned to the user for the application (Entra's `[appRoleAssignments]`). */
export interface AppRoleAssignment {
  /** The app role's id (a GUID). */
  readonly id?: string;
  /** The app role's `value` (what SingleAppRoleAssignment returns). */
  readonly value: string;
  /** The app role's display name (sent as `display` by AppRoleAssignmentsComplex). */
  readonly displayName?: string;
}

/** A SCIM `roles` entry as AppRoleAssignmentsComplex produces it (see customize-application-attributes). */
export interface ScimRole {
  readonly primary: boolean;
  readonly type: string;
  readonly display: string;
  readonly value: string;
}

export interface EvaluationContext {
  /** The directory object's attributes, e.g. { userPrincipalName, IsSoftDeleted: false, … }. Missing → null. */
  readonly source: Readonly<Record<string, unknown>>;
  /** Injected clock for Now() (defaults to the system clock). */
  readonly now?: () => Date;
  /** Injected randomness in [0, 1) for Guid() and RandomString() (defaults to node:crypto). */
  readonly random?: () => number;
  /** The user's app role assignments, read by `[appRoleAssignments]`, AppRoleAssignmentsComplex, SingleAppRoleAssignment. */
  readonly appRoleAssignments?: readonly AppRoleAssignment[];
  /**
   * SelectUniqueValue's uniqueness check against the target. Without it the first non-empty candidate wins.
   * Synchronous on purpose: an engine that must ask a SCIM server first calls selectUniqueValueCandidates(),
   * checks the candidates itself, then evaluates with a callback over the answers.
   */
  readonly isUnique?: (candidate: string) => boolean;
}

/** skip = IgnoreFlowIfNullOrEmpty fired: drop the target attribute from the flow. */
export type EvaluationResult =
  | { skip: true }
  | {
      skip: false;
      value: ExpressionValue;
      /** Redact() was applied: show "[Redact]" instead of the value in provisioning logs. */
      redacted?: boolean;
    };

export interface CompiledExpression {
  /** The expression text as given. */
  readonly source: string;
  /** Attribute names referenced (`[name]`), in order of first appearance, without duplicates. */
  readonly attributes: readonly string[];
  /** Evaluates against one object. Throws ExpressionError (expression/type, expression/value, expression/not-unique). */
  evaluate(ctx: EvaluationContext): EvaluationResult;
}
