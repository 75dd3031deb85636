/*
 * - the login (the mapped attribute or the NameID) must name a user of this tenant in the directory, matched
 *   case-insensitively (RFC 7643 §4.1.1: userName caseExact false) (user/unknown); a sign-in never rewrites
 *   the stored userName, whatever case the assertion uses
 * - unless the tenant enables just-in-time provisioning (autoProvisioningEnabled): then the unknown user is
 *   created from the mapped attributes
 * - but not a userName SCIM deleted (RFC 7644 §3.6), unless the tenant's identityPolicy.scimDeletedUsers is
 *   'jit-recreates' (user/deprovisioned): the SCIM client decided that account is gone, and only the SCIM
 *   client brings it back — as a new account (../../config/identity-policy.ts)
 * - the user must be active: a user deactivated over SCIM cannot sign in, and a sign-in never re-activates it,
 *   JIT or not (RFC 7643 §4.1.1 "active") (user/inactive)
 * Last in the pipeline: JIT creation is a side effect and happens only once every other rule has passed.
 */
import { reject } from '../rejection.ts';
import { need, type AcsState, type Check } from '../state.ts';

export function mappedValue(state: AcsState, name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (name === 'NameID') return state.nameId;
  return state.attributes?.[name]?.[0];
}

export function loginOf(state: AcsState): string {
  return need(mappedValue(state, state.saml.attributeMapping.login), 'the login');
}

/** The profile the assertion carries, through the tenant's attribute mapping (undefined: not sent). */
export function mappedProfile(state: AcsState) {
  const m = state.saml.attributeMapping;
  return { email: mappedValue(state, m.email), givenName: mappedValue(state, m.firstName), familyName: mappedValue(state, m.lastName), displayName: mappedValue(state, m.name) };
}

export const checkUserState: Check = {
  name: 'check-user-state',
  run(state) {
    const login = loginOf(state);
    const directory = state.deps.directory;
    let user = directory.findUserByUserName(state.tenant.id, login);
    if (!user) {
      if (!state.saml.autoProvisioningEnabled) {
        throw reject('user/unknown', { message: `no user "${login}" in this tenant and just-in-time provisioning is off`, actual: login, spec: 'saml-profiles §4.1.4.2' });
      }
      if (state.saml.identityPolicy.scimDeletedUsers === 'stay-deleted' && directory.wasDeletedOverScim(state.tenant.id, login)) {
        throw reject('user/deprovisioned', { message: `user "${login}" was deleted over SCIM and is not re-created at sign-in`, actual: login, spec: 'RFC 7644 §3.6' });
      }
      const profile = mappedProfile(state);
      // A new user gets a display name even when the IdP sends none: its first and last names.
      const displayName = profile.displayName ?? ([profile.givenName, profile.familyName].filter(Boolean).join(' ') || undefined);
      user = directory.createUser(state.tenant.id, { userName: login, ...profile, displayName });
      state.userCreated = true;
    }
    if (!user.active) throw reject('user/inactive', { message: `user "${user.userName}" is inactive`, actual: user.userName, spec: 'RFC 7643 §4.1.1' });
    state.user = user;
  },
};
