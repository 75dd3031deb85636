/*
 * The ACS validates a SAML response as one ordered table of one-rule checks (STYLE.md §2). Order matters:
 * - binding and XML first: nothing is trusted before it parses without a DTD;
 * - the Response signature is verified before decryption because it covers the ciphertext; from then on only
 *   the verified XML is read. The assertion signature is verified after decryption, since it sits inside it;
 * - every later check sees the verified assertion only;
 * - replay before InResponseTo, so a replayed solicited response reads as a replay;
 * - the user lookup (and JIT creation, a side effect) last, then the profile write the tenant's identity policy allows.
 */
import type { TenantConfig } from '../config/types.ts';
import { checkAssertionCount } from './checks/check-assertion-count.ts';
import { checkAssertionPlacement } from './checks/check-assertion-placement.ts';
import { checkAudience } from './checks/check-audience.ts';
import { checkAuthnContext } from './checks/check-authn-context.ts';
import { checkConditions } from './checks/check-conditions.ts';
import { checkDestination } from './checks/check-destination.ts';
import { checkInResponseTo } from './checks/check-in-response-to.ts';
import { checkIssuer } from './checks/check-issuer.ts';
import { checkRequiredAttributes } from './checks/check-required-attributes.ts';
import { checkResponseShape } from './checks/check-response-shape.ts';
import { checkSsoEnabled } from './checks/check-sso-enabled.ts';
import { checkStatus } from './checks/check-status.ts';
import { checkSubjectConfirmation } from './checks/check-subject-confirmation.ts';
import { checkUserState } from './checks/check-user-state.ts';
import { decodeBinding } from './checks/decode-binding.ts';
import { decryptAssertion } from './checks/decrypt-assertion.ts';
import { parseResponseXml } from './checks/parse-xml.ts';
import { rejectReplay } from './checks/reject-replay.ts';
import { verifyAssertionSignature } from './checks/verify-assertion-signature.ts';
import { verifyResponseSignature } from './checks/verify-response-signature.ts';
import { writeSignInProfile } from './checks/write-sign-in-profile.ts';
import { checkMetadataValid } from './metadata-trust/check-metadata-valid.ts';
import { SamlRejection } from './rejection.ts';
import type { AcsDeps, AcsState, Check } from './state.ts';

export const ACS_PIPELINE: readonly Check[] = [
  checkMetadataValid, // metadata/expired       saml-metadata §2.3.2
  decodeBinding, // binding/malformed           saml-bindings §3.5.4
  parseResponseXml, // xml/doctype, xml/malformed
  checkResponseShape, // response/invalid        saml-core §3.2.2
  checkStatus, // status/not-success             saml-core §3.2.2.2
  verifyResponseSignature, // signature/*        saml-core §5
  checkAssertionCount, // assertion/count        saml-profiles §4.1.4.2
  decryptAssertion, // decryption/failed, encryption/required   saml-core §6
  verifyAssertionSignature, // signature/*       saml-profiles §4.1.3.5
  checkAssertionPlacement, // assertion/count, response/invalid   saml-profiles §4.1.4.2, saml-core §3.2.2
  checkIssuer, // issuer/mismatch                saml-profiles §4.1.4.2
  checkDestination, // destination/mismatch      saml-bindings §3.5.5.2
  checkAudience, // audience/mismatch            saml-core §2.5.1.4
  checkConditions, // conditions/*               saml-core §2.5.1.2
  checkSubjectConfirmation, // recipient/mismatch, subject-confirmation/*   saml-profiles §4.1.4.3
  rejectReplay, // replay/detected               saml-profiles §4.1.4.5
  checkInResponseTo, // in-response-to/unknown, unsolicited/refused   saml-profiles §4.1.4.3, §4.1.5
  checkAuthnContext, // authn-context/insufficient   saml-core §3.3.2.2.1
  checkSsoEnabled, // tenant/sso-not-enabled     NinjaOne guide step 7 (seed 002)
  checkRequiredAttributes, // attributes/missing saml-core §2.7.3.1
  checkUserState, // user/unknown, user/deprovisioned, user/inactive   rfc7643 §4.1.1, rfc7644 §3.6
  writeSignInProfile, // (no rejection) identityPolicy.profile 'sign-in'   rfc7643 §4.1.1–4.1.2
];

export interface AcsInput {
  readonly tenant: TenantConfig;
  readonly samlResponse: unknown;
  readonly relayState?: string | undefined;
}

export type AcsResult = { readonly ok: true; readonly state: AcsState } | { readonly ok: false; readonly rejection: SamlRejection; readonly state: AcsState };

/** Runs every check in order; the first rejection stops the pipeline. Never throws anything else. */
export async function runAcsPipeline(input: AcsInput, deps: AcsDeps, checks: readonly Check[] = ACS_PIPELINE): Promise<AcsResult> {
  const state: AcsState = {
    tenant: input.tenant,
    saml: input.tenant.saml,
    deps,
    now: deps.clock.now(),
    samlResponse: input.samlResponse,
    relayState: input.relayState,
    signatures: [],
  };
  for (const check of checks) {
    try {
      await check.run(state);
    } catch (e) {
      if (e instanceof SamlRejection) return { ok: false, rejection: e, state };
      // An unexpected exception inside a check is still the response's fault, never a 500: refuse it. Its text
      // can quote the response (or decrypted bytes), so the answer is fixed; the exception rides along as
      // `cause` for a server-side log, never in the JSON or the page.
      return {
        ok: false,
        rejection: new SamlRejection('response/invalid', { message: 'the response could not be processed' }, { cause: e }),
        state,
      };
    }
  }
  return { ok: true, state };
}
