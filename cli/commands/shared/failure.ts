/*
 * The two ways a command ends badly, told apart by their exit code:
 * - a usage error (exit 2): the arguments are wrong; the message names the flag, and the usage line follows. These
 *   go through commander's `command.error()` (./usage.ts), like commander's own errors.
 * - a CommandFailure (exit 1): the arguments were fine but the run could not do its job (a port in use, an
 *   endpoint that cannot be reached, a token refused). One line, with a stable code; never the usage text.
 */
export type FailureCode =
  | 'start/port-in-use'
  | 'start/port-not-allowed'
  | 'certify/unreachable'
  | 'certify/token-refused'
  | 'certify/not-scim'
  | 'certify-saml/no-browser'
  | 'certify-saml/idp-port-in-use'
  | 'certify-saml/metadata-unreachable'
  | 'certify-saml/bad-metadata'
  | 'idp-mint/failed'
  | 'cli/unexpected';

export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

/** Usage error codes beyond commander's own (`commander.unknownOption`, …); printed in brackets after the message. */
export type UsageCode =
  | 'cli/invalid-value'
  | 'cli/missing-option'
  | 'certify/invalid-options'
  | 'idp-mint/encrypt-to-not-certificate'
  | 'idp-mint/encrypt-to-unreadable'
  | 'idp-mint/out-dir-missing'
  | 'start/invalid-config'
  | 'provision/invalid-config'
  | 'expression/usage';
