/*
 * The sign-in itself, by the rules both protocols share (../../sign-in/): the mapped login names an active user
 * of the tenant or is created by JIT (user/unknown, user/deprovisioned, user/inactive; user/unknown cites
 * OIDC Core §3.1.3.7, which makes the validated ID token's subject the one signing in), the profile is written
 * as the identity policy says, and groups are synchronised from the mapped groups claim.
 * Last: its writes happen only once every other rule has passed.
 */
import { syncGroups } from '../../sign-in/group-sync.ts';
import { writeSignInProfile } from '../../sign-in/sign-in-profile.ts';
import { signInUser } from '../../sign-in/user-state.ts';
import { reject } from '../rejection.ts';
import type { CallbackCheck } from '../callback-state.ts';

export const signInMappedUser: CallbackCheck = {
  name: 'sign-in-user',
  run(state) {
    const { directory } = state.deps;
    const mapped = state.mapped!;
    const tenantId = state.tenant.id;
    const signedIn = signInUser(directory, tenantId, mapped.login, mapped.profile, state.oidc, reject, 'OIDC Core §3.1.3.7');
    const written = writeSignInProfile(directory, tenantId, signedIn, mapped.profile, state.oidc.identityPolicy);
    state.userCreated = signedIn.created;
    state.profileUpdated = written.changed;
    state.groups = syncGroups(directory, tenantId, written.user.id, state.oidc, mapped.attributes);
    state.user = state.groups ? (directory.findUserByUserName(tenantId, written.user.userName) ?? written.user) : written.user;
  },
};
