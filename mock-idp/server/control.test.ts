import { describe, expect, it } from 'vitest';
import { MockIdpControl } from './control.ts';
import { loadIdpKeys } from '../saml/keys/key-store.ts';
import { NAMEID_FORMAT } from '../saml/namespaces.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const control = new MockIdpControl({ baseUrl: 'http://idp', entityId: 'http://idp/metadata', clock, keys: loadIdpKeys({ clock }), pendingTtlMs: 1000, sessionTtlMs: 60_000 });
const bob: DirectoryUser = { id: 'oid-1', email: 'bob@example.com', givenName: 'Bob', surname: 'B', displayName: 'Bob B', login: 'bob@corp', groups: [] };
control.addUser(bob);

describe('NameID choice', () => {
  it.each([
    ['entra', undefined, undefined, 'bob@corp', 'emailAddress'],
    ['entra', undefined, NAMEID_FORMAT.emailAddress, 'bob@corp', 'emailAddress'],
    ['okta', undefined, undefined, 'bob@corp', 'unspecified'],
    ['okta', undefined, NAMEID_FORMAT.emailAddress, 'bob@example.com', 'emailAddress'],
    ['jumpcloud', 'persistent', undefined, 'oid-1', 'persistent'],
    ['onelogin', undefined, NAMEID_FORMAT.persistent, 'oid-1', 'persistent'],
  ] as const)('%s, registered %s, requested %s → %s (%s)', (preset, nameIdFormat, requested, value, format) => {
    const sp = control.registerSp({ entityId: `urn:${preset}`, acs: 'https://sp/acs', preset, nameIdFormat });
    expect(control.nameIdFor(sp, bob, requested)).toEqual({ value, format: NAMEID_FORMAT[format] });
  });

  it('transient NameIDs are fresh each time', () => {
    const sp = control.registerSp({ entityId: 'urn:t', acs: 'https://sp/acs', nameIdFormat: 'transient' });
    const a = control.nameIdFor(sp, bob).value;
    expect(a).toMatch(/^_[0-9a-f]{32}$/);
    expect(control.nameIdFor(sp, bob).value).not.toBe(a);
  });

  it('attribute release keeps only the named attributes', () => {
    const sp = control.registerSp({ entityId: 'urn:r', acs: 'https://sp/acs', preset: 'okta', attributeRelease: ['email'] });
    expect(control.attributesFor(sp, bob).map((a) => a.name)).toEqual(['email']);
  });
});

describe('assignment (Entra "Assignment required?")', () => {
  it('every user may sign in until the app requires assignment; then only assigned users (AADSTS50105)', async () => {
    control.registerSp({ entityId: 'urn:assigned', acs: 'https://sp/acs' });
    await expect(control.idpInitiated({ sp: 'urn:assigned', user: 'bob@corp' })).resolves.toBeDefined();
    control.requireAssignment('urn:assigned');
    await expect(control.idpInitiated({ sp: 'urn:assigned', user: 'bob@corp' })).rejects.toMatchObject({ code: 'user/not-assigned', status: 403 });
    control.assignUser('urn:assigned', 'bob@example.com');
    await expect(control.idpInitiated({ sp: 'urn:assigned', user: 'bob@corp' })).resolves.toBeDefined();
  });

  it('refuses to assign to an SP it does not know, or a user not in the directory', () => {
    expect(() => control.assignUser('urn:nobody', 'bob@corp')).toThrow(expect.objectContaining({ code: 'request/unknown-sp' }));
    control.registerSp({ entityId: 'urn:assign-2', acs: 'https://sp/acs' });
    expect(() => control.assignUser('urn:assign-2', 'mallory@corp')).toThrow(expect.objectContaining({ code: 'user/unknown' }));
  });
});
