/*
 * The source side of Entra provisioning: users and groups carrying the attribute names Entra's
 * "Azure Active Directory" source schema uses in attribute mappings (userPrincipalName, mailNickname,
 * IsSoftDeleted, extension_<appId>_<name>, …).
 */
export interface DirectoryUser {
  objectId: string;
  userPrincipalName: string;
  displayName?: string | null;
  mail?: string | null;
  givenName?: string | null;
  surname?: string | null;
  mailNickname?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  employeeId?: string | null;
  /** objectId of the manager (a reference to another user). */
  manager?: string | null;
  accountEnabled: boolean;
  IsSoftDeleted: boolean;
  /** Directory extension attributes, keyed `extension_<appId without dashes>_<name>`. */
  extensions: Record<string, string | number | boolean | null | string[]>;
  /** Any further source attribute (e.g. city, country, telephoneNumber). */
  other: Record<string, string | number | boolean | null | string[]>;
  /** Assigned to the enterprise application directly. */
  assigned: boolean;
}

export interface DirectoryGroup {
  objectId: string;
  displayName: string;
  mailNickname?: string | null;
  description?: string | null;
  /** objectIds of direct members: users or (nested) groups. */
  members: string[];
  assigned: boolean;
}

/** Fixture shape (YAML or JSON); validated by ./fixture-schema.ts. */
export interface DirectoryFixture {
  users?: Array<Partial<Omit<DirectoryUser, 'extensions' | 'other'>> & Record<string, unknown>>;
  groups?: Array<Partial<DirectoryGroup> & Record<string, unknown>>;
}
