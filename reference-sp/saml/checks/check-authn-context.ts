/*
 * saml-core §3.3.2.2.1: when the AuthnRequest this response answers carried a <RequestedAuthnContext>, the
 * verified assertion's <AuthnStatement><AuthnContext><AuthnContextClassRef> must satisfy it, by the request's
 * Comparison (exact, minimum, better, maximum) over the SP's order of classes (../authn-context-classes.ts):
 * an IdP that signed the user in with a password when MFA was asked for is refused (authn-context/insufficient).
 * - what was requested comes from the SP's own record of the request (../request-store.ts), never the response
 * - no request (unsolicited) or nothing requested: nothing to check
 * - no AuthnContextClassRef at all does not satisfy a request
 * The class is read after the signature checks, so `actual` repeats only what the trusted IdP signed.
 */
import { meetsRequest } from '../authn-context-classes.ts';
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, path } from '../xml.ts';

export const checkAuthnContext: Check = {
  name: 'check-authn-context',
  run(state) {
    const requested = state.requestedAuthnContext;
    if (!requested) return;
    const classRef = path(need(state.assertion, 'the verified assertion'), NS.saml, 'AuthnStatement', 'AuthnContext', 'AuthnContextClassRef')?.textContent?.trim();
    if (classRef && meetsRequest(classRef, requested)) return;
    throw reject('authn-context/insufficient', {
      message: `the IdP's authentication does not meet the requested context (${requested.comparison})`,
      expected: [...requested.classes],
      ...(classRef ? { actual: classRef } : {}),
      spec: 'saml-core §3.3.2.2.1',
    });
  },
};
