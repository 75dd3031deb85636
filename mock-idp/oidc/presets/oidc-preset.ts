/*
 * What an OIDC preset is: how one vendor's OpenID Provider shapes the claims of the same directory user.
 * - `scopes`: which claims each scope releases (oidc-provider's `claims` option; OIDC Core §5.4); claims under
 *   `openid` go out whatever else was asked
 * - `accountId`: the subject before any pairwise transformation (OIDC Core §8.1)
 * - `claims`: the claims a user has for one client at one issuer; the scope mask then picks what is sent
 * Every preset's ID tokens carry the user claims too (conformIdTokenClaims off), as Okta and Entra do for the
 * authorization code flow.
 */
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import type { OidcClient, OidcPresetName } from '../clients/oidc-client.ts';

export interface ClaimContext {
  readonly client: OidcClient | undefined;
  /** The issuer URL the token is minted by. */
  readonly issuer: string;
  /** Entra tenant id of the issuer (entra preset). */
  readonly tenantId: string | undefined;
}

export interface OidcPreset {
  readonly name: OidcPresetName;
  readonly scopes: Readonly<Record<string, readonly string[]>>;
  accountId(user: DirectoryUser): string;
  claims(user: DirectoryUser, context: ClaimContext): Record<string, unknown>;
}
