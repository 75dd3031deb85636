/*
 * issuedInFuture [seconds=600]: the ID token is issued that far in the future: `iat` and `nbf` (Entra stamps
 * nbf = iat on its ID tokens) both ahead of now, exp an hour later. OIDC Core §3.1.3.7 step 10 lets the RP reject
 * an iat "too far away from the current time"; RFC 7519 §4.1.5 says a token MUST NOT be accepted before nbf.
 */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims, seconds } from './resign.ts';

export const issuedInFuture: OidcDeviationModule = {
  stage: 'id-token',
  args: ['seconds?'],
  apply: (jwt, [by], ctx) =>
    resignClaims(jwt, ctx, (p) => {
      p.iat = ctx.now + seconds(by, 600);
      p.nbf = p.iat;
      p.exp = p.iat + 3600;
    }),
};
