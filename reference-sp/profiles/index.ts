/* The SAML defaults of each seed vendor's profile (see each file for the vendor behaviour it reproduces). */
import type { ProfileName } from '../config/types.ts';
import type { SamlTenantInput } from '../config/saml-section.ts';
import { aritmaSamlProfile } from './aritma.ts';
import { datocmsSamlProfile } from './datocms.ts';
import { genericSamlProfile } from './generic.ts';
import { ninjaoneSamlProfile } from './ninjaone.ts';
import { particleSamlProfile } from './particle.ts';
import { sonarqubeSamlProfile } from './sonarqube.ts';
import type { OidcTenantInput } from '../config/oidc-section.ts';
import { sonarqubeOidcProfile } from './sonarqube-oidc.ts';

export const PROFILE_NAMES: readonly ProfileName[] = ['generic', 'particle', 'sonarqube', 'datocms', 'ninjaone', 'aritma'];

const samlProfiles: Readonly<Record<ProfileName, SamlTenantInput>> = {
  generic: genericSamlProfile,
  particle: particleSamlProfile,
  sonarqube: sonarqubeSamlProfile,
  datocms: datocmsSamlProfile,
  ninjaone: ninjaoneSamlProfile,
  aritma: aritmaSamlProfile,
};

export function samlProfileDefaults(profile: ProfileName): SamlTenantInput {
  return samlProfiles[profile];
}

/** The OIDC defaults of each profile that has them (./sonarqube-oidc.ts); the others use ../config/defaults.ts alone. */
const oidcProfiles: Readonly<Partial<Record<ProfileName, OidcTenantInput>>> = { sonarqube: sonarqubeOidcProfile };

export function oidcProfileDefaults(profile: ProfileName): OidcTenantInput {
  return oidcProfiles[profile] ?? {};
}
