/*
 * The embedded defaults `npm start` runs with: one tenant per seed vendor plus a generic one, each trusting the
 * mock IdP through its metadata URL (NinjaOne's "Import Metadata from URL"), and a few directory users at the IdP.
 * A tenant with `oidc` also signs in over OpenID Connect at the mock IdP's OpenID Provider (./oidc-tenants.ts
 * registers its app there the way SonarQube's "Okta OIDC" guide has the admin do it).
 * Every option here is ordinary configuration; `--config FILE` replaces the tenants with a file of your own.
 */
import type { DirectoryUser, GroupsClaimFilter, OidcPresetName } from '../../mock-idp/index.ts';
import type { ProfileName } from '../../reference-sp/config/index.ts';

export const DEFAULT_IDP_PORT = 7000;
export const DEFAULT_SP_PORT = 7100;
export const DEFAULT_DATA_DIR = '.data';

/** Tenant id → profile. The generic "acme" tenant also accepts IdP-initiated sign-in and creates users at sign-in. */
export const DEFAULT_TENANTS: ReadonlyArray<{
  id: string;
  profile: ProfileName;
  saml?: Record<string, unknown>;
  scim?: Record<string, unknown>;
  oidc?: EmbeddedOidcTenant;
}> = [
  { id: 'acme', profile: 'generic', saml: { allowUnsolicited: true, autoProvisioningEnabled: true } },
  { id: 'particle', profile: 'particle', scim: { orgSlug: 'particle' } },
  // SonarQube syncs only into groups that exist in an organization: "developers" does, "admins" is left out.
  { id: 'sonarqube', profile: 'sonarqube', saml: { groupSync: { organizations: [{ key: 'OrgA', groups: ['developers'] }] } } },
  { id: 'datocms', profile: 'datocms' },
  // NinjaOne tenants start configured but not enabled (the guide's step 7, "click Enable"); the demo's is enabled,
  // so its Sign in button works at once. The feature features/seeds/ninjaone-sso-enable.feature shows the Enable.
  { id: 'ninjaone', profile: 'ninjaone', saml: { ssoEnabled: true } },
  { id: 'aritma', profile: 'aritma', saml: { autoProvisioningEnabled: true } },
  // SonarQube's "Okta OIDC" path: an Okta web app at the mock OP's Okta issuer, groups claim filter `groups`
  // Matches regex `.*`; the same organization as the SAML tenant, so "developers" syncs and "admins" does not.
  // OpenID Connect only, as a SonarQube Cloud organization set up with Okta OIDC: no saml section, so its SAML
  // routes answer tenant/no-saml (reference-sp/config/oidc-only.ts).
  {
    id: 'sonarqube-oidc',
    profile: 'sonarqube',
    oidc: {
      preset: 'okta',
      groupsClaim: { name: 'groups', filter: 'regex', value: '.*' },
      settings: { groupSync: { organizations: [{ key: 'OrgA', groups: ['developers'] }] } },
    },
  },
];

/** How an embedded tenant signs in over OpenID Connect: the mock OP's issuer, its app's groups claim, the tenant's oidc settings. */
export interface EmbeddedOidcTenant {
  readonly preset: OidcPresetName;
  readonly groupsClaim?: GroupsClaimFilter;
  /** The tenant's `oidc` section besides the issuer and the client credentials. */
  readonly settings?: Record<string, unknown>;
}

/** Directory users at the mock IdP, picked on its login page. */
export const DEFAULT_IDP_USERS: readonly DirectoryUser[] = [
  { email: 'alice@example.com', login: 'alice@example.com', givenName: 'Alice', surname: 'Liddell', displayName: 'Alice Liddell', groups: ['developers', 'admins'] },
  { email: 'bob@example.com', login: 'bob@example.com', givenName: 'Bob', surname: 'Builder', displayName: 'Bob Builder', groups: ['developers'] },
  { email: 'carol@example.com', login: 'carol@example.com', givenName: 'Carol', surname: 'Danvers', displayName: 'Carol Danvers', groups: [] },
];
