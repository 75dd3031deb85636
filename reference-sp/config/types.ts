/*
 * The reference SP's resolved configuration: validated once at start-up (ajv) and frozen. Each tenant has a
 * SAML section (owned by reference-sp/saml) and a SCIM section (owned by reference-sp/scim).
 */
import type { SamlTenantConfig } from './saml-section.ts';
import type { ScimTenantConfig } from './scim-section.ts';

/** The seed vendors the reference SP can emulate (../shared/seeds), plus a plain generic tenant. */
export type ProfileName = 'generic' | 'particle' | 'sonarqube' | 'datocms' | 'ninjaone' | 'aritma';

export interface TenantConfig {
  /** URL-safe slug; the SCIM base path is /scim/v2/{id}. */
  readonly id: string;
  readonly profile: ProfileName;
  readonly saml: SamlTenantConfig;
  readonly scim: ScimTenantConfig;
}

export interface ReferenceSpConfig {
  /** Public base URL, e.g. http://127.0.0.1:7100; entity IDs and ACS URLs derive from it. */
  readonly baseUrl: string;
  /** Directory for the SQLite database and SP keys; ':memory:' keeps everything in memory (tests). */
  readonly dataDir: string;
  readonly tenants: readonly TenantConfig[];
}
