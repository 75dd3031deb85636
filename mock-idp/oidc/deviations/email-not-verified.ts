/*
 * emailNotVerified: `email_verified: false` (OIDC Core §5.1): a valid token whose email an RP must not trust for
 * account linking (OIDC Core §5.7 "claim stability"). Re-signed with the OP's key.
 */
import type { OidcDeviationModule } from './deviation.ts';
import { resignClaims } from './resign.ts';

export const emailNotVerified: OidcDeviationModule = {
  stage: 'id-token',
  args: [],
  apply: (jwt, _args, ctx) =>
    resignClaims(jwt, ctx, (p) => {
      p['email_verified'] = false;
    }),
};
