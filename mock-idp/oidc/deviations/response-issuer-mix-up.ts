/*
 * responseIssuerMixUp [iss]: the authorization response's `iss` parameter names another issuer (RFC 9207 §2.4:
 * the client MUST reject a response whose `iss` is not the issuer it sent the request to — the mix-up defence).
 */
import type { OidcDeviationModule } from './deviation.ts';

export const responseIssuerMixUp: OidcDeviationModule = {
  stage: 'authorization-response',
  args: ['string?'],
  apply: async (params, [iss], ctx) => {
    params.set('iss', (iss as string | undefined) ?? ctx.otherIssuer);
  },
};
