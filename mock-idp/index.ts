/* Public API of the mock IdP. steps/ and cli/ import from here; reference-sp/ never does. */
export type { Clock } from './clock.ts';
export { systemClock } from './clock.ts';
export { createMockIdp, type MockIdp, type MockIdpOptions } from './server/create-mock-idp.ts';
export { MockIdpControl, type IssuedResponse, type NextSignInInput } from './server/control.ts';
export { DEVIATION_NAMES, type DeviationInput, type DeviationName } from './server/deviations.ts';
export {
  ResponseBuilder,
  responseBuilder,
  type AttributeOptions,
  type BuiltResponse,
  type SamlAttribute,
  type SignaturePlacement,
} from './saml/assertion-builder/builder.ts';
export { XSW_KINDS, type XswKind } from './saml/assertion-builder/wrap-signature.ts';
export { DEFAULT_ATTACKER_NAME_ID } from './saml/attacks/evil-assertion.ts';
export { INJECTION_SUFFIX, signedIdentity } from './saml/attacks/name-id-injection.ts';
export type { DataAlgorithmName, KeyAlgorithmName, EncryptOptions } from './saml/encrypt/encrypt-assertion.ts';
export { CIPHERTEXT_CORRUPTIONS, CORRUPT_MARKER, type CiphertextCorruption } from './saml/encrypt/encrypt-assertion.ts';
export { loadIdpKeys, generatedKeyPair, type IdpKeys, type KeyPair } from './saml/keys/key-store.ts';
export { idpMetadataXml, signingCertificateFromMetadata } from './saml/metadata/idp-metadata.ts';
export { registrationFromSpMetadata } from './saml/metadata/sp-metadata.ts';
export { autoPostForm, parsePostForm } from './saml/bindings/post-binding.ts';
export { PRESETS, PRESET_NAMES, ENTRA_CLAIMS, ENTRA_SAML_GROUP_LIMIT, type PresetName } from './saml/presets/presets.ts';
export type { AttributeStatement } from './saml/presets/custom-statements.ts';
export { VENDOR_STATEMENTS, vendorStatements } from './saml/presets/vendor-statements.ts';
export type { DirectoryUser } from './saml/presets/directory-user.ts';
export type { SpRegistration, SpRegistrationInput, AcsInput } from './saml/sp-registry/sp-registration.ts';
export { IdpError, type IdpErrorCode } from './saml/errors.ts';
export { NAMEID_FORMAT, ATTRNAME_FORMAT, type SignatureAlgorithmName } from './saml/namespaces.ts';
// ---- OpenID Provider side (mock-idp/oidc/, docs/oidc-provider.md) ----
export { MockOpenIdProvider, type IssuedIdToken, type IssuerInput, type MockOpenIdProviderOptions, type OidcNextSignInInput } from './oidc/op.ts';
export { OIDC_PRESET_NAMES, type OidcClient, type OidcClientInput, type OidcPresetName, type TokenEndpointAuthMethod } from './oidc/clients/oidc-client.ts';
export { OIDC_DEVIATION_NAMES, type OidcDeviationInput, type OidcDeviationName } from './oidc/deviations/registry.ts';
export { GROUP_FILTER_TYPES, type GroupFilterType, type GroupsClaimFilter } from './oidc/presets/okta-groups-filter.ts';
export { issuerSpec, type IssuerRef, type IssuerSpec } from './oidc/issuers.ts';
export { OidcOpError, type OidcOpErrorCode } from './oidc/errors.ts';
export { ENTRA_JWT_GROUP_LIMIT } from './oidc/presets/entra.ts';
export { oktaUserId } from './oidc/presets/okta.ts';
