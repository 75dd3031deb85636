/*
 * - the top-level StatusCode must be urn:oasis:names:tc:SAML:2.0:status:Success (saml-core §3.2.2.2);
 *   anything else (Requester, Responder, AuthnFailed…) means the IdP did not authenticate the user
 * - three second-level codes answer what this SP asked for in its AuthnRequest, so each has its own code:
 *   NoPassive → status/no-passive (IsPassive, §3.4.1), InvalidNameIDPolicy → status/invalid-name-id-policy
 *   (§3.4.1.1), NoAuthnContext → status/no-authn-context (§3.3.2.2.1); every other status is status/not-success
 */
import { reject, type SamlRejectionCode } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr, path } from '../xml.ts';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const STATUS_CODE = /^urn:oasis:names:tc:SAML:2\.0:status:[A-Za-z]{1,40}$/;
const BY_SUB_STATUS: ReadonlyMap<string, { readonly code: SamlRejectionCode; readonly spec: string }> = new Map([
  ['urn:oasis:names:tc:SAML:2.0:status:NoPassive', { code: 'status/no-passive', spec: 'saml-core §3.4.1' }],
  ['urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy', { code: 'status/invalid-name-id-policy', spec: 'saml-core §3.4.1.1' }],
  ['urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext', { code: 'status/no-authn-context', spec: 'saml-core §3.3.2.2.1' }],
]);

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
      const answered = sub === undefined ? undefined : BY_SUB_STATUS.get(sub);
      throw reject(answered?.code ?? 'status/not-success', {
        message: `the IdP did not answer Success${named.length > 0 ? ` (${named.join(' / ')})` : ''}`,
        expected: SUCCESS,
        ...(known(value) ? { actual: known(value)! } : {}),
        spec: answered?.spec ?? 'saml-core §3.2.2.2',
      });
    }
  },
};
