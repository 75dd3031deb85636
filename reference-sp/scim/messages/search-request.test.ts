import { describe, expect, it } from 'vitest';
import { ScimError, type ScimType } from '../types/errors.ts';
import { parseSearchBody, parseSearchQuery, SEARCH_REQUEST_SCHEMA } from './search-request.ts';

const limits = { defaultCount: 100, maxCount: 200 };

function failure(fn: () => unknown): [number, ScimType | undefined] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return [e.status, e.scimType];
    throw e;
  }
  throw new Error('expected a ScimError');
}

describe('parseSearchQuery (RFC 7644 §3.4.2)', () => {
  it('applies the defaults', () => {
    expect(parseSearchQuery({}, limits)).toEqual({ sortOrder: 'ascending', startIndex: 1, count: 100 });
  });

  it('parses every parameter', () => {
    const q = parseSearchQuery(
      {
        filter: 'userName eq "bjensen"',
        attributes: 'userName, name.givenName',
        sortBy: 'meta.created',
        sortOrder: 'Descending',
        startIndex: '11',
        count: '5',
      },
      limits,
    );
    expect(q).toMatchObject({
      filterText: 'userName eq "bjensen"',
      attributes: ['userName', 'name.givenName'],
      sortBy: 'meta.created',
      sortOrder: 'descending',
      startIndex: 11,
      count: 5,
    });
    expect(q.filter).toEqual({ kind: 'compare', op: 'eq', value: 'bjensen', path: { attribute: 'userName' } });
  });

  it.each([
    [{ startIndex: '0' }, 'startIndex', 1],
    [{ startIndex: '-5' }, 'startIndex', 1],
    [{ count: '-1' }, 'count', 0],
    [{ count: '0' }, 'count', 0],
    [{ count: '1000' }, 'count', 200],
    [{ count: '99999999999999999999' }, 'count', 200],
    [{ startIndex: '' }, 'startIndex', 1],
  ] as const)('%j → %s %i', (query, key, value) => {
    expect(parseSearchQuery(query, limits)[key]).toBe(value);
  });

  it.each<[Record<string, unknown>, ScimType]>([
    [{ filter: 'userName eq' }, 'invalidFilter'],
    [{ filter: '' }, 'invalidFilter'],
    [{ attributes: 'userName', excludedAttributes: 'emails' }, 'invalidSyntax'],
    [{ sortOrder: 'up' }, 'invalidValue'],
    [{ sortBy: 'name..x' }, 'invalidValue'],
    [{ startIndex: 'one' }, 'invalidValue'],
    [{ count: '1.5' }, 'invalidValue'],
    [{ count: ['1', '2'] }, 'invalidValue'],
    [{ attributes: 'name.a.b' }, 'invalidValue'],
  ])('%j → 400 %s', (query, scimType) => {
    expect(failure(() => parseSearchQuery(query, limits))).toEqual([400, scimType]);
  });

  it('accepts a URN naming a whole extension in attributes', () => {
    expect(parseSearchQuery({ excludedAttributes: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' }, limits).excludedAttributes).toEqual([
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
  });
});

describe('parseSearchBody (RFC 7644 §3.4.3)', () => {
  it('parses a SearchRequest', () => {
    expect(
      parseSearchBody(
        {
          schemas: [SEARCH_REQUEST_SCHEMA],
          attributes: ['displayName', 'userName'],
          filter: 'displayName sw "smith"',
          startIndex: 1,
          count: 10,
        },
        limits,
      ),
    ).toMatchObject({ attributes: ['displayName', 'userName'], startIndex: 1, count: 10, filterText: 'displayName sw "smith"' });
  });

  it.each<[unknown, ScimType]>([
    ['filter=x', 'invalidSyntax'],
    [{ filter: 'userName pr' }, 'invalidSyntax'],
    [{ schemas: [SEARCH_REQUEST_SCHEMA], filter: 5 }, 'invalidFilter'],
    [{ schemas: [SEARCH_REQUEST_SCHEMA], attributes: ['a'], excludedAttributes: ['b'] }, 'invalidSyntax'],
    [{ schemas: [SEARCH_REQUEST_SCHEMA], attributes: [1] }, 'invalidValue'],
    [{ schemas: [SEARCH_REQUEST_SCHEMA], count: 'ten' }, 'invalidValue'],
    [{ schemas: [SEARCH_REQUEST_SCHEMA], sortOrder: 'sideways' }, 'invalidValue'],
  ])('%j → 400 %s', (body, scimType) => {
    expect(failure(() => parseSearchBody(body, limits))).toEqual([400, scimType]);
  });

  it('clamps startIndex and count like the query form', () => {
    expect(parseSearchBody({ schemas: [SEARCH_REQUEST_SCHEMA], startIndex: -3, count: -3 }, limits)).toMatchObject({ startIndex: 1, count: 0 });
  });
});
