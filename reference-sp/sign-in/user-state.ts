/*
 * Who signs in, for both protocols (the SAML ACS's check-user-state and the OIDC callback call this):
 * - the login (the mapped attribute or claim) must name a user of this tenant, matched case-insensitively
 *   (RFC 7643 §4.1.1: userName caseExact false) (user/unknown); a sign-in never rewrites the stored userName
 * - unless the tenant enables just-in-time provisioning (autoProvisioningEnabled): then the unknown user is
 *   created from the mapped profile, with a display name from its first and last names when none was sent
 * - but not a userName SCIM deleted (RFC 7644 §3.6), unless identityPolicy.scimDeletedUsers is 'jit-recreates'
 *   (user/deprovisioned): only the SCIM client brings that account back (../config/identity-policy.ts)
 * - the user must be active: a user deactivated over SCIM cannot sign in, and a sign-in never re-activates it,
 *   JIT or not (RFC 7643 §4.1.1 "active") (user/inactive)
 * The caller turns a refusal into its protocol's rejection (`refuse`) and adds its own spec section for
 * user/unknown (the protocol says who the subject is; the store says whether it may sign in).
 */
import type { IdentityPolicy } from '../config/identity-policy.ts';
import type { SsoDirectory, SsoUser } from '../store/sso-directory.ts';
import type { RejectionDetail, UserStateCode } from './rejection.ts';

/** The profile a sign-in carries, through the tenant's mapping (undefined: not sent). */
export interface SignInProfile {
  readonly email: string | undefined;
  readonly givenName: string | undefined;
  readonly familyName: string | undefined;
  readonly displayName: string | undefined;
}

export interface UserStatePolicy {
  readonly autoProvisioningEnabled: boolean;
  readonly identityPolicy: IdentityPolicy;
}

export interface SignInUser {
  readonly user: SsoUser;
  /** Created just now by just-in-time provisioning. */
  readonly created: boolean;
}

export function signInUser(
  directory: SsoDirectory,
  tenantId: string,
  login: string,
  profile: SignInProfile,
  policy: UserStatePolicy,
  refuse: (code: UserStateCode, detail: RejectionDetail) => Error,
  unknownUserSpec: string,
): SignInUser {
  let user = directory.findUserByUserName(tenantId, login);
  let created = false;
  if (!user) {
    if (!policy.autoProvisioningEnabled) {
      throw refuse('user/unknown', { message: `no user "${login}" in this tenant and just-in-time provisioning is off`, actual: login, spec: unknownUserSpec });
    }
    if (policy.identityPolicy.scimDeletedUsers === 'stay-deleted' && directory.wasDeletedOverScim(tenantId, login)) {
      throw refuse('user/deprovisioned', { message: `user "${login}" was deleted over SCIM and is not re-created at sign-in`, actual: login, spec: 'RFC 7644 §3.6' });
    }
    // A new user gets a display name even when the IdP sends none: its first and last names.
    const displayName = profile.displayName ?? ([profile.givenName, profile.familyName].filter(Boolean).join(' ') || undefined);
    user = directory.createUser(tenantId, { userName: login, ...profile, displayName });
    created = true;
  }
  if (!user.active) throw refuse('user/inactive', { message: `user "${user.userName}" is inactive`, actual: user.userName, spec: 'RFC 7643 §4.1.1' });
  return { user, created };
}
