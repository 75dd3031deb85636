/* stateAltered [state]: the authorization response carries another `state` (RFC 6749 §10.12, CSRF). */
import { randomBytes } from 'node:crypto';
import type { OidcDeviationModule } from './deviation.ts';

export const stateAltered: OidcDeviationModule = {
  stage: 'authorization-response',
  args: ['string?'],
  apply: async (params, [state]) => {
    params.set('state', (state as string | undefined) ?? randomBytes(16).toString('base64url'));
  },
};
