/*
 * Defect (interoperability, not security): AES-GCM encrypted assertions are refused, as by SPs on XML libraries
 * that predate xmlenc-core1 (only AES-CBC). Proves the encryption interop tests are not vacuous.
 * Replaces decrypt-assertion. Family: xmlenc-core1 §5.2.4 (AES-GCM, the safe choice after Jager & Somorovsky 2011).
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { decryptAssertion } from './mini-sp/rules/decrypt-assertion.ts';
import { need } from './mini-sp/state.ts';
import { NS, at } from './mini-sp/xml.ts';

export const refusesGcm: SamlDefect = {
  name: 'refuses-gcm',
  description: 'cannot decrypt AES-GCM (AES-CBC only)',
  flaggedBy: ['SAML-ENC-03', 'SAML-ENC-04'],
  alsoAffects: [],
  replacement: {
    acs: 'decryptAssertion',
    rule: (state) => {
      const cipher = at(need(state, 'response'), [NS.assertion, 'EncryptedAssertion'], [NS.xenc, 'EncryptedData'], [NS.xenc, 'EncryptionMethod']);
      if (cipher?.getAttribute('Algorithm')?.endsWith('-gcm')) refuse('decryption/failed');
      return decryptAssertion(state);
    },
  },
};
