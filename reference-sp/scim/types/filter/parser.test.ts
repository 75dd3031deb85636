import { describe, expect, it } from 'vitest';
import cases from './parse-cases.json' with { type: 'json' };
import { ScimError } from '../errors.ts';
import { formatFilter } from './ast.ts';
import { parseFilter } from './parser.ts';
import { ToleranceLog } from '../tolerance.ts';

function errorOf(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return e;
    throw e;
  }
  throw new Error('expected a ScimError');
}

describe('parseFilter (RFC 7644 §3.4.2.2) — valid filters', () => {
  it.each(cases.valid.filter((c) => !('error' in c)).map((c) => [c.filter, c.canonical]))('%s', (filter, canonical) => {
    const ast = parseFilter(filter!);
    expect(formatFilter(ast)).toBe(canonical);
    // the canonical form parses back to the same tree
    expect(parseFilter(canonical!)).toEqual(ast);
  });
});

describe('parseFilter — invalid filters are 400 invalidFilter naming the position', () => {
  const invalid = [...cases.invalid, ...cases.valid.filter((c) => 'error' in c).map((c) => ({ filter: c.filter, position: 0 }))];
  it.each(invalid.map((c) => [c.filter, c.position]))('%j', (filter, position) => {
    const e = errorOf(() => parseFilter(filter as string));
    expect(e.status).toBe(400);
    expect(e.scimType).toBe('invalidFilter');
    if (position !== null) expect(e.detail).toContain(`position ${position}`);
  });
});

describe('parseFilter — tree shape', () => {
  it('keeps URN, attribute and sub-attribute apart', () => {
    expect(parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x"')).toEqual({
      kind: 'compare',
      op: 'eq',
      value: 'x',
      path: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'manager', subAttribute: 'value' },
    });
  });
  it('builds a valuePath node whose filter is relative to the complex attribute', () => {
    expect(parseFilter('emails[type eq "work"]')).toEqual({
      kind: 'valuePath',
      path: { attribute: 'emails' },
      filter: { kind: 'compare', op: 'eq', value: 'work', path: { attribute: 'type' } },
    });
  });
});

describe('parseFilter — hostile input gets invalidFilter, never a crash', () => {
  it.each([
    ['deep parentheses', `${'('.repeat(5000)}a pr${')'.repeat(5000)}`],
    ['deep not', `${'not ('.repeat(5000)}a pr${')'.repeat(5000)}`],
    ['a very long and-chain', Array.from({ length: 5000 }, (_, i) => `a${i} pr`).join(' and ')],
  ])('%s', (_name, filter) => {
    const e = errorOf(() => parseFilter(filter));
    expect([e.status, e.scimType]).toEqual([400, 'invalidFilter']);
  });

  it('still accepts reasonable nesting', () => {
    expect(() => parseFilter(`${'('.repeat(50)}a pr${')'.repeat(50)}`)).not.toThrow();
  });
});

describe('parseFilter — a sub-attribute after a value filter (Microsoft tooling, outside the §3.4.2.2 ABNF)', () => {
  const log = () => new ToleranceLog();

  it.each(['emails[type eq "work"].value eq "a@x.test"', 'emails[type eq "work"].value pr'])('strict (the default) refuses %s with 400 invalidFilter', (filter) => {
    const e = errorOf(() => parseFilter(filter));
    expect([e.status, e.scimType]).toEqual([400, 'invalidFilter']);
    const alsoStrict = errorOf(() => parseFilter(filter, { mode: 'strict', tolerances: log() }));
    expect(alsoStrict.scimType).toBe('invalidFilter');
  });

  it.each([
    ['emails[type eq "work"].value eq "a@x.test"', 'emails[(type eq "work" and value eq "a@x.test")]'],
    ['emails[type eq "work"].value pr', 'emails[(type eq "work" and value pr)]'],
    ['EMAILS[type eq "work" or primary eq true].Value co "x" and active eq true', '(EMAILS[((type eq "work" or primary eq true) and Value co "x")] and active eq true)'],
    ['not (addresses[type eq "home"].locality eq "Oslo")', 'not (addresses[(type eq "home" and locality eq "Oslo")])'],
  ])('lenient reads %s as %s and records the tolerance', (filter, canonical) => {
    const tolerances = log();
    expect(formatFilter(parseFilter(filter, { mode: 'lenient', tolerances }))).toBe(canonical);
    expect(tolerances.list.map((t) => t.code)).toEqual(['lenient/value-path-sub-attribute-filter']);
  });

  it('lenient records nothing for a filter inside the ABNF', () => {
    const tolerances = log();
    parseFilter('emails[type eq "work" and value eq "a"]', { mode: 'lenient', tolerances });
    expect(tolerances.list).toEqual([]);
  });

  it.each([
    ['emails[type eq "work"].', 'end of the filter'],
    ['emails[type eq "work"].value', 'end of the filter'],
    ['emails[type eq "work"].value.x eq "a"', "'value.x'"],
    ['emails[type eq "work"].urn:x:value eq "a"', "'urn:x:value'"],
    ['emails[type eq "work"]."value" eq "a"', '"value"'],
  ])('lenient still refuses a malformed tail: %s', (filter, found) => {
    const e = errorOf(() => parseFilter(filter, { mode: 'lenient', tolerances: log() }));
    expect([e.status, e.scimType]).toEqual([400, 'invalidFilter']);
    expect(e.detail).toContain(found);
  });
});
