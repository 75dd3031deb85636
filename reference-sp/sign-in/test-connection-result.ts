/*
 * The result of SonarQube Cloud's "Test Connection" (seed 003, "Test the SSO connection", the same step in its
 * Okta OIDC path): "Verify the JSON response. In particular, verify that the email and groups attributes are
 * correct." One shape for both protocols, so one check reads either:
 * - tenant, protocol, and the mapped login, name, email and groups, read through the tenant's mapping exactly
 *   as sign-in reads them; a value the IdP did not send is null (groups: []), never left out;
 * - what identifies the subject: SAML's NameID (`nameId`), OIDC's `sub` (`subject`);
 * - everything received, by the name the IdP used: SAML attributes (`attributes`), OIDC claims (`claims`, the
 *   ID token's and userinfo's, as JSON), so a misnamed attribute or claim shows as null next to what was sent.
 */

export interface MappedIdentity {
  readonly tenant: string;
  readonly login: string | null;
  readonly name: string | null;
  readonly email: string | null;
  readonly groups: readonly string[];
}

export interface SamlTestConnectionResult extends MappedIdentity {
  readonly protocol: 'saml';
  readonly nameId: string | null;
  /** Every attribute as received, by the name the IdP used. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

export interface OidcTestConnectionResult extends MappedIdentity {
  readonly protocol: 'oidc';
  /** The ID token's `sub` (OIDC Core §2). */
  readonly subject: string;
  /** Every claim as received (ID token, then userinfo), by the name the OP used. */
  readonly claims: Readonly<Record<string, unknown>>;
}

export type TestConnectionResult = SamlTestConnectionResult | OidcTestConnectionResult;
