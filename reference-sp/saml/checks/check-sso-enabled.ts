/*
 * NinjaOne's guide, step 7 (seed 002): "After testing the connection, you may be prompted to log in. When the test
 * succeeds, click Save, and on the resulting page, click Enable. Single sign-on will now be active."
 * - a tenant whose SSO is configured but not enabled (../sso-enablement.ts) refuses a user's sign-in
 *   (tenant/sso-not-enabled)
 * - except the administrator's Test Connection: a response that answers an AuthnRequest the Test Connection route
 *   sent (state.requestPurpose, read from the SP's own record of the request by check-in-response-to). Neither the
 *   RelayState nor anything else in the response can make a sign-in a test; an unsolicited response never is one.
 * Before the user lookup, so a refused sign-in creates no user (just-in-time provisioning).
 */
import { reject } from '../rejection.ts';
import { signInAllowed } from '../../sign-in/sso-enablement.ts';
import type { Check } from '../state.ts';

export const checkSsoEnabled: Check = {
  name: 'check-sso-enabled',
  run(state) {
    if (signInAllowed(state.deps.ssoState, state.tenant, state.requestPurpose)) return;
    throw reject('tenant/sso-not-enabled', { message: 'single sign-on is configured for this tenant but not enabled yet', spec: 'NinjaOne guide step 7 (seed 002)' });
  },
};
