// Placeholder: the SCIM engineer replaces this with the tenant SCIM section (type, JSON schema, defaults).
export interface ScimTenantConfig {
  readonly [key: string]: unknown;
}
export const scimTenantJsonSchema = { type: 'object' } as const;
