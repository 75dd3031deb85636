/*
 * IgnoreFlowIfNullOrEmpty(expression) — "instructs the provisioning service to ignore the attribute and drop it
 * from the flow if the enclosed function or attribute is NULL or empty".
 * - wherever it sits in the expression, a null/empty value makes the whole mapping skip ({ skip: true })
 * - otherwise it returns the value unchanged
 */
import { isNullOrEmpty } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const IgnoreFlowIfNullOrEmpty: FunctionDefinition = {
  name: 'IgnoreFlowIfNullOrEmpty',
  signature: 'IgnoreFlowIfNullOrEmpty(expression)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const v = args.value(0);
    if (isNullOrEmpty(v)) args.run.skip();
    return v;
  },
};
