/* The OIDC presets by name (table and sources in docs/oidc-provider.md). */
import type { OidcPresetName } from '../clients/oidc-client.ts';
import { entraPreset } from './entra.ts';
import { genericPreset } from './generic.ts';
import type { OidcPreset } from './oidc-preset.ts';
import { oktaPreset } from './okta.ts';

export const OIDC_PRESETS: Readonly<Record<OidcPresetName, OidcPreset>> = { generic: genericPreset, okta: oktaPreset, entra: entraPreset };
