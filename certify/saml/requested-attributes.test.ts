import { describe, expect, it } from 'vitest';
import { fieldFor, misspell } from './requested-attributes.ts';

describe('fieldFor', () => {
  it.each([
    ['email', 'email'],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'email'],
    ['firstName', 'givenName'],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'givenName'],
    ['lastName', 'surname'],
    ['urn:oid:2.5.4.4', 'surname'],
    ['displayName', 'displayName'],
    ['http://schemas.microsoft.com/ws/2008/06/identity/claims/groups', 'groups'],
    ['login', 'login'],
  ])('%s → %s', (name, field) => {
    expect(fieldFor(name)).toBe(field);
  });
});

describe('misspell', () => {
  it('swaps the last two letters, which no case-insensitive match forgives', () => {
    expect(misspell('email')).toBe('emali');
    expect(misspell('firstName')).toBe('firstNaem');
    expect(misspell('x')).toBe('xx');
    expect(misspell('uid00')).toBe('uid00x');
  });
});
