/*
 * codeFromAnotherIssuer: the authorization response carries a real code minted by ANOTHER issuer of this IdP for
 * the same client and user (the mix-up attack, RFC 9700 §4.4): redeemed at this issuer it is refused with
 * `invalid_grant` (RFC 6749 §5.2), since a code is bound to the server that issued it.
 */
import type { OidcDeviationModule } from './deviation.ts';

export const codeFromAnotherIssuer: OidcDeviationModule = {
  stage: 'authorization-response',
  args: [],
  apply: async (params, _args, ctx) => {
    params.set('code', await ctx.mintCodeElsewhere());
  },
};
