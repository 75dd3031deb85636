/*
 * NinjaOne's SSO enablement gate (seed 002, step 7: "click Enable. Single sign-on will now be active") for
 * OpenID Connect sign-ins, by the same rule and the same record as SAML (../../sign-in/sso-enablement.ts: the admin's
 * Enable in the store, else the tenant's configured ssoEnabled, which the NinjaOne profile leaves false):
 * - a tenant whose SSO is not enabled refuses a user's sign-in: tenant/sso-not-enabled
 * - except the administrator's Test Connection: a response to an authorization request the Test Connection route
 *   sent (state.purpose, read from the SP's own record of the request by check-state); nothing in the response
 *   can make a sign-in a test
 * Before the code is redeemed and before the user lookup, so a refused sign-in creates no user (JIT).
 */
import { signInAllowed } from '../../sign-in/sso-enablement.ts';
import type { CallbackCheck } from '../callback-state.ts';
import { reject } from '../rejection.ts';

export const checkSsoEnabled: CallbackCheck = {
  name: 'check-sso-enabled',
  run(state) {
    if (signInAllowed(state.deps.ssoState, state.tenant, state.purpose)) return;
    throw reject('tenant/sso-not-enabled', { message: 'single sign-on is configured for this tenant but not enabled yet', spec: 'NinjaOne guide step 7 (seed 002)' });
  },
};
