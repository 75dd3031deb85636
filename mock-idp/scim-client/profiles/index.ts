/*
 * Every provisioning behaviour profile, in one registry. A new IdP client is one directory
 * (`mock-idp/scim-client/<idp>/` with its client and its `ClientProfile`) plus one line below; a change of an
 * IdP's behaviour is one new dated profile file plus one line below — the older profile stays, so a vendor can
 * certify against what the IdP does today and what it did before.
 */
import { entra2024 } from './entra-2024.ts';
import { entra2025 } from './entra-2025.ts';
import { okta2024 } from './okta-2024.ts';
import { oktaAiw2024 } from './okta-aiw-2024.ts';
import { onelogin2024 } from '../onelogin/profile.ts';
import { jumpcloud2024 } from '../jumpcloud/profile.ts';
import { ProfileRegistry } from './registry.ts';

export type { ClientProfile, ProfileContext, ProfileSource } from './profile.ts';
export { ProfileRegistry } from './registry.ts';

// One entry per line, so each new profile is a one-line addition.
export const profiles = new ProfileRegistry([
  entra2024, // Entra, legacy PATCH unless ?aadOptscim062020
  entra2025, // Entra, compliant PATCH by default
  okta2024, // Okta OIN app
  oktaAiw2024, // Okta App Integration Wizard app
  onelogin2024, // OneLogin SCIM v2 Enterprise
  jumpcloud2024, // JumpCloud Custom SCIM Identity Management
]);
