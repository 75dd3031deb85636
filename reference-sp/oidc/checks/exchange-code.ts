/*
 * The code exchange and the ID token's validation, by openid-client (OIDC Core §3.1.3): the code goes to the
 * token endpoint with the PKCE verifier of this browser's request (RFC 7636 §4.5) and the client's
 * authentication; the ID token must come back (idTokenExpected), signed with an allowed algorithm by a key of
 * the OP's JWKS, from the trusted issuer, for this client, unexpired, with this request's nonce (OIDC Core
 * §3.1.3.7 steps 2–11). What openid-client refuses becomes this SP's code in ../map-client-error.ts.
 * The OP's JWKS is kept for the next sign-in (../provider.ts), also when the token was refused.
 */
import * as client from 'openid-client';
import { mapClientError } from '../map-client-error.ts';
import type { CallbackCheck } from '../callback-state.ts';

export const exchangeCode: CallbackCheck = {
  name: 'exchange-code',
  async run(state) {
    const config = state.config!;
    const secrets = state.secrets!;
    const current = new URL(state.oidc.redirectUri);
    for (const [k, v] of state.params) current.searchParams.append(k, v);
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      state.idToken = tokens.id_token;
      state.accessToken = tokens.access_token;
      state.refreshToken = tokens.refresh_token;
      state.claims = { ...tokens.claims() };
    } catch (e) {
      throw mapClientError(e, { clientId: state.oidc.clientId, issuer: config.serverMetadata().issuer, algorithms: state.oidc.allowedSigningAlgorithms });
    } finally {
      state.deps.providers.keepJwks(state.tenant.id, config);
    }
  },
};
