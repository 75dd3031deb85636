/*
 * - the top-level StatusCode must be urn:oasis:names:tc:SAML:2.0:status:Success (saml-core §3.2.2.2);
 *   anything else (Requester, Responder, AuthnFailed…) means the IdP did not authenticate the user
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr, path } from '../xml.ts';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const STATUS_CODE = /^urn:oasis:names:tc:SAML:2\.0:status:[A-Za-z]{1,40}$/;

export const checkStatus: Check = {
  name: 'check-status',
  run(state) {
    const response = need(state.response, 'the Response');
    const code = path(response, NS.samlp, 'Status', 'StatusCode');
    const value = attr(code, 'Value');
    if (value !== SUCCESS) {
      // The status is read before any signature check, so only SAML's own status-code vocabulary is repeated;
      // the StatusMessage and any other text are not (they would reflect the sender's words onto our page).
      const sub = attr(code && path(code, NS.samlp, 'StatusCode'), 'Value');
      const known = (v: string | undefined) => (v && STATUS_CODE.test(v) ? v : undefined);
      const named = [known(value), known(sub)].filter((v): v is string => v !== undefined);
      throw reject('status/not-success', {
        message: `the IdP did not answer Success${named.length > 0 ? ` (${named.join(' / ')})` : ''}`,
        expected: SUCCESS,
        ...(known(value) ? { actual: known(value)! } : {}),
        spec: 'saml-core §3.2.2.2',
      });
    }
  },
};
