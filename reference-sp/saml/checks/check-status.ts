/*
 * - the top-level StatusCode must be urn:oasis:names:tc:SAML:2.0:status:Success (saml-core §3.2.2.2);
 *   anything else (Requester, Responder, AuthnFailed…) means the IdP did not authenticate the user
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr, path, text } from '../xml.ts';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

export const checkStatus: Check = {
  name: 'check-status',
  run(state) {
    const response = need(state.response, 'the Response');
    const code = path(response, NS.samlp, 'Status', 'StatusCode');
    const value = attr(code, 'Value');
    if (value !== SUCCESS) {
      const sub = attr(code && path(code, NS.samlp, 'StatusCode'), 'Value');
      const message = text(path(response, NS.samlp, 'Status', 'StatusMessage'));
      throw reject('status/not-success', {
        message: `the IdP answered ${value ?? 'no status'}${sub ? ` / ${sub}` : ''}${message ? `: ${message}` : ''}`,
        expected: SUCCESS,
        actual: value ?? '',
        spec: 'saml-core §3.2.2.2',
      });
    }
  },
};
