import { describe, expect, it } from 'vitest';
import { ScimError } from '../types/errors.ts';
import type { JsonObject } from './json.ts';
import { CORE_GROUP, CORE_USER, ENTERPRISE, NINJAONE_SCHEMA_ID, registryWithNinjaOne } from './test-fixtures.ts';

const registry = registryWithNinjaOne();

const user: JsonObject = {
  schemas: [CORE_USER, ENTERPRISE, NINJAONE_SCHEMA_ID],
  id: 'u1',
  externalId: 'ext-1',
  userName: 'bjensen',
  password: 'never returned',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [
    { value: 'b@example.com', type: 'work', primary: true },
    { value: 'b@home.org', type: 'home' },
  ],
  meta: { resourceType: 'User', version: 'W/"1"' },
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'm1', displayName: 'Boss' } },
  [NINJAONE_SCHEMA_ID]: { organizationId: 'all' },
};

const keys = (o: JsonObject) => Object.keys(o).sort();

describe('project (RFC 7644 §3.4.2.5, RFC 7643 §7 returned)', () => {
  it('returns the default set without password (returned never)', () => {
    const out = registry.project(user, {}, 'User');
    expect(out['password']).toBeUndefined();
    expect(keys(out)).toEqual(keys(user).filter((k) => k !== 'password'));
  });

  it('attributes: only the named ones plus id and schemas (returned always)', () => {
    const out = registry.project(user, { attributes: 'userName,NAME.givenName' }, 'User');
    expect(out).toEqual({ schemas: user['schemas'], id: 'u1', userName: 'bjensen', name: { givenName: 'Barbara' } });
  });

  it('attributes: a sub-attribute of a multi-valued attribute', () => {
    expect(registry.project(user, { attributes: ['emails.value'] }, 'User')['emails']).toEqual([{ value: 'b@example.com' }, { value: 'b@home.org' }]);
  });

  it('attributes: URN-qualified attribute and whole extension', () => {
    expect(registry.project(user, { attributes: [`${ENTERPRISE}:manager.value`] }, 'User')).toEqual({
      schemas: user['schemas'],
      id: 'u1',
      [ENTERPRISE]: { manager: { value: 'm1' } },
    });
    expect(registry.project(user, { attributes: [NINJAONE_SCHEMA_ID] }, 'User')).toEqual({
      schemas: user['schemas'],
      id: 'u1',
      [NINJAONE_SCHEMA_ID]: { organizationId: 'all' },
    });
  });

  it('attributes: password is never returned even when asked for', () => {
    expect(registry.project(user, { attributes: ['password'] }, 'User')['password']).toBeUndefined();
  });

  it('excludedAttributes: removes the named ones but never id', () => {
    const out = registry.project(user, { excludedAttributes: 'emails,id,name.familyName,' + ENTERPRISE }, 'User');
    expect(out['emails']).toBeUndefined();
    expect(out[ENTERPRISE]).toBeUndefined();
    expect(out['id']).toBe('u1');
    expect(out['name']).toEqual({ givenName: 'Barbara' });
    expect(out['userName']).toBe('bjensen');
  });

  it('excludedAttributes=members on a group (Entra and Okta ask for this)', () => {
    const group = { schemas: [CORE_GROUP], id: 'g1', displayName: 'Admins', members: [{ value: 'u1' }], meta: { resourceType: 'Group' } };
    expect(registry.project(group, { excludedAttributes: 'members' }, 'Group')).toEqual({
      schemas: [CORE_GROUP],
      id: 'g1',
      displayName: 'Admins',
      meta: { resourceType: 'Group' },
    });
  });

  it('ignores unknown names and refuses malformed ones', () => {
    expect(registry.project(user, { attributes: 'nope' }, 'User')).toEqual(registry.project(user, {}, 'User'));
    expect(() => registry.project(user, { attributes: 'name.a.b' }, 'User')).toThrow(ScimError);
  });

  it('does not modify its input', () => {
    const before = structuredClone(user);
    registry.project(user, { attributes: 'emails.value' }, 'User');
    expect(user).toEqual(before);
  });
});
