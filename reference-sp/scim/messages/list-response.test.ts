import { describe, expect, it } from 'vitest';
import { LIST_RESPONSE_SCHEMA, listResponse, paginate } from './list-response.ts';

describe('ListResponse (RFC 7644 §3.4.2)', () => {
  it('carries totalResults, startIndex, itemsPerPage and Resources', () => {
    expect(listResponse({ resources: [{ id: 'a' }, { id: 'b' }], totalResults: 7, startIndex: 3 })).toEqual({
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: 7,
      startIndex: 3,
      itemsPerPage: 2,
      Resources: [{ id: 'a' }, { id: 'b' }],
    });
  });

  it('an empty result still has an empty Resources array', () => {
    expect(listResponse({ resources: [], totalResults: 0, startIndex: 1 })).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
  });
});

describe('paginate (§3.4.2.4)', () => {
  const all = [1, 2, 3, 4, 5];
  it.each([
    [1, 2, [1, 2]],
    [3, 2, [3, 4]],
    [5, 10, [5]],
    [6, 2, []],
    [1, 0, []],
    [0, 2, [1, 2]],
    [-4, 1, [1]],
    [2, -1, []],
  ])('startIndex %i count %i', (startIndex, count, expected) => {
    expect(paginate(all, startIndex, count)).toEqual(expected);
  });
});
