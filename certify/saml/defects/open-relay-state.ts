/*
 * Defect: after sign-in the browser is sent wherever RelayState says, another host included.
 * Replaces the RelayState rule. Family: open redirect (CWE-601).
 */
import type { SamlDefect } from './defect.ts';

export const openRelayState: SamlDefect = {
  name: 'open-relay-state',
  description: 'follows any RelayState',
  flaggedBy: ['SAML-RELAY-01', 'SAML-RELAY-02', 'SAML-RELAY-03'],
  alsoAffects: [],
  replacement: { relayTarget: (relayState) => (typeof relayState === 'string' && relayState !== '' ? relayState : '/') },
};
