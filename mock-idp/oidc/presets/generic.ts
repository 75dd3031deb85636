/*
 * generic: an OpenID Provider that sends the standard claims of OIDC Core §5.1 by the standard scopes (§5.4):
 * profile → name, given_name, family_name, preferred_username; email → email, email_verified; a `groups` scope →
 * groups (not standard, but the name every RP expects). `sub` is the directory id (or the login).
 */
import type { OidcPreset } from './oidc-preset.ts';

export const genericPreset: OidcPreset = {
  name: 'generic',
  scopes: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    email: ['email', 'email_verified'],
    groups: ['groups'],
  },
  accountId: (user) => user.id ?? user.login,
  claims: (user) => ({
    sub: user.id ?? user.login,
    name: user.displayName,
    given_name: user.givenName,
    family_name: user.surname,
    preferred_username: user.login,
    email: user.email,
    email_verified: true,
    groups: [...user.groups],
  }),
};
