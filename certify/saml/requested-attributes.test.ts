import { describe, expect, it } from 'vitest';
import { fieldFor } from './requested-attributes.ts';

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
