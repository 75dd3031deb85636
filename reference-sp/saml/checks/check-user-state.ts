/*
 * - the login (the mapped attribute or the NameID) must name a user of this tenant, or be created by
 *   just-in-time provisioning; never a userName SCIM deleted; never an inactive user (user/unknown,
 *   user/deprovisioned, user/inactive): the rules both protocols share, in ../../sign-in/user-state.ts
 * - user/unknown cites saml-profiles §4.1.4.2 (the assertion's Subject names the principal)
 * Last in the pipeline: JIT creation is a side effect and happens only once every other rule has passed.
 */
import type { SignInProfile } from '../../sign-in/user-state.ts';
import { signInUser } from '../../sign-in/user-state.ts';
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
export function mappedProfile(state: AcsState): SignInProfile {
  const m = state.saml.attributeMapping;
  return { email: mappedValue(state, m.email), givenName: mappedValue(state, m.firstName), familyName: mappedValue(state, m.lastName), displayName: mappedValue(state, m.name) };
}

export const checkUserState: Check = {
  name: 'check-user-state',
  run(state) {
    const signedIn = signInUser(state.deps.directory, state.tenant.id, loginOf(state), mappedProfile(state), state.saml, reject, 'saml-profiles §4.1.4.2');
    if (signedIn.created) state.userCreated = true;
    state.user = signedIn.user;
  },
};
