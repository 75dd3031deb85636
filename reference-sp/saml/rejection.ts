/*
 * Every way the reference SP refuses a SAML response is a SamlRejection with a stable code from this union.
 * Steps and tests assert codes, never message text (STYLE.md §3). `status` is the HTTP status the ACS answers
 * with: 400 when the message itself is unusable (binding, XML), 403 when it is well-formed but not acceptable.
 * A detail never echoes what the sender controls before it is authenticated, nor anything decrypted: messages
 * are fixed text, `expected` is the SP's own configuration, and `actual` is set only for values the SP computed
 * itself, values from a fixed vocabulary (known algorithm URIs, SAML status codes) or values read after the
 * signature checks (content the trusted IdP signed). The class shape is every protocol's (../sign-in/rejection.ts).
 */
import { type RejectionDetail, SignInRejection } from '../sign-in/rejection.ts';

export type SamlRejectionCode =
  | 'binding/malformed'
  | 'xml/doctype'
  | 'xml/malformed'
  | 'xml/too-large'
  | 'xml/too-deep'
  | 'response/invalid'
  | 'status/not-success'
  /** The IdP answered NoPassive, InvalidNameIDPolicy or NoAuthnContext (./checks/check-status.ts, saml-core §3.2.2.2). */
  | 'status/no-passive'
  | 'status/invalid-name-id-policy'
  | 'status/no-authn-context'
  /** The IdP authenticated the user more weakly than the AuthnRequest asked (./checks/check-authn-context.ts). */
  | 'authn-context/insufficient'
  | 'decryption/failed'
  | 'decryption/algorithm-refused'
  | 'encryption/required'
  | 'assertion/count'
  | 'signature/missing'
  | 'signature/invalid'
  | 'signature/algorithm-refused'
  | 'issuer/mismatch'
  | 'destination/mismatch'
  | 'audience/mismatch'
  | 'recipient/mismatch'
  | 'subject-confirmation/invalid'
  | 'subject-confirmation/expired'
  | 'conditions/not-yet-valid'
  | 'conditions/expired'
  | 'in-response-to/unknown'
  | 'in-response-to/mismatch'
  | 'in-response-to/other-browser'
  | 'unsolicited/refused'
  | 'replay/detected'
  | 'attributes/missing'
  | 'user/unknown'
  | 'user/inactive'
  | 'user/deprovisioned'
  | 'tenant/sso-not-enabled'
  /** The tenant's imported IdP metadata is past its validUntil (./metadata-trust/check-metadata-valid.ts). */
  | 'metadata/expired'
  /** HTTP-Artifact binding (./artifact/): SAMLart is not a type 0x0004 artifact. saml-bindings §3.6.4.1 */
  | 'artifact/malformed'
  /** The artifact's SourceID is not the trusted IdP's. saml-bindings §3.6.4.1 */
  | 'artifact/source-id'
  /** The IdP's ArtifactResolutionService failed: network, timeout, HTTP status, SOAP fault. saml-bindings §3.2.3.3 */
  | 'artifact/resolution-failed'
  /** The IdP returned no message: unknown, expired or already resolved. saml-core §3.5.3 */
  | 'artifact/empty'
  /** The ArtifactResponse is unsigned or its signature does not verify. saml-core §3.5.2, §5.4 */
  | 'artifact/signature-invalid'
  /** The ArtifactResponse does not answer our ArtifactResolve. saml-core §3.5.3 */
  | 'artifact/in-response-to';

const BAD_REQUEST: ReadonlySet<SamlRejectionCode> = new Set(['binding/malformed', 'xml/doctype', 'xml/malformed', 'xml/too-large', 'xml/too-deep', 'response/invalid']);

export type SamlRejectionDetail = RejectionDetail;

export class SamlRejection extends SignInRejection<SamlRejectionCode> {
  override readonly name = 'SamlRejection';

  /**
   * `options.cause` keeps an unexpected exception for server-side logs only: toJSON, the JSON answer and the
   * HTML page never include it (it can quote the attacker's document or decrypted text).
   */
  constructor(code: SamlRejectionCode, detail: SamlRejectionDetail, options?: { readonly cause?: unknown }) {
    super(code, detail, BAD_REQUEST.has(code) ? 400 : code === 'artifact/resolution-failed' ? 502 : 403, options);
  }
}

/** Shorthand used by the checks: `throw reject('audience/mismatch', { … })`. */
export function reject(code: SamlRejectionCode, detail: SamlRejectionDetail): SamlRejection {
  return new SamlRejection(code, detail);
}

export function isSamlRejection(e: unknown): e is SamlRejection {
  return e instanceof SamlRejection;
}
