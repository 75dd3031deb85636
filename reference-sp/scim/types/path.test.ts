import { describe, expect, it } from 'vitest';
import cases from './path-cases.json' with { type: 'json' };
import { ScimError } from './errors.ts';
import { formatPath, parsePath } from './path.ts';

describe('parsePath (RFC 7644 §3.5.2) — valid paths', () => {
  it.each(cases.valid.map((c) => [c.path, c.canonical]))('%s', (path, canonical) => {
    const p = parsePath(path!);
    expect(formatPath(p)).toBe(canonical);
    expect(parsePath(canonical!)).toEqual(p);
  });

  it('separates attribute, filter and trailing sub-attribute', () => {
    expect(parsePath('emails[type eq "work"].value')).toEqual({
      attrPath: { attribute: 'emails' },
      filter: { kind: 'compare', op: 'eq', value: 'work', path: { attribute: 'type' } },
      subAttribute: 'value',
    });
    expect(parsePath('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value')).toEqual({
      attrPath: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'manager', subAttribute: 'value' },
    });
  });
});

describe('parsePath — invalid paths', () => {
  it.each(cases.invalid.map((c) => [c.path, c.scimType]))('%j → %s', (path, scimType) => {
    let caught: unknown;
    try {
      parsePath(path!);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect((caught as ScimError).status).toBe(400);
    expect((caught as ScimError).scimType).toBe(scimType);
  });
});
