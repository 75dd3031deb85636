/*
 * Typed errors of the expression language, one base class with a stable `code` (STYLE.md §3).
 * - every error names a 0-based `position` into the expression text, so a caller can draw a caret under it
 * - compile-time codes (syntax, unknown-function, arity, placement and checks on literal arguments) are raised by
 *   `compileExpression`, i.e. when a mapping is configured, never in the middle of a provisioning cycle
 * - runtime codes (type, value, not-unique) are raised by `evaluate` for one object
 */
export type ExpressionErrorCode =
  /** The text is not a well-formed expression (unterminated string, missing parenthesis, stray character…). */
  | 'expression/syntax'
  /** A call names a function Entra does not document. */
  | 'expression/unknown-function'
  /** A call passes fewer or more arguments than the function accepts (or an odd Switch). */
  | 'expression/arity'
  /** A function is used where Entra forbids it (SelectUniqueValue must be the top-level call). */
  | 'expression/placement'
  /** A value has the wrong type for the function (an array where a string is needed, "abc" as a number…). */
  | 'expression/type'
  /** A value has the right type but is out of range (unknown DateAdd interval, invalid regex, index 0…). */
  | 'expression/value'
  /** SelectUniqueValue: every candidate already exists in the target (Entra escrows the object). */
  | 'expression/not-unique';

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  /** 0-based offset into the expression text where the problem starts. */
  readonly position: number;

  constructor(code: ExpressionErrorCode, message: string, position: number) {
    super(message);
    this.code = code;
    this.position = position;
  }
}
