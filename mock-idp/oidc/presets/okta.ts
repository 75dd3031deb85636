/*
 * okta: the claims an Okta authorization server puts in an ID token for an OIDC web app
 * (https://developer.okta.com/docs/api/openapi/okta-oauth/guides/overview/ "ID token claims";
 *  https://developer.okta.com/docs/guides/customize-tokens-groups-claim/):
 * - sub: the Okta user id, `00u` + 17 characters, stable per user (derived here from the directory id / login)
 * - ver: 1; idp: the org's id (`00o…`, derived from the issuer) for users Okta itself authenticated
 * - profile scope → name, preferred_username (the Okta username), given_name, family_name, locale-free
 * - email scope → email, email_verified
 * - groups: ONLY when the app has a groups claim configured (client `groups_claim`): the user's groups that pass
 *   its filter, under the configured claim name, in the ID token whatever the scope ("Include in: Any scope", the
 *   setting the guide uses); without a filter Okta sends no groups claim at all
 */
import { createHash } from 'node:crypto';
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import { filterGroups } from './okta-groups-filter.ts';
import type { OidcPreset } from './oidc-preset.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An Okta-style object id: a three-character type prefix and 17 characters derived from `seed`. */
export function oktaId(prefix: '00u' | '00o' | '00g', seed: string): string {
  const digest = createHash('sha256').update(`${prefix}:${seed}`).digest();
  let out = prefix;
  for (let i = 0; i < 17; i++) out += ALPHABET[digest[i]! % ALPHABET.length];
  return out;
}

export const oktaUserId = (user: DirectoryUser): string => oktaId('00u', user.id ?? user.login.toLowerCase());

export const oktaPreset: OidcPreset = {
  name: 'okta',
  scopes: {
    // The configured groups claim names join `openid` per issuer (../provider/issuer-runtime.ts).
    openid: ['sub', 'ver', 'idp'],
    profile: ['name', 'preferred_username', 'given_name', 'family_name'],
    email: ['email', 'email_verified'],
  },
  accountId: oktaUserId,
  claims(user, { client, issuer }) {
    const out: Record<string, unknown> = {
      sub: oktaUserId(user),
      ver: 1,
      idp: oktaId('00o', new URL(issuer).origin),
      name: user.displayName,
      preferred_username: user.login,
      given_name: user.givenName,
      family_name: user.surname,
      email: user.email,
      email_verified: true,
    };
    if (client?.groupsClaim) out[client.groupsClaim.name] = filterGroups(user.groups, client.groupsClaim);
    return out;
  },
};
