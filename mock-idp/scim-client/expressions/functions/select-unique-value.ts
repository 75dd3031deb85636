/*
 * SelectUniqueValue(uniqueValueRule1, uniqueValueRule2, …) — evaluates each rule and returns the first value that
 * is unique in the target; "If all of the values already exist in the target, the entry is escrowed".
 * - at least two rules; "This function must be at the top-level and can't be nested" (checked at compile time)
 * - uniqueness against the target is not the evaluator's business: the context's `isUnique(candidate)` callback
 *   decides; without one, the first non-empty candidate is returned. An engine that must query a SCIM server
 *   first calls selectUniqueValueCandidates() and answers `isUnique` from its results
 * - every candidate rejected → expression/not-unique (the engine escrows the object)
 */
import { isNullOrEmpty, stringForm, type Value } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const SelectUniqueValue: FunctionDefinition = {
  name: 'SelectUniqueValue',
  signature: 'SelectUniqueValue(uniqueValueRule1, uniqueValueRule2, …)',
  minArgs: 2,
  maxArgs: Infinity,
  call(args) {
    const isUnique = args.run.ctx.isUnique;
    const tried: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const v = args.value(i);
      if (isNullOrEmpty(v)) continue;
      const candidate = args.string(i, `uniqueValueRule${i + 1}`)!;
      if (!isUnique || isUnique(candidate)) return v as Value;
      tried.push(candidate);
    }
    return args.fail(
      'expression/not-unique',
      tried.length ? `every candidate already exists in the target: ${tried.map((t) => stringForm(t)).join(', ')}` : 'every rule produced an empty value',
    );
  },
};
