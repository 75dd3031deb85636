/*
 * algNone: an unsecured JWT (`alg: none`, empty signature, RFC 7519 §6), which OIDC Core §3.1.3.7 step 7 forbids
 * for ID tokens from the token endpoint of a client registered for RS256.
 */
import type { OidcDeviationModule } from './deviation.ts';
import { decode } from './resign.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export const algNone: OidcDeviationModule = {
  stage: 'id-token',
  args: [],
  apply: async (jwt) => {
    const { payload } = decode(jwt);
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
  },
};
