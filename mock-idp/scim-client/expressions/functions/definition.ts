import type { CallNode } from '../ast.ts';
import type { Args } from '../runtime.ts';
import type { Value } from '../values.ts';

/** One documented function: its arity (checked when the expression is compiled) and its semantics. */
export interface FunctionDefinition {
  /** Canonical spelling, as in Entra's function list. Calls match it case-insensitively. */
  readonly name: string;
  /** Signature as documented, for errors and docs/expressions.md. */
  readonly signature: string;
  readonly minArgs: number;
  /** Infinity for Entra's "Required, variable-number of times" parameters. */
  readonly maxArgs: number;
  /** Further compile-time checks on the call (argument parity, literal arguments…); throws ExpressionError. */
  readonly check?: (call: CallNode) => void;
  call(args: Args): Value;
}
