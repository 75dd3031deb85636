/*
 * - when the ID token lacks a claim the tenant's mapping reads and the OP has a userinfo endpoint, the claims
 *   are completed from userinfo (OIDC Core §5.3), whose `sub` must be the ID token's (§5.3.2, checked by
 *   openid-client) (oidc/userinfo-refused); the ID token's own claims win over userinfo's
 * - an OP without userinfo, or an ID token carrying every mapped claim, costs no request
 */
import * as client from 'openid-client';
import { reject } from '../rejection.ts';
import type { CallbackCheck } from '../callback-state.ts';

export const fetchUserinfo: CallbackCheck = {
  name: 'fetch-userinfo',
  async run(state) {
    const claims = state.claims!;
    const m = state.oidc.claimMapping;
    const wanted = [m.login, m.email, m.name, ...(state.oidc.groupSync.enabled ? [state.oidc.groupSync.attributeName ?? m.groups] : [])];
    if (wanted.every((name) => name === undefined || name in claims)) return;
    const config = state.config!;
    if (!config.serverMetadata().userinfo_endpoint || !state.accessToken) return;
    try {
      const userinfo = await client.fetchUserInfo(config, state.accessToken, String(claims['sub']));
      state.claims = { ...userinfo, ...claims };
    } catch (e) {
      throw reject('oidc/userinfo-refused', { message: 'the OP\u2019s userinfo endpoint failed or answered for another subject', spec: 'OIDC Core §5.3.2' }, { cause: e });
    }
  },
};
