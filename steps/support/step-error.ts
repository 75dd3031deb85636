/*
 * Why a step refused its arguments, with a stable code (STYLE.md §3): a parameter that names no allowed value, or
 * a configuring step whose arguments do not apply to the scenario (it would otherwise change nothing and let the
 * scenario pass without testing anything). Tests assert the code; the message is for the QA engineer.
 */
export type StepErrorCode =
  /** A custom parameter type's text is a near miss of an allowed value (e.g. the wrong case). */
  | 'parameter/unknown-value'
  /** An attribute step names an attribute the IdP does not send for this SP. */
  | 'attribute/not-sent'
  /** An attribute step adds an attribute the IdP already sends for this SP. */
  | 'attribute/already-sent'
  /** A step changes how the SP or the IdP is set up after the SP started with its frozen configuration. */
  | 'stage/sp-started'
  /** A passing scenario scripted gateway answers (a 429, a 500) that no request met: it tested nothing. */
  | 'gateway/unconsumed-script'
  /** A SonarQube organization is defined twice in one scenario. */
  | 'organization/defined-twice'
  /** "…" to "…" does not name a range of numbered names (same prefix, same zero-padded width, ascending). */
  | 'group/not-a-range'
  /** A group is said to be nested in itself. */
  | 'group/nested-in-itself'
  /** A step about the IdP's metadata URL, for a tenant that does not import the metadata from a URL. */
  | 'metadata/not-from-url'
  /** A step about imported metadata (its signature), for a tenant given the IdP by hand. */
  | 'metadata/not-imported'
  /** A step about the IdP's signed metadata, but the IdP does not sign it. */
  | 'metadata/not-signed'
  /** A step about the IdP's retired signing key, but the IdP retired none. */
  | 'keys/none-retired'
  /** The tenant's profile already accepts only its entity ID as the Audience: the step would change nothing. */
  | 'audience/already-entity-id-only'
  /** A logout step that tampers with the SP's LogoutRequest, but the SP did not send one by HTTP-Redirect. */
  | 'logout/not-redirect'
  /** A logout step about an SP that registered no SingleLogoutService at the IdP. */
  | 'logout/no-slo'
  /** The IdP already sends the SP its logout messages by that binding: the step would change nothing. */
  | 'logout/binding-unchanged'
  /** A step ends the user's IdP sessions, but the IdP has none. */
  | 'logout/no-idp-session'
  /** A step about how artifacts reach the SP, but the tenant does not receive sign-ins by artifact. */
  | 'artifact/not-artifact';

export class StepArgumentError extends Error {
  override readonly name = 'StepArgumentError';

  constructor(
    readonly code: StepErrorCode,
    message: string,
  ) {
    super(message);
  }
}
