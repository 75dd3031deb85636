/*
 * - a tenant whose IdP metadata is past its validUntil refuses every sign-in with metadata/expired
 *   (saml-metadata §2.3.2; errata E94: expired metadata MUST NOT be used), at the login route and at the ACS
 * - the metadata a tenant holds expires when no refresh replaced it in time (the IdP's metadata URL stopped
 *   answering, or only served expired documents: ../idp-metadata-refresh.ts keeps the last good copy until then)
 * First in the ACS pipeline: nothing from the response is read when the trust itself has lapsed.
 */
import type { ResolvedIdp } from '../../config/saml-section.ts';
import { reject, type SamlRejection } from '../rejection.ts';
import type { Check } from '../state.ts';
import { EXPIRY_SPEC, isExpired } from './refuse-expired.ts';

/** The rejection a sign-in gets when the tenant's IdP metadata has expired, else undefined. */
export function metadataExpiry(idp: Pick<ResolvedIdp, 'validUntil'>, now: Date): SamlRejection | undefined {
  if (!isExpired(idp.validUntil, now)) return undefined;
  return reject('metadata/expired', { message: 'the IdP metadata this tenant trusts has expired', expected: `valid until ${idp.validUntil}`, spec: EXPIRY_SPEC });
}

export const checkMetadataValid: Check = {
  name: 'check-metadata-valid',
  run(state) {
    const refused = metadataExpiry(state.saml.idp, state.now);
    if (refused) throw refused;
  },
};
