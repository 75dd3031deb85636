/*
 * IIF(condition, valueIfTrue, valueIfFalse) — "returns one of a set of possible values based on a specified
 * condition"; the condition may use = <> > >= < <= (comparison.ts); no AND/OR (nest IIFs instead).
 * - only the chosen branch is evaluated
 * - documented limitation, reproduced: "If the source attribute used within the IIF function is empty or null, the
 *   condition check fails" — when an attribute referenced in the condition is null or empty, IIF yields null
 *   (so `IIF([country]="","Other",[country])` does not give "Other"; use Switch([country],[country],"","Other"))
 * - a condition that is not a boolean ("True"/"False", a number) is expression/type
 */
import { walk } from '../ast.ts';
import { isNullOrEmpty } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const IIF: FunctionDefinition = {
  name: 'IIF',
  signature: 'IIF(condition, valueIfTrue, valueIfFalse)',
  minArgs: 3,
  maxArgs: 3,
  call(args) {
    const condition = args.node(0)!;
    for (const n of walk(condition)) {
      if (n.kind === 'attribute' && isNullOrEmpty(args.run.evaluate(n))) return null;
    }
    const holds = args.boolean(0, 'condition');
    if (holds === null) return null;
    return args.value(holds ? 1 : 2);
  },
};
