import { describe, expect, it } from 'vitest';
import { ENTRA_CLAIMS, ENTRA_SAML_GROUP_LIMIT, entraStatements, PRESETS } from './presets.ts';
import { applyStatements } from './custom-statements.ts';
import type { DirectoryUser } from './directory-user.ts';

const alice: DirectoryUser = {
  id: '11111111-2222-3333-4444-555555555555',
  email: 'alice@example.com',
  givenName: 'Alice',
  surname: 'Liddell',
  displayName: 'Alice Liddell',
  login: 'alice@contoso.example',
  groups: ['Engineering', 'Admins'],
};
const byName = (list: { name: string; values: readonly string[] }[]) => Object.fromEntries(list.map((a) => [a.name, a.values]));

describe('presets', () => {
  it.each([
    ['entra', ENTRA_CLAIMS.emailaddress, ENTRA_CLAIMS.givenname, ENTRA_CLAIMS.surname, ENTRA_CLAIMS.groups],
    ['okta', 'email', 'firstName', 'lastName', 'groups'],
    ['jumpcloud', 'email', 'firstname', 'lastname', 'memberOf'],
    ['onelogin', 'User.email', 'User.FirstName', 'User.LastName', 'memberOf'],
  ] as const)('%s names email, given name, surname and groups as the IdP does', (preset, email, given, sur, groups) => {
    const attrs = byName(PRESETS[preset].attributes(alice));
    expect(attrs[email]).toEqual(['alice@example.com']);
    expect(attrs[given]).toEqual(['Alice']);
    expect(attrs[sur]).toEqual(['Liddell']);
    expect(attrs[groups]).toEqual(['Engineering', 'Admins']);
  });

  it('entra sends name = UPN and no NameFormat', () => {
    const attrs = PRESETS.entra.attributes(alice);
    expect(byName(attrs)[ENTRA_CLAIMS.name]).toEqual(['alice@contoso.example']);
    expect(attrs.every((a) => a.nameFormat === undefined)).toBe(true);
  });

  it.each([
    [ENTRA_SAML_GROUP_LIMIT, true],
    [ENTRA_SAML_GROUP_LIMIT + 1, false],
  ])('entra with %d groups sends the groups claim: %s (else groups.link)', (count, sendsGroups) => {
    const groups = Array.from({ length: count }, (_, i) => `group-${i}`);
    const attrs = byName(PRESETS.entra.attributes({ ...alice, groups }, { tenantId: 'tid' }));
    expect(ENTRA_CLAIMS.groups in attrs).toBe(sendsGroups);
    expect(ENTRA_CLAIMS.groupsLink in attrs).toBe(!sendsGroups);
    if (sendsGroups) expect(attrs[ENTRA_CLAIMS.groups]).toHaveLength(count);
    else expect(attrs[ENTRA_CLAIMS.groupsLink]).toEqual([`https://graph.windows.net/tid/users/${alice.id}/getMemberObjects`]);
  });

  it.each([
    [ENTRA_SAML_GROUP_LIMIT, true],
    [ENTRA_SAML_GROUP_LIMIT + 1, false],
  ])('an Entra app whose groups claim is renamed, with %d groups, sends it: %s (else groups.link)', (count, sendsGroups) => {
    const groups = Array.from({ length: count }, (_, i) => `group-${i}`);
    const statements = [
      { name: 'login', from: 'login' as const },
      { name: 'groups', from: 'groups' as const },
    ];
    const attrs = byName(entraStatements({ ...alice, groups }, statements, { tenantId: 'tid' }));
    expect(attrs['login']).toEqual([alice.login]);
    expect('groups' in attrs).toBe(sendsGroups);
    expect(ENTRA_CLAIMS.groupsLink in attrs).toBe(!sendsGroups);
    if (!sendsGroups) expect(attrs[ENTRA_CLAIMS.groupsLink]).toEqual([`https://graph.windows.net/tid/users/${alice.id}/getMemberObjects`]);
  });

  it('custom statements take values from user fields or constants', () => {
    const attrs = applyStatements(alice, [
      { name: 'email', from: 'email', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic' },
      { name: 'firstName', from: 'givenName' },
      { name: 'role', value: ['admin', 'user'] },
    ]);
    expect(byName(attrs)).toEqual({ email: ['alice@example.com'], firstName: ['Alice'], role: ['admin', 'user'] });
    expect(attrs[0]!.nameFormat).toBe('urn:oasis:names:tc:SAML:2.0:attrname-format:basic');
  });
});
