/*
 * Typed errors of the provisioning simulator. Every failure carries a stable `code` that tests, steps and the
 * provisioning log assert on; messages are for humans only.
 */
export type ProvisioningErrorCode =
  | 'fixture/invalid'
  | 'fixture/unknown-reference'
  | 'directory/unknown-object'
  | 'directory/duplicate-id'
  /** `--synthetic users=N,groups=N,members=N` that is not that, or asks for more than a directory can hold. */
  | 'synthetic/invalid'
  | 'mapping/invalid'
  | 'mapping/expression'
  | 'mapping/unknown-target'
  | 'mapping/required-missing'
  | 'mapping/no-matching-attribute'
  | 'scoping/invalid'
  | 'config/invalid'
  | 'http/transport'
  | 'http/status'
  | 'http/retries-exhausted'
  | 'http/bad-response'
  | 'connection/failed'
  /** OneLogin: a directory group the app does not have (OneLogin assigns users only to the app's own groups). */
  | 'group/not-in-target'
  | 'job/quarantined';

export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
  constructor(
    readonly code: ProvisioningErrorCode,
    message: string,
    /** Every problem found, each naming its full path (config and fixture validation collect them all). */
    readonly problems: readonly string[] = [],
    /** HTTP status when the error came from the SCIM endpoint. */
    readonly status?: number,
  ) {
    super(message);
  }
}
