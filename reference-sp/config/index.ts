export { resolveConfig, loadConfigFile, type ResolveOptions } from './resolve.ts';
export { ConfigError } from './errors.ts';
export { samlDefaults, spDefaults } from './defaults.ts';
export type { ReferenceSpConfig, ReferenceSpConfigInput, TenantConfig, TenantInput, ProfileName } from './types.ts';
export type { SamlTenantConfig, SamlTenantInput } from './saml-section.ts';
