/* stateNotEchoed: the authorization response drops `state` (RFC 6749 §4.1.2: REQUIRED if it was in the request). */
import type { OidcDeviationModule } from './deviation.ts';

export const stateNotEchoed: OidcDeviationModule = {
  stage: 'authorization-response',
  args: [],
  apply: async (params) => {
    params.delete('state');
  },
};
