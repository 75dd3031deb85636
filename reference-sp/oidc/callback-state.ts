/*
 * What the OIDC callback knows about one authorization response as it moves through the checks
 * (./callback.ts). Each check reads what the earlier ones established and fills in its own part; after the
 * code exchange, `claims` are those of an ID token openid-client validated (and userinfo's for the same sub).
 */
import type * as client from 'openid-client';
import type { OidcTenantConfig } from '../config/oidc-section.ts';
import type { TenantConfig } from '../config/types.ts';
import type { AuthnRequestPurpose, OutstandingRequests } from '../sign-in/request-store.ts';
import type { GroupSyncOutcome } from '../sign-in/group-sync.ts';
import type { SignInProfile } from '../sign-in/user-state.ts';
import type { SsoDirectory, SsoUser } from '../store/sso-directory.ts';
import type { SsoEnablementStore } from '../sign-in/sso-enablement.ts';
import type { OidcProviders } from './provider.ts';
import type { RequestSecrets, RequestSecretsFactory } from './request-secrets.ts';

export interface CallbackDeps {
  readonly requests: OutstandingRequests;
  readonly secrets: RequestSecretsFactory;
  readonly providers: OidcProviders;
  readonly directory: SsoDirectory;
  /** The admin's SSO Enable (../sign-in/sso-enablement.ts); absent: the tenant's configured ssoEnabled. */
  readonly ssoState?: SsoEnablementStore | undefined;
}

/** The claims a sign-in uses, through the tenant's claim mapping. */
export interface MappedClaims {
  readonly login: string;
  readonly profile: SignInProfile;
  /** Every claim as a named list of strings (what the SAML side calls attributes), for group sync and the session. */
  readonly attributes: Record<string, string[]>;
}

export interface CallbackState {
  readonly tenant: TenantConfig;
  readonly oidc: OidcTenantConfig;
  readonly deps: CallbackDeps;
  /** The authorization response's query parameters, as received. */
  readonly params: URLSearchParams;
  /** The SHA-256 of the binding cookie this browser sent, null when it sent none. */
  readonly browserBinding: string | null;
  /** Read once from the injected clock. */
  readonly now: Date;

  /** The request this response answers, consumed from the store (./checks/check-state.ts). */
  secrets?: RequestSecrets;
  purpose?: AuthnRequestPurpose;
  config?: client.Configuration;
  idToken?: string;
  accessToken?: string;
  refreshToken?: string | undefined;
  /** The validated ID token's claims, then userinfo's for the same subject. */
  claims?: Record<string, unknown>;
  mapped?: MappedClaims;
  user?: SsoUser;
  userCreated?: boolean;
  profileUpdated?: readonly string[];
  groups?: GroupSyncOutcome | undefined;
}

/** One rule of the callback; throws an OidcRejection to refuse. */
export interface CallbackCheck {
  readonly name: string;
  run(state: CallbackState): void | Promise<void>;
}
