/*
 * - saml-metadata §2.4.1.1: the IdP's signing key is the one its metadata publishes; every signature is checked
 *   with that pinned certificate. A certificate in the message's ds:KeyInfo is the attacker's to choose
 *   (xmldsig-core §4.4: KeyInfo is a hint, "may be omitted"; trusting it is CVE-2017-11428-style key confusion).
 */
import { need, type Rule } from '../state.ts';

export const pinIdpKey: Rule = (state) => {
  const pinned = need(state, 'ctx').idp.certificatePem;
  state.keyFor = () => pinned;
};
