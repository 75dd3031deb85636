/*
 * The profile a sign-in writes, for both protocols (the SAML ACS's write-sign-in-profile check and the OIDC
 * callback call this):
 * - with the tenant's identityPolicy.profile 'sign-in', the profile the sign-in carries (email, first and last
 *   name, display name, through the tenant's mapping) is written onto the existing user's SCIM resource
 *   (RFC 7643 §4.1.1–4.1.2), so the IdP wins until the next SCIM update; a value not sent is left as it is
 * - with 'scim' (the default) nothing is written: the profile is the SCIM client's (../config/identity-policy.ts)
 * - userName is never written, and a user just created by JIT already has this profile
 * Called after ./user-state.ts: only an active, known user's profile is ever written.
 */
import type { IdentityPolicy } from '../config/identity-policy.ts';
import type { SsoDirectory, SsoUser } from '../store/sso-directory.ts';
import type { SignInProfile, SignInUser } from './user-state.ts';

export interface ProfileWrite {
  readonly user: SsoUser;
  /** The profile fields written (empty: none). */
  readonly changed: readonly string[];
}

export function writeSignInProfile(directory: SsoDirectory, tenantId: string, signedIn: SignInUser, profile: SignInProfile, policy: IdentityPolicy): ProfileWrite {
  const { user, created } = signedIn;
  if (created || policy.profile !== 'sign-in') return { user, changed: [] };
  const changed = directory.updateProfile(tenantId, user.id, profile);
  if (changed.length === 0) return { user, changed };
  return { user: directory.findUserByUserName(tenantId, user.userName) ?? user, changed };
}
