import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('RemoveDuplicates', () => {
  cases([
    {
      name: 'doc: RemoveDuplicates([proxyAddresses])',
      expression: 'RemoveDuplicates([proxyAddresses])',
      source: { proxyAddresses: ['smtp:a@x', 'smtp:b@x', 'smtp:a@x'] },
      expected: { value: ['smtp:a@x', 'smtp:b@x'] },
    },
    { name: 'comparison is case-sensitive', expression: 'RemoveDuplicates([p])', source: { p: ['SMTP:a@x', 'smtp:a@x'] }, expected: { value: ['SMTP:a@x', 'smtp:a@x'] } },
    { name: 'a single value is returned as it is', expression: 'RemoveDuplicates([mail])', source: { mail: 'a@x' }, expected: { value: 'a@x' } },
    { name: 'null → null', expression: 'RemoveDuplicates([missing])', expected: { value: null } },
  ]);
});
