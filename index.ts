/*
 * `sso-harness`: the public API of the package (docs/packaging.md). Everything else under dist/ is internal and
 * may change between minor versions. The groups:
 * - mock IdP: createMockIdp, and the assertion builder for hand-made SAML responses;
 * - reference SP: createReferenceSp with the config and store it needs;
 * - both wired together on loopback, as `sso-harness start` runs them: startHarness;
 * - provisioning clients (Entra's and Okta's SCIM request shapes): createProvisioner, loadProvisioningConfig;
 * - certification: runCertification and writeCertificationReport; runSamlCertification and
 *   writeSamlCertificationReport (load cucumber only when called).
 * The step library is a separate entry: `sso-harness/steps`.
 */

// The mock IdP.
export {
  createMockIdp,
  MockIdpControl,
  responseBuilder,
  ResponseBuilder,
  idpMetadataXml,
  signingCertificateFromMetadata,
  registrationFromSpMetadata,
  vendorStatements,
  generatedKeyPair,
  loadIdpKeys,
  systemClock,
  IdpError,
  PRESET_NAMES,
  DEVIATION_NAMES,
  NAMEID_FORMAT,
  ATTRNAME_FORMAT,
} from './mock-idp/index.ts';
export type {
  Clock,
  MockIdp,
  MockIdpOptions,
  IssuedResponse,
  NextSignInInput,
  DeviationInput,
  DeviationName,
  BuiltResponse,
  SamlAttribute,
  AttributeStatement,
  DirectoryUser,
  SpRegistration,
  SpRegistrationInput,
  PresetName,
  IdpKeys,
  KeyPair,
  IdpErrorCode,
} from './mock-idp/index.ts';

// The reference SP (SAML ACS + SCIM 2.0 server on SQLite).
export { createReferenceSp, type ReferenceSp, type ReferenceSpDeps } from './reference-sp/server/app.ts';
export {
  resolveConfig as resolveReferenceSpConfig,
  loadConfigFile as loadReferenceSpConfigFile,
  ConfigError,
  type ResolveOptions as ReferenceSpResolveOptions,
  type ReferenceSpConfig,
  type ReferenceSpConfigInput,
  type TenantInput,
  type TenantConfig,
  type ProfileName,
} from './reference-sp/config/index.ts';
export { openStore, storePathFor, StoreError, type OpenStoreOptions, type Store, type StoreErrorCode } from './reference-sp/store/index.ts';
export { createJsonLogger, silentLogger, type Logger } from './reference-sp/log.ts';

// Both, wired to each other on loopback (what `sso-harness start` runs).
export { startHarness, type StartOptions, type RunningHarness } from './cli/start/start-harness.ts';

// SCIM provisioning clients: Entra's and Okta's request shapes and retry behaviour.
export { createProvisioner, type Provisioner, type ProvisionerOptions } from './mock-idp/scim-client/engine/create.ts';
export {
  loadProvisioningConfig,
  resolveConfig as resolveProvisioningConfig,
  type ProvisioningConfig,
  type ProvisioningConfigInput,
} from './mock-idp/scim-client/config/load.ts';
export { EntraClient } from './mock-idp/scim-client/entra/client.ts';
export { OktaClient } from './mock-idp/scim-client/okta/client.ts';
export { ProvisioningLog } from './mock-idp/scim-client/log/log.ts';
export { compileExpression, ExpressionError } from './mock-idp/scim-client/expressions/index.ts';

// SCIM certification: the catalog of features/scim and features/certify run in-process against an endpoint.
import type { Certification, RunInput } from './certify/run.ts';
import type { WrittenReport } from './certify/report/write.ts';
export type { Certification, RunInput, WrittenReport };
export type { CertifyProfile } from './certify/options.ts';
// runCertification rejects with a PreflightError (code certify/unreachable | token-refused | not-scim) before any test.
export { PreflightError, type PreflightCode } from './certify/preflight.ts';
export type { ScimParameters } from './steps/support/scim/settings.ts';

/** Certifies a SCIM endpoint (or the bundled server when `url` is undefined); loads cucumber on first call. */
export async function runCertification(input: RunInput): Promise<Certification> {
  return (await import('./certify/run.ts')).runCertification(input);
}

/** Writes certification.json, certification.html and junit.xml for a run into `reportDir`. */
export async function writeCertificationReport(run: Certification, reportDir: string, toolVersion: string): Promise<WrittenReport> {
  return (await import('./certify/report/write.ts')).writeReport(run, reportDir, toolVersion);
}

// SAML certification (`certify saml`): the catalog of features/certify-saml run in-process against an SP.
import type { SamlCertification, SamlRunInput } from './certify/saml/run.ts';
import type { WrittenSamlReport } from './certify/saml/report/write.ts';
export type { SamlCertification, SamlRunInput, WrittenSamlReport };
export type { SamlCertifyTarget, SamlVerdict } from './certify/saml/contract.ts';

/** Certifies a SAML SP (or the bundled reference SP when `target` is undefined); loads cucumber on first call. */
export async function runSamlCertification(input: SamlRunInput): Promise<SamlCertification> {
  return (await import('./certify/saml/run.ts')).runSamlCertification(input);
}

/** Writes certification-saml.json, certification-saml.html and junit.xml for a run into `reportDir`. */
export async function writeSamlCertificationReport(run: SamlCertification, reportDir: string, toolVersion: string): Promise<WrittenSamlReport> {
  return (await import('./certify/saml/report/write.ts')).writeSamlReport(run, reportDir, toolVersion);
}
