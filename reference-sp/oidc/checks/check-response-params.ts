/*
 * - every authorization response parameter appears at most once (RFC 6749 §3.1: "Request and response
 *   parameters MUST NOT be included more than once") (oidc/response-invalid)
 * - the response carries a code or an error (RFC 6749 §4.1.2, §4.1.2.1) (oidc/response-invalid)
 * - no parameter is longer than this SP reads (every later check's cost stays bounded)
 */
import { reject } from '../rejection.ts';
import type { CallbackCheck } from '../callback-state.ts';

const SINGLE = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'] as const;
const MAX_PARAMETER_LENGTH = 4096;

export const checkResponseParams: CallbackCheck = {
  name: 'check-response-params',
  run({ params }) {
    for (const name of SINGLE) {
      const values = params.getAll(name);
      if (values.length > 1) throw reject('oidc/response-invalid', { message: 'a parameter of the authorization response is repeated', expected: name, spec: 'RFC 6749 §3.1' });
      if ((values[0]?.length ?? 0) > MAX_PARAMETER_LENGTH)
        throw reject('oidc/response-invalid', { message: 'a parameter of the authorization response is too long', expected: name, spec: 'RFC 6749 §4.1.2' });
    }
    if (!params.has('code') && !params.has('error')) {
      throw reject('oidc/response-invalid', { message: 'the authorization response carries neither a code nor an error', spec: 'RFC 6749 §4.1.2' });
    }
  },
};
