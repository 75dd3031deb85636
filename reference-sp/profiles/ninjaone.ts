/*
 * NinjaOne (seed 002): the IdP is imported from metadata ("Import Metadata from: URL / File / XML"), so a
 * NinjaOne tenant names `idp.metadataUrl`, `idp.metadataFile` or `idp.metadataXml`; the SP entity ID and reply
 * URL are copied into the IdP. The login is the user principal name (the NameID).
 */
import type { SamlTenantInput } from '../config/saml-section.ts';

export const ninjaoneSamlProfile: SamlTenantInput = {
  attributeMapping: { login: 'NameID', email: 'email', firstName: 'givenName', lastName: 'surname' },
};
