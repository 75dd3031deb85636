import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import type { Store } from '../types.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00.000Z') };
const scimUser = (userName: string, resource: Record<string, unknown> = {}) => ({
  userName,
  active: true,
  resource: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, ...resource },
});

describe('SsoDirectory over the SCIM store: what SSO and SCIM agree on', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ path: ':memory:', clock });
    store.ensureTenant('acme');
    store.ensureTenant('globex');
  });
  afterEach(() => store.close());

  describe('wasDeletedOverScim (RFC 7644 §3.6)', () => {
    it('remembers a userName SCIM deleted, case-insensitively and per tenant', () => {
      const alice = store.insertUser('acme', scimUser('Alice@Example.com'));
      expect(store.wasDeletedOverScim('acme', 'alice@example.com')).toBe(false);
      store.deleteUser('acme', alice.id);
      expect(store.wasDeletedOverScim('acme', 'ALICE@example.com')).toBe(true);
      expect(store.wasDeletedOverScim('globex', 'alice@example.com')).toBe(false);
    });

    it('forgets it once a user of that name is created again, as a new account', () => {
      const first = store.insertUser('acme', scimUser('alice@example.com'));
      store.deleteUser('acme', first.id);
      const again = store.insertUser('acme', scimUser('Alice@example.com'));
      expect(again.id).not.toBe(first.id);
      expect(store.wasDeletedOverScim('acme', 'alice@example.com')).toBe(false);
    });

    it('is false for a userName never provisioned', () => {
      expect(store.wasDeletedOverScim('acme', 'nobody@example.com')).toBe(false);
    });
  });

  describe('updateProfile (RFC 7643 §4.1.1–4.1.2)', () => {
    const provisioned = () =>
      store.insertUser(
        'acme',
        scimUser('alice@example.com', {
          name: { givenName: 'Alice', familyName: 'Example', formatted: 'Alice Example' },
          emails: [
            { value: 'home@example.org', type: 'home' },
            { value: 'alice@example.com', type: 'work', primary: true },
          ],
        }),
      );

    it('writes only the fields that differ and answers their names', () => {
      const row = provisioned();
      expect(store.updateProfile('acme', row.id, { givenName: 'Alice', familyName: 'Smith', email: 'alice.smith@example.com' })).toEqual(['familyName', 'email']);
      const after = store.getUser('acme', row.id)!;
      expect(after.version).toBe(row.version + 1);
      expect(after.userName).toBe('alice@example.com');
      expect(after.resource['name']).toEqual({ givenName: 'Alice', familyName: 'Smith', formatted: 'Alice Example' });
      expect(after.resource['emails']).toEqual([
        { value: 'home@example.org', type: 'home' },
        { value: 'alice.smith@example.com', type: 'work', primary: true },
      ]);
      expect(store.findUserByUserName('acme', 'alice@example.com')?.email).toBe('alice.smith@example.com');
    });

    it('writes nothing when nothing differs or nothing is given: meta.version stays', () => {
      const row = provisioned();
      expect(store.updateProfile('acme', row.id, { givenName: 'Alice', familyName: 'Example', email: 'alice@example.com' })).toEqual([]);
      expect(store.updateProfile('acme', row.id, {})).toEqual([]);
      expect(store.getUser('acme', row.id)!.version).toBe(row.version);
    });

    it('adds a primary work email to a user without one', () => {
      const row = store.insertUser('acme', scimUser('bob@example.com'));
      expect(store.updateProfile('acme', row.id, { email: 'bob@example.com', displayName: 'Bob' })).toEqual(['displayName', 'email']);
      expect(store.getUser('acme', row.id)!.resource['emails']).toEqual([{ value: 'bob@example.com', type: 'work', primary: true }]);
    });

    it("refuses a user of another tenant with the store's typed error", () => {
      const row = provisioned();
      expect(() => store.updateProfile('globex', row.id, { familyName: 'Smith' })).toThrow(expect.objectContaining({ code: 'not-found/member' }));
    });
  });
});
