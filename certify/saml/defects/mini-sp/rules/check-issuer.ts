/*
 * - saml-profiles §4.1.4.2: the assertion's Issuer is the IdP's entity ID; the Response's Issuer, when present,
 *   too (saml-core §3.2.2). The key is pinned, so this is defence in depth against a response from another IdP
 *   that shares a key, and against a misconfigured trust.
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, child } from '../xml.ts';

export const checkIssuer: Rule = (state) => {
  const expected = state.ctx.idp.entityId;
  if (child(need(state, 'assertion'), NS.assertion, 'Issuer')?.textContent?.trim() !== expected) refuse('issuer/mismatch');
  const responseIssuer = child(need(state, 'response'), NS.assertion, 'Issuer');
  if (responseIssuer && responseIssuer.textContent?.trim() !== expected) refuse('issuer/mismatch');
};
