/*
 * NinjaOne (seed 002): the IdP is imported from metadata ("Import Metadata from: URL / File / XML"), so a
 * NinjaOne tenant names `idp.metadataUrl`, `idp.metadataFile` or `idp.metadataXml`; the SP entity ID and reply
 * URL are copied into the IdP. The login is the user principal name (the NameID).
 * Step 7 ("When the test succeeds, click Save, and on the resulting page, click Enable"): a NinjaOne tenant starts
 * configured but not enabled (`ssoEnabled: false`): only a Test Connection signs in until the admin enables SSO.
 */
import type { SamlTenantInput } from '../config/saml-section.ts';

export const ninjaoneSamlProfile: SamlTenantInput = {
  attributeMapping: { login: 'NameID', email: 'email', firstName: 'givenName', lastName: 'surname' },
  ssoEnabled: false,
};
