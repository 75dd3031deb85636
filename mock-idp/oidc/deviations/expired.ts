/* expired [seconds=600]: the ID token's `exp` is that long in the past (OIDC Core §3.1.3.7 step 9). */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims, seconds } from './resign.ts';

export const expired: OidcDeviationModule = {
  stage: 'id-token',
  args: ['seconds?'],
  apply: (jwt, [by], ctx) =>
    resignClaims(jwt, ctx, (p) => {
      p.exp = ctx.now - seconds(by, 600);
      p.iat = p.exp - 3600;
      if (p.auth_time !== undefined) p.auth_time = p.iat;
    }),
};
