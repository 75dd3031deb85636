/*
 * replayedNonce: the ID token carries the nonce of the previous sign-in, not this request's (OIDC Core §3.1.3.7
 * step 11, §15.5.2 replay). Queuing it needs a previous ID token with a nonce (else oidc/deviation-not-applicable).
 */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims } from './resign.ts';

export const replayedNonce: OidcDeviationModule = {
  stage: 'id-token',
  args: [],
  apply: (jwt, _args, ctx) =>
    resignClaims(jwt, ctx, (p) => {
      p['nonce'] = ctx.previousNonce;
    }),
};
