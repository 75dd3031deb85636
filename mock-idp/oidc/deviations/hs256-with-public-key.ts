/*
 * hs256WithPublicKey: the algorithm-confusion attack (RFC 8725 §2.1, §3.1): HS256 keyed with the OP's PUBLIC key
 * (its PEM), same `kid`; an RP that lets the token choose the algorithm would verify it with the key it trusts.
 */
import type { OidcDeviationModule } from './deviation.ts';
import { decode, sign } from './resign.ts';

export const hs256WithPublicKey: OidcDeviationModule = {
  stage: 'id-token',
  args: [],
  apply: async (jwt, _args, ctx) => {
    const { header, payload } = decode(jwt);
    return sign({ ...header, alg: 'HS256' }, payload, ctx, new TextEncoder().encode(ctx.keys.publicKeyPem()));
  },
};
