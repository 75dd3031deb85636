// Placeholder: the SAML engineer replaces this with the tenant SAML section (type, JSON schema, defaults).
export interface SamlTenantConfig {
  readonly [key: string]: unknown;
}
export const samlTenantJsonSchema = { type: 'object' } as const;
