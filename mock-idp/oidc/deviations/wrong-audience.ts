/* wrongAudience [aud]: the ID token's `aud` names another client (OIDC Core §3.1.3.7 step 3). */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims } from './resign.ts';

export const wrongAudience: OidcDeviationModule = {
  stage: 'id-token',
  args: ['string?'],
  apply: (jwt, [aud], ctx) =>
    resignClaims(jwt, ctx, (p) => {
      p.aud = (aud as string | undefined) ?? 'another-client';
    }),
};
