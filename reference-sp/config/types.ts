/*
 * The reference SP's configuration: an input type (what a config file or caller may say) and a resolved type
 * (what the SP runs with), validated once at start-up (ajv, ./validate.ts) and frozen (./resolve.ts). Each
 * tenant has a SAML section (owned by reference-sp/saml) and a SCIM section (owned by reference-sp/scim).
 */
import type { SamlTenantConfig, SamlTenantInput } from './saml-section.ts';
import type { ScimTenantConfig } from './scim-section.ts';
import type { OidcTenantConfig, OidcTenantInput } from './oidc-section.ts';

/** The seed vendors the reference SP can emulate (../shared/seeds), plus a plain generic tenant. */
export type ProfileName = 'generic' | 'particle' | 'sonarqube' | 'datocms' | 'ninjaone' | 'aritma';

export interface TenantInput {
  readonly id: string;
  /** Defaults to 'generic'. */
  readonly profile?: ProfileName;
  readonly saml?: SamlTenantInput;
  /** OpenID Connect sign-in (./oidc-section.ts); absent: the tenant signs in over SAML only. */
  readonly oidc?: OidcTenantInput;
  /** Validated against scimTenantJsonSchema and passed through to the SCIM side. */
  readonly scim?: { readonly [key: string]: unknown };
}

export interface ReferenceSpConfigInput {
  readonly baseUrl: string;
  readonly dataDir?: string;
  readonly tenants: readonly TenantInput[];
}

export interface TenantConfig {
  /** URL-safe slug; the SCIM base path is /scim/v2/{id}, the SAML routes live under /saml/{id}/. */
  readonly id: string;
  readonly profile: ProfileName;
  readonly saml: SamlTenantConfig;
  readonly scim: ScimTenantConfig;
  /** OpenID Connect sign-in under /oidc/{id}/ (../oidc/); undefined when the tenant has no `oidc` section. */
  readonly oidc?: OidcTenantConfig | undefined;
  /**
   * True when the input has an `oidc` section and no `saml` section (./oidc-only.ts): `saml` then holds the
   * profile's SAML defaults and trusts no IdP, and the SAML routes answer 404 tenant/no-saml.
   */
  readonly oidcOnly?: true | undefined;
}

export interface ReferenceSpConfig {
  /** Public base URL, e.g. http://127.0.0.1:7100; entity IDs and ACS URLs derive from it. */
  readonly baseUrl: string;
  /** Directory for the SQLite database and SP keys; ':memory:' keeps everything in memory (tests). */
  readonly dataDir: string;
  readonly tenants: readonly TenantConfig[];
}
