/*
 * - with the tenant's identityPolicy.profile 'sign-in', the profile attributes the assertion carries are written
 *   onto the existing user's SCIM resource; with 'scim' (the default) nothing is written; userName never is:
 *   the rule both protocols share, in ../../sign-in/sign-in-profile.ts
 * After check-user-state: only an active, known user's profile is ever written.
 */
import { writeSignInProfile as writeProfile } from '../../sign-in/sign-in-profile.ts';
import type { Check } from '../state.ts';
import { mappedProfile } from './check-user-state.ts';

export const writeSignInProfile: Check = {
  name: 'write-sign-in-profile',
  run(state) {
    const user = state.user;
    if (!user) return;
    const written = writeProfile(state.deps.directory, state.tenant.id, { user, created: state.userCreated === true }, mappedProfile(state), state.saml.identityPolicy);
    if (written.changed.length === 0) return;
    state.profileUpdated = written.changed;
    state.user = written.user;
  },
};
