/*
 * The port through which the SAML side of the reference SP reads and writes users. The SCIM store implements
 * it, so a user provisioned over SCIM is the user who signs in over SAML (and one made inactive or deleted
 * over SCIM is refused at sign-in).
 */

export interface SsoUser {
  readonly id: string;
  readonly tenantId: string;
  readonly userName: string;
  readonly active: boolean;
  readonly email?: string | undefined;
  readonly givenName?: string | undefined;
  readonly familyName?: string | undefined;
  readonly displayName?: string | undefined;
  /** displayName of every group the user is a direct member of. */
  readonly groups: readonly string[];
  /** Users created through SCIM or JIT have no password: they can only sign in by SSO. */
  readonly hasPassword: boolean;
}

export interface NewSsoUser {
  readonly userName: string;
  readonly email?: string | undefined;
  readonly givenName?: string | undefined;
  readonly familyName?: string | undefined;
  readonly displayName?: string | undefined;
}

/** The profile fields a sign-in may write (the tenant's identityPolicy.profile: 'sign-in'). */
export type SsoProfile = Omit<NewSsoUser, 'userName'>;

export interface GroupSyncResult {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface SsoDirectory {
  /** userName is matched case-insensitively (RFC 7643 §4.1.1: userName has caseExact false). */
  findUserByUserName(tenantId: string, userName: string): SsoUser | undefined;
  /** Just-in-time creation at sign-in; only called when the tenant enables it. */
  createUser(tenantId: string, user: NewSsoUser): SsoUser;
  /** Whether a user of this userName (case-insensitive) was deleted over SCIM and none was created since. */
  wasDeletedOverScim(tenantId: string, userName: string): boolean;
  /**
   * Writes the given profile fields (undefined ones are left alone; userName is never changed) onto the user's
   * SCIM resource; answers the names of the fields that changed (none: nothing is written, meta.version stays).
   */
  updateProfile(tenantId: string, userId: string, profile: SsoProfile): readonly (keyof SsoProfile)[];
  /**
   * Resets the user's direct memberships to exactly `groupNames` (display names, case-sensitive), creating
   * groups that do not exist yet. Groups named in `preserve` (e.g. SonarQube's default members group) are
   * neither added nor removed.
   */
  replaceGroupMemberships(tenantId: string, userId: string, groupNames: readonly string[], options: { readonly preserve: readonly string[] }): GroupSyncResult;
  /** The names among `groupNames` (display names, case-sensitive) of groups the tenant has. */
  existingGroupNames(tenantId: string, groupNames: readonly string[]): string[];
}
