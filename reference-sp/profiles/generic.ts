/* A plain tenant: no vendor quirks, everything from ../config/defaults.ts and the config file. */
import type { SamlTenantInput } from '../config/saml-section.ts';

export const genericSamlProfile: SamlTenantInput = {};
