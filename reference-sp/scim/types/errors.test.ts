import { describe, expect, it } from 'vitest';
import { ERROR_SCHEMA, ScimError, SCIM_TYPES, type ScimType } from './errors.ts';

describe('ScimError (RFC 7644 §3.12)', () => {
  it('renders the §3.12 body with a string status', () => {
    const e = ScimError.uniqueness('userName taken');
    expect(e.toJSON()).toEqual({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness', detail: 'userName taken' });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e.toJSON());
  });

  it('omits scimType when none is given', () => {
    expect(ScimError.notFound('no such user').toJSON()).toEqual({ schemas: [ERROR_SCHEMA], status: '404', detail: 'no such user' });
  });

  it.each(SCIM_TYPES.map((t) => [t]))('accepts 400 with %s', (t) => {
    expect(new ScimError(400, t, 'x').scimType).toBe(t);
  });

  const illegal: [number, ScimType][] = [
    [404, 'invalidFilter'],
    [409, 'invalidValue'],
    [401, 'uniqueness'],
    [500, 'invalidSyntax'],
    [412, 'invalidVers'],
    [403, 'mutability'],
    [413, 'tooMany'],
    [415, 'invalidSyntax'],
  ];
  it.each(illegal)('refuses status %i with scimType %s', (status, t) => {
    expect(() => new ScimError(status, t, 'x')).toThrow(TypeError);
  });

  it('accepts the RFC pairs outside 400', () => {
    expect(new ScimError(409, 'uniqueness', 'x').status).toBe(409);
    expect(new ScimError(403, 'sensitive', 'x').status).toBe(403);
  });

  it('allows 415 Unsupported Media Type (RFC 9110 §15.5.16) without a scimType', () => {
    expect(ScimError.unsupportedMediaType('text/plain').toJSON()).toEqual({ schemas: [ERROR_SCHEMA], status: '415', detail: 'text/plain' });
  });

  it('refuses statuses outside Table 8 and unknown keywords', () => {
    expect(() => new ScimError(418, undefined, 'x')).toThrow(TypeError);
    expect(() => new ScimError(400, 'bogus' as ScimType, 'x')).toThrow(TypeError);
  });

  it('never exposes the detail of a 5xx', () => {
    const e = ScimError.from(new Error('db path /secret'));
    expect(e.status).toBe(500);
    expect(e.toJSON().detail).not.toContain('secret');
    expect(ScimError.from(ScimError.noTarget('x'))).toBeInstanceOf(ScimError);
  });
});
