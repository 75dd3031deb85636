/*
 * For every rejection code: what happened, in one fixed sentence, and what to do next. Fixed text only: the
 * error page never shows what the sender wrote (rejection.ts), only this, the code, the spec section and the
 * SP's own configuration. The record is total over SamlRejectionCode, so a new code cannot ship without advice.
 */
import { userStateAdvice } from '../sign-in/user-state-advice.ts';
import type { SamlRejectionCode } from './rejection.ts';

/** Links the advice may point to, built from the tenant's own configuration (escaped by the page). */
export interface AdviceLinks {
  readonly tenantId: string;
  readonly login: string;
  readonly metadata: string;
  readonly acs: string;
  readonly scimUsers: string;
  readonly testConnection: string;
  /** The admin API's Enable (../scim/admin/router.ts), protected by the admin token. */
  readonly enableSso: string;
}

export interface Advice {
  readonly what: string;
  /** Parts of the next-step sentence; a `{ href }` part is rendered as a link showing its own URL. */
  readonly next: (l: AdviceLinks) => ReadonlyArray<string | { readonly href: string }>;
  /** Used when the rejection itself names no section. */
  readonly spec?: string;
}

const startAgain = (l: AdviceLinks) => ['Start the sign-in again at ', { href: l.login }, '.'];
const clocks = (l: AdviceLinks) => ['Check that the IdP and SP clocks agree, then start again at ', { href: l.login }, '.'];
const checkIdpOutput = (l: AdviceLinks) => [
  'Look at what the IdP produced (the mock IdP\u2019s "Review the assertion first" shows it), then start again at ',
  { href: l.login },
  '.',
];
const reimport = (l: AdviceLinks) => [
  'Re-import the IdP metadata so this tenant trusts the IdP\u2019s current certificate and algorithms; this SP\u2019s own settings are at ',
  { href: l.metadata },
  '.',
];

export const ADVICE: Readonly<Record<SamlRejectionCode, Advice>> = {
  'binding/malformed': { what: 'The POST did not carry a usable SAMLResponse form field.', next: checkIdpOutput, spec: 'saml-bindings §3.5.4' },
  'xml/doctype': { what: 'The Response contains a DOCTYPE; SAML messages never do, and this SP refuses every DTD.', next: checkIdpOutput, spec: 'saml-bindings §3.5.4' },
  'xml/malformed': { what: 'The Response is not well-formed XML.', next: checkIdpOutput },
  'xml/too-large': { what: 'The Response is larger than this SP accepts.', next: checkIdpOutput },
  'xml/too-deep': { what: 'The Response nests elements deeper than this SP accepts.', next: checkIdpOutput },
  'response/invalid': { what: 'The Response lacks a part every SAML Response must have.', next: checkIdpOutput, spec: 'saml-core §3.2.2' },
  'status/not-success': {
    what: 'The IdP answered with a non-success status: it did not sign the user in.',
    next: (l) => ['Check why the IdP refused the user (its logs or the user\u2019s assignment to this app), then start again at ', { href: l.login }, '.'],
    spec: 'saml-core §3.2.2.2',
  },
  'status/no-passive': {
    what: 'The tenant asked the IdP to sign the user in without showing anything (IsPassive), and the user has no session there.',
    next: (l) => ['Sign in at the IdP first, or start again at ', { href: l.login }, ' with a tenant that does not send IsPassive.'],
    spec: 'saml-core §3.4.1',
  },
  'status/invalid-name-id-policy': {
    what: 'The IdP cannot give the NameID format (or AllowCreate) this tenant asks for in its NameIDPolicy.',
    next: (l) => ['Align the tenant\u2019s nameIdPolicy with the IdP\u2019s app (its Name ID format), then start again at ', { href: l.login }, '.'],
    spec: 'saml-core §3.4.1.1',
  },
  'status/no-authn-context': {
    what: 'The IdP cannot authenticate the user the way this tenant asks in its RequestedAuthnContext.',
    next: (l) => ['Align the tenant\u2019s requestedAuthnContext with the methods the IdP offers (e.g. MFA), then start again at ', { href: l.login }, '.'],
    spec: 'saml-core §3.3.2.2.1',
  },
  'authn-context/insufficient': {
    what: 'The IdP signed the user in with a weaker authentication than this tenant asked for.',
    next: (l) => ['Sign in at the IdP with the method the tenant requires (e.g. MFA), then start again at ', { href: l.login }, '.'],
    spec: 'saml-core §3.3.2.2.1',
  },
  'decryption/failed': {
    what: 'The encrypted assertion could not be decrypted.',
    next: (l) => ['Make sure the IdP encrypts to the encryption certificate in ', { href: l.metadata }, '.'],
    spec: 'saml-core §6.1',
  },
  'decryption/algorithm-refused': { what: 'The assertion is encrypted with an algorithm this tenant does not accept.', next: reimport, spec: 'saml-core §6.1' },
  'encryption/required': {
    what: 'This tenant accepts only encrypted assertions, and this one was not encrypted.',
    next: (l) => ['Turn on assertion encryption at the IdP with the certificate in ', { href: l.metadata }, '.'],
    spec: 'saml-core §2.3.4',
  },
  'assertion/count': { what: 'The Response must carry exactly one assertion.', next: checkIdpOutput, spec: 'saml-profiles §4.1.4.2' },
  'signature/missing': {
    what: 'The Response or its assertion is not signed the way this tenant requires.',
    next: (l) => ['Turn on response and/or assertion signing at the IdP (see WantAssertionsSigned in ', { href: l.metadata }, ').'],
    spec: 'saml-profiles §4.1.3.5',
  },
  'signature/invalid': { what: 'A signature does not verify with the certificate of the IdP this tenant trusts.', next: reimport, spec: 'saml-core §5.4' },
  'signature/algorithm-refused': { what: 'The signature uses an algorithm this tenant does not accept.', next: reimport, spec: 'saml-core §5.4' },
  'issuer/mismatch': { what: 'The Response was not issued by the IdP this tenant trusts.', next: reimport, spec: 'saml-profiles §4.1.4.2' },
  'destination/mismatch': {
    what: 'The Response is addressed to another URL than this tenant\u2019s ACS.',
    next: (l) => ['Set the IdP\u2019s reply (ACS) URL to ', { href: l.acs }, '.'],
    spec: 'saml-bindings §3.5.5.2',
  },
  'audience/mismatch': {
    what: 'The assertion is meant for another service provider.',
    next: (l) => ['Set the IdP\u2019s audience / Identifier (Entity ID) to ', { href: l.metadata }, '.'],
    spec: 'saml-core §2.5.1.4',
  },
  'recipient/mismatch': {
    what: 'The assertion\u2019s Recipient is not this tenant\u2019s ACS.',
    next: (l) => ['Set the IdP\u2019s reply (ACS) URL to ', { href: l.acs }, '.'],
    spec: 'saml-profiles §4.1.4.2',
  },
  'subject-confirmation/invalid': { what: 'The assertion has no usable bearer subject confirmation.', next: checkIdpOutput, spec: 'saml-profiles §4.1.4.2' },
  'subject-confirmation/expired': { what: 'The time to use this assertion has passed.', next: clocks, spec: 'saml-profiles §4.1.4.2' },
  'conditions/not-yet-valid': { what: 'The assertion is not valid yet.', next: clocks, spec: 'saml-core §2.5.1.2' },
  'conditions/expired': { what: 'The assertion has expired.', next: clocks, spec: 'saml-core §2.5.1.2' },
  'in-response-to/unknown': { what: 'The Response answers a sign-in request this SP did not send, or no longer remembers.', next: startAgain, spec: 'saml-profiles §4.1.4.3' },
  'in-response-to/mismatch': { what: 'The assertion answers a different request than its Response.', next: startAgain, spec: 'saml-profiles §4.1.4.3' },
  'in-response-to/other-browser': {
    what: 'The sign-in was started in another browser (or its cookie was lost).',
    next: (l) => ['Start the sign-in in this browser at ', { href: l.login }, '.'],
    spec: 'saml-profiles §4.1.4.3',
  },
  'unsolicited/refused': {
    what: 'This tenant refuses IdP-initiated sign-in: it accepts only answers to its own requests.',
    next: (l) => ['Start at ', { href: l.login }, ' (SP-initiated).'],
    spec: 'saml-profiles §4.1.5',
  },
  'replay/detected': { what: 'This assertion was already used: each is accepted once.', next: startAgain, spec: 'saml-profiles §4.1.4.5' },
  'attributes/missing': {
    what: 'A required attribute is missing from the assertion (names are case-sensitive).',
    next: () => ['Add the expected attribute(s) below to the IdP\u2019s claims for this app, spelled exactly.'],
    spec: 'saml-core §2.7.3.1',
  },
  ...userStateAdvice<AdviceLinks>('saml-profiles §4.1.4.2'),
  'tenant/sso-not-enabled': {
    what: 'Single sign-on is configured for this tenant but not enabled yet: only the administrator\u2019s Test Connection signs in.',
    next: (l) => ['The administrator runs Test Connection at ', { href: l.testConnection }, ', then enables SSO (POST ', { href: l.enableSso }, ' with the admin token).'],
    spec: 'NinjaOne guide step 7 (seed 002)',
  },
  'metadata/expired': {
    what: 'The IdP metadata this tenant trusts is past its validUntil, and no fresh copy could be fetched.',
    next: (l) => ['Make the IdP publish fresh metadata (or re-import it), then start again at ', { href: l.login }, '.'],
    spec: 'saml-metadata §2.3.2',
  },
  'artifact/malformed': { what: 'The sign-in carried no usable SAML artifact (a type 0x0004 artifact of 44 bytes).', next: checkIdpOutput, spec: 'saml-bindings §3.6.4.1' },
  'artifact/source-id': { what: 'The artifact was issued by another IdP than the one this tenant trusts.', next: reimport, spec: 'saml-bindings §3.6.4.1' },
  'artifact/resolution-failed': {
    what: 'The IdP\u2019s ArtifactResolutionService could not be reached or did not answer properly.',
    next: (l) => ['Check the IdP\u2019s ArtifactResolutionService (its metadata, or idp.artifactResolutionUrl), then start again at ', { href: l.login }, '.'],
    spec: 'saml-bindings §3.2.3.3',
  },
  'artifact/empty': { what: 'The IdP holds no message for this artifact: it is unknown, expired or was already used.', next: startAgain, spec: 'saml-core §3.5.3' },
  'artifact/signature-invalid': { what: 'The IdP\u2019s ArtifactResponse is not signed by the certificate this tenant trusts.', next: reimport, spec: 'saml-core §5.4' },
  'artifact/in-response-to': { what: 'The IdP\u2019s ArtifactResponse answers another request than the one this SP sent.', next: startAgain, spec: 'saml-core §3.5.3' },
};
