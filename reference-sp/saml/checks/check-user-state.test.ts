import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../config/resolve.ts';
import type { SamlTenantInput } from '../../config/saml-section.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/types.ts';
import { createSpKeys } from '../keys.ts';
import { SamlRejection } from '../rejection.ts';
import type { AcsDeps, AcsState } from '../state.ts';
import { checkUserState } from './check-user-state.ts';
import { writeSignInProfile } from './write-sign-in-profile.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00.000Z') };
const idp = { entityId: 'https://idp.test', ssoUrl: 'https://idp.test/sso', signingCertificates: [createSpKeys('user state test IdP').certificatePem] };
const mapping = { login: 'NameID', email: 'email', firstName: 'givenName', lastName: 'surname' };

describe('check-user-state and write-sign-in-profile under the identity policy', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ path: ':memory:', clock });
    store.ensureTenant('acme');
  });
  afterEach(() => store.close());

  /** Runs the two checks as the pipeline does, for a verified assertion naming `nameId` with `attributes`. */
  async function signIn(nameId: string, attributes: Record<string, string[]>, saml: SamlTenantInput) {
    const cfg = await resolveConfig({ baseUrl: 'http://sp.test', tenants: [{ id: 'acme', saml: { idp, attributeMapping: mapping, ...saml } }] });
    const tenant = cfg.tenants[0]!;
    const state: AcsState = {
      tenant,
      saml: tenant.saml,
      deps: { directory: store } as unknown as AcsDeps,
      now: clock.now(),
      samlResponse: '',
      relayState: undefined,
      signatures: [],
      nameId,
      attributes,
    };
    try {
      for (const check of [checkUserState, writeSignInProfile]) await check.run(state);
    } catch (e) {
      if (e instanceof SamlRejection) return { code: e.code, state };
      throw e;
    }
    return { code: 'accepted', state };
  }
  const provision = (userName: string) =>
    store.insertUser('acme', {
      userName,
      active: true,
      resource: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, name: { givenName: 'Alice', familyName: 'Example' } },
    });

  it.each([
    ['stay-deleted', 'user/deprovisioned'],
    ['jit-recreates', 'accepted'],
  ] as const)('JIT on, a userName SCIM deleted, scimDeletedUsers %s → %s', async (scimDeletedUsers, expected) => {
    store.deleteUser('acme', provision('alice@example.com').id);
    const { code } = await signIn('Alice@example.com', {}, { autoProvisioningEnabled: true, identityPolicy: { scimDeletedUsers } });
    expect(code).toBe(expected);
  });

  it('JIT off, a userName SCIM deleted → user/unknown, whatever the policy', async () => {
    store.deleteUser('acme', provision('alice@example.com').id);
    expect((await signIn('alice@example.com', {}, { autoProvisioningEnabled: false })).code).toBe('user/unknown');
  });

  it('a user SCIM deactivated is refused and stays inactive, JIT on and the profile the sign-in’s', async () => {
    const row = provision('alice@example.com');
    store.replaceUser('acme', row.id, { userName: row.userName, active: false, resource: row.resource });
    const { code } = await signIn('alice@example.com', { surname: ['Smith'] }, { autoProvisioningEnabled: true, identityPolicy: { profile: 'sign-in' } });
    expect(code).toBe('user/inactive');
    expect(store.getUser('acme', row.id)).toMatchObject({ active: false, version: row.version + 1 });
  });

  it.each([
    ['scim', 'Example', undefined],
    ['sign-in', 'Smith', ['familyName']],
  ] as const)('profile %s: the sign-in leaves familyName %s', async (profile, familyName, updated) => {
    const row = provision('alice@example.com');
    const { code, state } = await signIn('ALICE@example.com', { givenName: ['Alice'], surname: ['Smith'] }, { identityPolicy: { profile } });
    expect(code).toBe('accepted');
    expect(state.profileUpdated).toEqual(updated);
    expect(state.user).toMatchObject({ id: row.id, userName: 'alice@example.com', familyName });
    expect(store.findUserByUserName('acme', 'alice@example.com')?.familyName).toBe(familyName);
  });
});
