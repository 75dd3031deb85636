/*
 * issuedInFuture [seconds=600]: the ID token's `iat` is that far in the future (OIDC Core §3.1.3.7 step 10: iat
 * "can be used to reject tokens that were issued too far away from the current time"; RFC 7519 §4.1.6).
 */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims, seconds } from './resign.ts';

export const issuedInFuture: OidcDeviationModule = {
  stage: 'id-token',
  args: ['seconds?'],
  apply: (jwt, [by], ctx) =>
    resignClaims(jwt, ctx, (p) => {
      p.iat = ctx.now + seconds(by, 600);
      p.exp = p.iat + 3600;
    }),
};
