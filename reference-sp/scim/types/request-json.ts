/*
 * What every parsed SCIM request body must be before any other code walks it (RFC 7644 §3.12, RFC 8259 §8.2):
 * - nested at most MAX_JSON_DEPTH levels (objects and arrays) → else 400 invalidSyntax ("the request body
 *   message structure was invalid"). Every later walk over request JSON (validation, PATCH, bulkId resolution,
 *   JSON.stringify when storing) recurses; bounding the depth here once keeps each of them far from the stack
 *   limit, where a 4,000-level /Bulk body used to end as a RangeError and a 500.
 * - every string, keys included, well-formed Unicode → else 400 invalidValue. JSON's `\ud800` escape decodes to a
 *   lone surrogate, which is no character at all (RFC 8259 §8.2: "the behavior of software that receives JSON
 *   texts containing such values is unpredictable"); stored, it comes back as U+FFFD from SQLite's UTF-8, so the
 *   value a client wrote is not the value it reads.
 * The walk is iterative (an explicit stack), so it cannot overflow however deep the input is, and it visits each
 * value once. The detail names the position by depth only: nothing the client sent is echoed.
 */
import { MAX_JSON_DEPTH } from '../limits.ts';
import { ScimError } from './errors.ts';

/** Whether `s` holds no lone surrogate (String.prototype.isWellFormed, ES2024, written out for older typings). */
export function isWellFormedText(s: string): boolean {
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}

export function checkRequestJson(value: unknown, maxDepth: number = MAX_JSON_DEPTH): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isWellFormedText(v)) throw ScimError.invalidValue('a string in the request body is not well-formed Unicode (a lone surrogate)');
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) throw ScimError.invalidSyntax(`the request body nests deeper than ${maxDepth} levels`);
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (!isWellFormedText(k)) throw ScimError.invalidValue('a member name in the request body is not well-formed Unicode (a lone surrogate)');
      stack.push([x, depth + 1]);
    }
  }
}
