/*
 * The OIDC callback as one ordered table of one-rule files, like the SAML ACS (../saml/pipeline.ts). Each row's
 * comment names its codes and spec section. A check throws an OidcRejection; anything else thrown is a bug
 * and the route answers it as a server fault (500 server/error), never as a client's code.
 */
import type { CallbackCheck, CallbackState } from './callback-state.ts';
import { checkEmailVerified } from './checks/check-email-verified.ts';
import { checkErrorResponse } from './checks/check-error-response.ts';
import { checkIssuedAt } from './checks/check-issued-at.ts';
import { checkMixUp } from './checks/check-mix-up.ts';
import { checkResponseParams } from './checks/check-response-params.ts';
import { checkSsoEnabled } from './checks/check-sso-enabled.ts';
import { checkState } from './checks/check-state.ts';
import { exchangeCode } from './checks/exchange-code.ts';
import { fetchUserinfo } from './checks/fetch-userinfo.ts';
import { mapTenantClaims } from './checks/map-claims.ts';
import { signInMappedUser } from './checks/sign-in-user.ts';
import { mapClientError } from './map-client-error.ts';
import { OidcRejection } from './rejection.ts';

const loadProvider: CallbackCheck = {
  name: 'load-provider',
  async run(state) {
    try {
      state.config = await state.deps.providers.configuration(state.tenant.id, state.oidc);
    } catch (e) {
      throw mapClientError(e, { clientId: state.oidc.clientId, issuer: state.oidc.issuer.issuer, algorithms: state.oidc.allowedSigningAlgorithms });
    }
  },
};

export const CALLBACK_CHECKS: readonly CallbackCheck[] = [
  checkResponseParams, // oidc/response-invalid                          RFC 6749 §3.1, §4.1.2
  checkState, //          oidc/state (missing, unknown, other browser, used twice)  OIDC Core §3.1.2.7, RFC 6749 §10.12
  loadProvider, //        oidc/op-unreachable                            OIDC Discovery §4
  checkMixUp, //          oidc/mix-up                                    RFC 9207 §2.4
  checkErrorResponse, //  oidc/idp-error                                 OIDC Core §3.1.2.6
  checkSsoEnabled, //     tenant/sso-not-enabled (Test Connection excepted)  NinjaOne guide step 7 (seed 002)
  exchangeCode, //        oidc/token-refused, iss-mismatch, aud-mismatch, azp, alg-refused, signature-invalid,
  //                      unknown-kid, expired, nonce, id-token-invalid  OIDC Core §3.1.3.7 (by openid-client)
  checkIssuedAt, //       oidc/iat-future                                OIDC Core §3.1.3.7 step 10
  fetchUserinfo, //       oidc/userinfo-refused                          OIDC Core §5.3.2
  checkEmailVerified, //  oidc/email-unverified                          OIDC Core §5.1
  mapTenantClaims, //     oidc/claims-missing                            OIDC Core §5.1
  signInMappedUser, //    user/unknown, user/deprovisioned, user/inactive  RFC 7643 §4.1.1, RFC 7644 §3.6
];

export type CallbackResult = { readonly ok: true; readonly state: CallbackState } | { readonly ok: false; readonly rejection: OidcRejection; readonly state: CallbackState };

export async function runCallback(state: CallbackState): Promise<CallbackResult> {
  for (const check of CALLBACK_CHECKS) {
    try {
      await check.run(state);
    } catch (e) {
      if (e instanceof OidcRejection) return { ok: false, rejection: e, state };
      throw e;
    }
  }
  return { ok: true, state };
}
