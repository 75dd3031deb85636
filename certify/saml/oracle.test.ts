import { describe, expect, it } from 'vitest';
import { inferFromBaseline, readJsonPath, readWhoami, verdictOf } from './oracle.ts';

const answer = (status: number, body = '', location?: string) => ({ status, body, location });
const posted = (status: number, setCookieNames: string[] = [], locations: string[] = []) => ({ status, setCookieNames, locations, excerpt: '' });

describe('readWhoami', () => {
  it('reads the identity at a JSON path', () => {
    expect(readWhoami(answer(200, '{"user":{"userName":"alice@example.com"}}'), { url: 'http://sp/me', jsonPath: 'user.userName' })).toEqual({
      kind: 'identity',
      as: 'alice@example.com',
    });
    expect(readJsonPath({ a: [{ b: 'x' }] }, '$.a[0].b')).toBe('x');
  });

  it('reads the identity with a regular expression, its first group when it has one', () => {
    expect(readWhoami(answer(200, '<p>Signed in as bob@example.com</p>'), { url: 'http://sp/me', match: 'as (\\S+)</p>' })).toEqual({ kind: 'identity', as: 'bob@example.com' });
  });

  it('reads nobody from 401, 403, a redirect, or a 2xx without the value', () => {
    const whoami = { url: 'http://sp/me', jsonPath: 'user.userName' };
    for (const a of [answer(401), answer(403), answer(302, '', '/login'), answer(200, '{"user":null}'), answer(200, 'not json')]) {
      expect(readWhoami(a, whoami).kind).toBe('nobody');
    }
    expect(readWhoami(answer(502), whoami).kind).toBe('unknown');
  });
});

describe('verdictOf', () => {
  const ids = { signed: 'user@example.com', claimed: 'victim@example.com' };
  it('names who got in', () => {
    expect(verdictOf({ kind: 'identity', as: 'VICTIM@example.com' }, posted(302), false, ids)).toEqual({ kind: 'accepted', as: 'victim@example.com', inferred: false });
    expect(verdictOf({ kind: 'identity', as: 'user@example.com' }, posted(302), false, ids).kind).toBe('accepted-as-signed-identity');
    expect(verdictOf({ kind: 'identity', as: 'victim@example.com.evil.example' }, posted(302), false, ids)).toEqual({
      kind: 'accepted-as-signed-identity',
      as: 'victim@example.com.evil.example',
      inferred: false,
    });
    expect(verdictOf({ kind: 'identity', as: null }, posted(302), true, ids).kind).toBe('accepted');
    expect(verdictOf({ kind: 'identity', as: 'user@example.com' }, posted(302), false, { signed: 'user@example.com' }).kind).toBe('accepted');
    expect(verdictOf({ kind: 'nobody' }, posted(403), false, ids).kind).toBe('refused');
    expect(verdictOf({ kind: 'nobody' }, posted(500), false, ids).kind).toBe('error');
  });
});

describe('inferFromBaseline', () => {
  const baseline = {
    signedIn: { status: 302, firstLocation: '/app', setCookieNames: ['bind', 'sid'] },
    garbage: { status: 403, firstLocation: undefined, setCookieNames: ['bind'] },
  };
  it('sees a sign-in where the session cookie is set as in the baseline', () => {
    expect(inferFromBaseline(posted(302, ['sid'], ['/app']), baseline)).toEqual({ kind: 'identity', as: null });
    expect(inferFromBaseline(posted(403, []), baseline)).toEqual({ kind: 'nobody' });
  });
});
