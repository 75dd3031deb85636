/*
 * The tenant's identity policy (`saml.identityPolicy`): what a SAML sign-in may write when SCIM provisions the
 * same users. Both protocols act on one user store (../store/sso-directory.ts); without a stated owner the last
 * writer wins, and the SCIM client's next cycle silently undoes what a sign-in wrote (or the other way round).
 *
 * - profile: who owns the profile (emails, name.givenName, name.familyName, displayName) of an existing user.
 *   'scim': a sign-in reads the assertion's attributes and never writes them (RFC 7643 §4.1: the SCIM client
 *   is the provisioning source). 'sign-in': each sign-in writes the mapped attributes the assertion carries
 *   onto the profile, so the IdP's assertion wins until the next SCIM update.
 * - groups: who owns group memberships. 'scim': groups are provisioned over SCIM (RFC 7643 §4.2) and a sign-in
 *   never rewrites them, even when groupSync is enabled (the sync is skipped and says so). 'sign-in': groupSync
 *   (when enabled) resets memberships at each sign-in.
 * - scimDeletedUsers: what just-in-time provisioning does for a userName that SCIM deleted (RFC 7644 §3.6).
 *   'stay-deleted': the sign-in is refused (`user/deprovisioned`) until SCIM provisions the user again, which
 *   creates a new account. 'jit-recreates': JIT creates a new account for it.
 * Fixed, whatever the policy: userName is matched case-insensitively and never rewritten by a sign-in (RFC 7643
 * §4.1.1 caseExact false; SCIM clients match users by it), and a sign-in never re-activates a user SCIM
 * deactivated (`user/inactive`): an assertion says who authenticated, not whether the account is enabled.
 * Defaults (./defaults.ts) keep what the SP did before the policy existed, except that a deleted user is no
 * longer re-created at sign-in.
 */

/** Which protocol owns a part of the user: SCIM provisioning or the SAML sign-in. */
export type IdentitySource = 'scim' | 'sign-in';
export type ScimDeletedUsers = 'stay-deleted' | 'jit-recreates';

export interface IdentityPolicyInput {
  readonly profile?: IdentitySource;
  readonly groups?: IdentitySource;
  readonly scimDeletedUsers?: ScimDeletedUsers;
}

export interface IdentityPolicy {
  readonly profile: IdentitySource;
  readonly groups: IdentitySource;
  readonly scimDeletedUsers: ScimDeletedUsers;
}

const source = { enum: ['scim', 'sign-in'], 'x-expect': 'one of scim, sign-in' } as const;

/** JSON schema for IdentityPolicyInput, embedded in the SAML section's schema. */
export const identityPolicyJsonSchema = {
  type: 'object',
  additionalProperties: false,
  'x-expect': 'an object { profile, groups, scimDeletedUsers }',
  properties: {
    profile: source,
    groups: source,
    scimDeletedUsers: { enum: ['stay-deleted', 'jit-recreates'], 'x-expect': 'one of stay-deleted, jit-recreates' },
  },
} as const;
