import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Now', () => {
  cases([
    {
      name: 'doc: "7/2/2021 3:33:38 PM" from the injected clock',
      expression: 'Now()',
      context: { now: () => new Date('2021-07-02T15:33:38Z') },
      expected: { value: '7/2/2021 3:33:38 PM' },
    },
    { name: 'morning prints AM', expression: 'Now()', context: { now: () => new Date('2021-07-02T09:05:01Z') }, expected: { value: '7/2/2021 9:05:01 AM' } },
    { name: 'takes no arguments', expression: 'Now(1)', expected: { error: 'expression/arity' } },
  ]);
});
