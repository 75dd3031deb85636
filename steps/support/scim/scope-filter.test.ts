import { describe, expect, it } from 'vitest';
import { hasTopLevelOr, scopeFilter } from './scope-filter.ts';

describe('hasTopLevelOr', () => {
  it.each([
    ['title eq "a" or nickName pr', true],
    ['title eq "a" OR nickName pr', true],
    ['title eq "a" and nickName pr', false],
    ['not (title eq "a" or title eq "b")', false],
    ['emails[type eq "work" or type eq "home"]', false],
    ['title eq "x or y"', false],
    ['title eq "say \\"or\\" " and nickName pr', false],
    ['title eq "a" or (title sw "b" and nickName pr)', true],
  ])('%s → %s', (filter, expected) => expect(hasTopLevelOr(filter)).toBe(expected));
});

describe('scopeFilter', () => {
  it('scopes without parentheses when and-ing cannot change the meaning', () => {
    expect(scopeFilter('p-', 'not (title sw "E")')).toBe('not (title sw "E") and userName sw "p-"');
  });
  it('wraps a top-level or', () => {
    expect(scopeFilter('p-', 'a pr or b pr')).toBe('(a pr or b pr) and userName sw "p-"');
  });
  it('is the scope alone without a filter', () => {
    expect(scopeFilter('p-')).toBe('userName sw "p-"');
  });
});
