/* missingNonce: the ID token carries no `nonce` although the request sent one (OIDC Core §3.1.3.7 step 11). */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims } from './resign.ts';

export const missingNonce: OidcDeviationModule = {
  stage: 'id-token',
  args: [],
  apply: (jwt, _args, ctx) =>
    resignClaims(jwt, ctx, (p) => {
      delete p['nonce'];
    }),
};
