/*
 * entra: the claims of a Microsoft identity platform v2.0 ID token
 * (https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference,
 *  https://learn.microsoft.com/entra/identity-platform/optional-claims-reference,
 *  https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference "Groups overage claim"):
 * - iss `{base}/{tenant}/v2.0`; ver "2.0"; tid the tenant; always sent
 * - sub pairwise: "unique to a particular application ID" (the client is registered with subject_type pairwise)
 * - oid: the user's object id, the same derivation as the SAML preset (directory id, else login)
 * - profile scope → name, preferred_username (the UPN), upn (the optional claim, as apps that map it configure it)
 * - email scope → email (the optional claim)
 * - groups: object ids, sent whatever the scope (groupMembershipClaims); past ENTRA_JWT_GROUP_LIMIT (200 for JWTs;
 *   SAML's is 150) no `groups`: `_claim_names: { groups: "src1" }` and `_claim_sources.src1.endpoint` pointing at
 *   Graph's getMemberObjects for the user, OIDC Core §5.6.2 distributed claims
 */
import { EXAMPLE_TENANT_ID } from '../../saml/presets/presets.ts';
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import type { OidcPreset } from './oidc-preset.ts';

export const ENTRA_JWT_GROUP_LIMIT = 200;
export const ENTRA_EXAMPLE_TENANT_ID = EXAMPLE_TENANT_ID;

/** The Entra object id of a directory user: the same as the SAML preset's objectidentifier. */
export const entraObjectId = (user: DirectoryUser): string => user.id ?? user.login;

export const entraPreset: OidcPreset = {
  name: 'entra',
  scopes: {
    openid: ['sub', 'tid', 'ver', 'groups'],
    profile: ['oid', 'name', 'preferred_username', 'upn'],
    email: ['email'],
  },
  accountId: entraObjectId,
  claims(user, { tenantId }) {
    const tid = tenantId ?? ENTRA_EXAMPLE_TENANT_ID;
    const oid = entraObjectId(user);
    const out: Record<string, unknown> = {
      sub: oid,
      oid,
      tid,
      ver: '2.0',
      name: user.displayName,
      preferred_username: user.login,
      upn: user.login,
      email: user.email,
    };
    if (user.groups.length > ENTRA_JWT_GROUP_LIMIT) {
      out['_claim_names'] = { groups: 'src1' };
      out['_claim_sources'] = { src1: { endpoint: `https://graph.windows.net/${tid}/users/${oid}/getMemberObjects` } };
    } else if (user.groups.length > 0) out['groups'] = [...user.groups];
    return out;
  },
};
