/* wrongIssuer [iss]: the ID token's `iss` is another issuer's (OIDC Core §3.1.3.7 step 2: the RP MUST reject it). */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims } from './resign.ts';

export const wrongIssuer: OidcDeviationModule = {
  stage: 'id-token',
  args: ['string?'],
  apply: (jwt, [iss], ctx) =>
    resignClaims(jwt, ctx, (p) => {
      p.iss = (iss as string | undefined) ?? ctx.otherIssuer;
    }),
};
