/*
 * Why the reference SP does not trust an IdP metadata document: a typed error with a stable code (STYLE.md §3),
 * raised while metadata is imported (start-up: a ConfigError problem names the config path and the code) or
 * refreshed (the refresh is refused, logged with the code, and the last good metadata kept). Messages are fixed
 * text: nothing the metadata host sent is echoed (saml-metadata is unauthenticated until its signature verifies).
 * - metadata/expired               its validUntil has passed (saml-metadata §2.3.2, errata E94)
 * - metadata/validity-malformed    validUntil or cacheDuration does not parse (saml-metadata §2.3.1/§2.3.2)
 * - metadata/signature-missing     a metadataSigningCertificate is configured and the root carries no signature (§3)
 * - metadata/signature-invalid     the root's signature breaks the profile or does not verify (§3.1)
 */
export type MetadataTrustCode = 'metadata/expired' | 'metadata/validity-malformed' | 'metadata/signature-missing' | 'metadata/signature-invalid';

export class MetadataTrustError extends Error {
  override readonly name = 'MetadataTrustError';

  constructor(
    readonly code: MetadataTrustCode,
    message: string,
    /** The spec section the rule comes from. */
    readonly spec: string,
  ) {
    super(message);
  }

  /** One line for a ConfigError problem or a log field: the fixed message and the code. */
  describe(): string {
    return `${this.message} (${this.code}, ${this.spec})`;
  }
}
