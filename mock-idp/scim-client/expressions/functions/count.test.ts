import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Count', () => {
  cases([
    {
      name: 'elements of a multi-valued attribute',
      expression: 'Count([proxyAddresses])',
      source: { proxyAddresses: ['smtp:a@x', 'SMTP:b@x', 'sip:c@x'] },
      expected: { value: 3 },
    },
    { name: 'a single value counts as one', expression: 'Count([mail])', source: { mail: 'a@x' }, expected: { value: 1 } },
    { name: 'missing attribute counts 0', expression: 'Count([proxyAddresses])', expected: { value: 0 } },
    { name: 'works on Split results', expression: 'Count(Split("a,b", ","))', expected: { value: 2 } },
  ]);
});
