/*
 * - an authorization error response (OIDC Core §3.1.2.6, RFC 6749 §4.1.2.1) ends the sign-in: oidc/idp-error,
 *   naming the OP's error code when it is one of the registered codes (a fixed vocabulary); error_description
 *   and error_uri are the sender's text and are never shown
 */
import { reject } from '../rejection.ts';
import type { CallbackCheck } from '../callback-state.ts';

/** RFC 6749 §4.1.2.1 and OIDC Core §3.1.2.6 error codes. */
const REGISTERED = new Set([
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'interaction_required',
  'login_required',
  'account_selection_required',
  'consent_required',
  'invalid_request_uri',
  'invalid_request_object',
  'request_not_supported',
  'request_uri_not_supported',
  'registration_not_supported',
]);

export const checkErrorResponse: CallbackCheck = {
  name: 'check-error-response',
  run({ params }) {
    const error = params.get('error');
    if (error === null) return;
    const named = REGISTERED.has(error) ? { actual: error } : {};
    throw reject('oidc/idp-error', { message: 'the OP answered the sign-in with an error: it did not sign the user in', ...named, spec: 'OIDC Core §3.1.2.6' });
  },
};
