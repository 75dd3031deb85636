/*
 * unknownKid: signed by a key the OP does not publish, under that key's own `kid` (OIDC Core §10.1: the RP looks
 * the kid up in the OP's JWKS; refetching finds nothing, so the token is refused).
 */
import type { OidcDeviationModule } from './deviation.ts';
import { decode, sign } from './resign.ts';

export const unknownKid: OidcDeviationModule = {
  stage: 'id-token',
  args: [],
  apply: async (jwt, _args, ctx) => {
    const { header, payload } = decode(jwt);
    const rogue = ctx.keys.rogue();
    return sign({ ...header, kid: rogue.kid }, payload, ctx, rogue.key);
  },
};
