/*
 * SonarQube Cloud (seed 003), "Okta OIDC": the OIDC defaults of the sonarqube profile.
 * - the Okta app is a "Web application" with a client ID and secret: the secret goes to the token endpoint
 *   (client_secret_basic, Okta's default for web apps);
 * - "Groups claim type: Filter, groups, Matches regex .*": Okta puts a `groups` claim in the ID token when the
 *   `groups` scope is requested, so the profile asks for it;
 * - Login, Email, Name and Groups like the SAML profile (./sonarqube.ts), read from Okta's claims:
 *   preferred_username (the Okta username), email, name, groups;
 * - JIT users, their groups reset at each login, case-sensitive names, "Members" excluded, never a group created
 *   by the sync (missingGroups 'ignore'): the same rules as the SAML profile, applied by the same code.
 */
import type { OidcTenantInput } from '../config/oidc-section.ts';
import { sonarqubeSamlProfile } from './sonarqube.ts';

export const sonarqubeOidcProfile: OidcTenantInput = {
  tokenEndpointAuthMethod: 'client_secret_basic',
  scopes: ['openid', 'profile', 'email', 'groups'],
  claimMapping: { login: 'preferred_username', email: 'email', name: 'name', groups: 'groups' },
  allowedSigningAlgorithms: ['RS256'],
  autoProvisioningEnabled: sonarqubeSamlProfile.autoProvisioningEnabled,
  groupSync: { ...sonarqubeSamlProfile.groupSync, attributeName: 'groups' },
};
