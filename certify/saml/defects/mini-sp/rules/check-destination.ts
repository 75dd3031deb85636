/*
 * - saml-bindings §3.5.5.2: a Response delivered over HTTP-POST names its Destination, and the SP refuses it
 *   unless that is the ACS it arrived at (a response minted for another SP is not replayed here)
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';

export const checkDestination: Rule = (state) => {
  if (need(state, 'response').getAttribute('Destination') !== state.ctx.acsUrl) refuse('destination/mismatch');
};
