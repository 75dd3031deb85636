import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../limits.ts';
import { ScimError, type ScimType } from './errors.ts';
import { checkRequestJson } from './request-json.ts';

function failure(fn: () => unknown): [number, ScimType | undefined] | 'ok' {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return [e.status, e.scimType];
    throw e;
  }
  return 'ok';
}

const nest = (levels: number, leaf: unknown = 'x'): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

describe('checkRequestJson: depth (invalidSyntax) and well-formed Unicode (invalidValue)', () => {
  it.each<[string, unknown, ReturnType<typeof failure>]>([
    ['an ordinary resource', { schemas: ['x'], emails: [{ value: 'a@b', primary: true }], n: 1, z: null }, 'ok'],
    [`${MAX_JSON_DEPTH} levels`, nest(MAX_JSON_DEPTH), 'ok'],
    [`${MAX_JSON_DEPTH + 1} levels`, nest(MAX_JSON_DEPTH + 1), [400, 'invalidSyntax']],
    ['100,000 levels (iterative: no stack overflow)', nest(100_000), [400, 'invalidSyntax']],
    ['a lone high surrogate in a value', { a: ['ok', 'x\ud800'] }, [400, 'invalidValue']],
    ['a lone low surrogate in a value', { a: '\udc00y' }, [400, 'invalidValue']],
    ['a lone surrogate in a key', { ['k\udbff']: 1 }, [400, 'invalidValue']],
    ['a surrogate pair', { a: '😀', ['😀']: '\ud83d\ude00' }, 'ok'],
  ])('%s', (_name, value, expected) => {
    expect(failure(() => checkRequestJson(value))).toEqual(expected);
  });
});
