import { describe } from 'vitest';
import { cases } from './cases.ts';

const prefix = 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))';

describe('IgnoreFlowIfNullOrEmpty', () => {
  cases([
    { name: "doc 1: don't flow an attribute if it's null", expression: 'IgnoreFlowIfNullOrEmpty([department])', expected: { skip: true } },
    { name: 'doc 1: empty string is skipped too', expression: 'IgnoreFlowIfNullOrEmpty([department])', source: { department: '' }, expected: { skip: true } },
    { name: 'doc 1: a value flows', expression: 'IgnoreFlowIfNullOrEmpty([department])', source: { department: 'Sales' }, expected: { value: 'Sales' } },
    { name: 'doc 2: Switch default "" → skipped', expression: prefix, source: { prefix: '9999' }, expected: { skip: true } },
    { name: 'doc 2: matching key flows', expression: prefix, source: { prefix: '3444' }, expected: { value: 'Prof.' } },
    { name: 'nested anywhere, it still drops the attribute', expression: 'Join(",", IgnoreFlowIfNullOrEmpty([a]), "x")', expected: { skip: true } },
  ]);
});
