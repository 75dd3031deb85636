/*
 * The mini SP's rules as one ordered table (STYLE.md: one rule per file, composed in one place). The ACS runs
 * the `acs` rules in this order; `relayTarget` decides where a signed-in browser goes. A defect SP
 * (../index.ts) is exactly this table with ONE entry replaced by its vulnerable version.
 * Order matters:
 * - binding, size, DTD and XML first: nothing is read before it parses without a DTD;
 * - the Response signature (when present) before anything reads the Response; decryption before the assertion
 *   signature, which sits inside the plaintext; algorithms once every signature is visible;
 * - after verify-assertion-signature every rule reads only the XML the assertion's signature covers;
 * - use-once last, so only an assertion that passed everything is remembered.
 */
import { relayTarget, type RelayTargetRule } from './relay-state.ts';
import { checkAudience } from './rules/check-audience.ts';
import { checkDestination } from './rules/check-destination.ts';
import { checkInResponseTo } from './rules/check-in-response-to.ts';
import { checkIssuer } from './rules/check-issuer.ts';
import { checkRecipient } from './rules/check-recipient.ts';
import { checkRequiredAttributes } from './rules/check-required-attributes.ts';
import { checkResponse } from './rules/check-response.ts';
import { checkSignatureAlgorithms } from './rules/check-signature-algorithms.ts';
import { checkValidityWindow } from './rules/check-validity-window.ts';
import { countAssertions } from './rules/count-assertions.ts';
import { decodeBinding } from './rules/decode-binding.ts';
import { decryptAssertion } from './rules/decrypt-assertion.ts';
import { parseResponseXml } from './rules/parse-xml.ts';
import { pinIdpKey } from './rules/pin-idp-key.ts';
import { readNameId } from './rules/read-name-id.ts';
import { refuseDtd } from './rules/refuse-dtd.ts';
import { requireSignedAssertion } from './rules/require-signed-assertion.ts';
import { useOnce } from './rules/use-once.ts';
import { verifyAssertionSignature } from './rules/verify-assertion-signature.ts';
import { verifyResponseSignature } from './rules/verify-response-signature.ts';
import type { Rule } from './state.ts';

export const ACS_RULES = {
  decodeBinding, // binding/malformed, binding/too-large   saml-bindings §3.5.4
  refuseDtd, // xml/doctype                               saml-sec-consider §6.4.3
  parseResponseXml, // xml/malformed
  checkResponse, // response/invalid, status/not-success  saml-core §3.2.2
  pinIdpKey, // (chooses the verification key)            saml-metadata §2.4.1.1
  verifyResponseSignature, // signature/invalid           saml-core §5.4
  checkDestination, // destination/mismatch               saml-bindings §3.5.5.2
  countAssertions, // assertion/count                     saml-profiles §4.1.4.2
  decryptAssertion, // encryption/algorithm, decryption/failed   saml-core §6.1
  checkSignatureAlgorithms, // signature/algorithm        xmldsig-core1 §6.1
  verifyAssertionSignature, // signature/invalid          saml-core §5.4.2
  requireSignedAssertion, // signature/missing            saml-profiles §4.1.3.5
  checkIssuer, // issuer/mismatch                         saml-profiles §4.1.4.2
  checkAudience, // audience/mismatch                     saml-core §2.5.1.4
  checkValidityWindow, // conditions/expired, conditions/not-yet-valid   saml-core §2.5.1.2
  checkRecipient, // recipient/mismatch                   saml-profiles §4.1.4.2
  checkInResponseTo, // in-response-to/*, unsolicited/refused   saml-profiles §4.1.4.3, §4.1.5
  checkRequiredAttributes, // attributes/missing          saml-metadata §2.4.4.1
  readNameId, // name-id/missing                          saml-core §2.2.3
  useOnce, // replay/detected                             saml-profiles §4.1.4.5
} as const satisfies Record<string, Rule>;

export type AcsRuleName = keyof typeof ACS_RULES;

export interface MiniSpRules {
  readonly acs: Readonly<Record<AcsRuleName, Rule>>;
  readonly relayTarget: RelayTargetRule;
}

export const STRICT_RULES: MiniSpRules = { acs: ACS_RULES, relayTarget };

/** One replaced entry: an ACS rule by name, or the RelayState rule. */
export type RuleReplacement = { readonly acs: AcsRuleName; readonly rule: Rule } | { readonly relayTarget: RelayTargetRule };

export function withReplacement(replacement: RuleReplacement | undefined): MiniSpRules {
  if (!replacement) return STRICT_RULES;
  if ('relayTarget' in replacement) return { ...STRICT_RULES, relayTarget: replacement.relayTarget };
  if (!(replacement.acs in ACS_RULES)) throw new Error(`no mini SP rule ${String(replacement.acs)}`);
  return { ...STRICT_RULES, acs: { ...ACS_RULES, [replacement.acs]: replacement.rule } };
}
