/*
 * - with the tenant's identityPolicy.profile 'sign-in', the profile attributes the assertion carries (email,
 *   first and last name, display name, through attributeMapping) are written onto the existing user's SCIM
 *   resource (RFC 7643 §4.1.1–4.1.2), so the IdP's assertion wins until the next SCIM update; an attribute the
 *   assertion does not carry is left as it is
 * - with 'scim' (the default) nothing is written: the profile is the SCIM client's (../../config/identity-policy.ts)
 * - userName is never written (the login matched it case-insensitively; SCIM clients match users by it), and a
 *   user just created by JIT already has this profile
 * After check-user-state: only an active, known user's profile is ever written.
 */
import type { Check } from '../state.ts';
import { mappedProfile } from './check-user-state.ts';

export const writeSignInProfile: Check = {
  name: 'write-sign-in-profile',
  run(state) {
    const user = state.user;
    if (!user || state.userCreated || state.saml.identityPolicy.profile !== 'sign-in') return;
    const changed = state.deps.directory.updateProfile(state.tenant.id, user.id, mappedProfile(state));
    if (changed.length === 0) return;
    state.profileUpdated = changed;
    state.user = state.deps.directory.findUserByUserName(state.tenant.id, user.userName) ?? user;
  },
};
