import { describe } from 'vitest';
import { cases } from './cases.ts';

const proxies = { proxyAddresses: ['SMTP:a@x', 'smtp:b@x'] };

describe('Item', () => {
  cases([
    { name: 'doc: Item([proxyAddresses], 1) returns the first item', expression: 'Item([proxyAddresses], 1)', source: proxies, expected: { value: 'SMTP:a@x' } },
    { name: '1-based: 2 is the second item', expression: 'Item([proxyAddresses], 2)', source: proxies, expected: { value: 'smtp:b@x' } },
    { name: 'past the end → null', expression: 'Item([proxyAddresses], 3)', source: proxies, expected: { value: null } },
    { name: 'a single value is a list of one', expression: 'Item([mail], 1)', source: { mail: 'a@x' }, expected: { value: 'a@x' } },
    { name: "doc: index 0 shouldn't be used — compile-time error", expression: 'Item([proxyAddresses], 0)', expected: { error: 'expression/value', position: 23 } },
    {
      name: 'index 0 from an attribute is a runtime value error',
      expression: 'Item([proxyAddresses], [i])',
      source: { ...proxies, i: 0 },
      expected: { error: 'expression/value' },
    },
  ]);
});
