/*
 * - saml-core §3.2.2: the root is samlp:Response, Version "2.0", with an ID
 * - saml-core §3.2.2.2: the top-level StatusCode is Success, otherwise nobody signs in
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, STATUS_SUCCESS, at } from '../xml.ts';

export const checkResponse: Rule = (state) => {
  const root = need(state, 'doc').documentElement!;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'Response') refuse('response/invalid');
  if (root.getAttribute('Version') !== '2.0' || !root.getAttribute('ID')) refuse('response/invalid');
  const status = at(root, [NS.protocol, 'Status'], [NS.protocol, 'StatusCode']);
  if (status?.getAttribute('Value') !== STATUS_SUCCESS) refuse('status/not-success');
  state.response = root;
};
