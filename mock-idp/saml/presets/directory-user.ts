/* A user as the mock IdP's directory holds it; presets map it to the attributes a real IdP would send. */
export interface DirectoryUser {
  /** Stable object ID (Entra objectidentifier, persistent NameID). Defaults to the login. */
  readonly id?: string | undefined;
  readonly email: string;
  readonly givenName: string;
  readonly surname: string;
  readonly displayName: string;
  /** The IdP username / UPN. */
  readonly login: string;
  readonly groups: readonly string[];
}

export type UserField = 'id' | 'email' | 'givenName' | 'surname' | 'displayName' | 'login' | 'groups';

export function fieldValues(user: DirectoryUser, field: UserField): string[] {
  if (field === 'groups') return [...user.groups];
  if (field === 'id') return [user.id ?? user.login];
  return [user[field]];
}
