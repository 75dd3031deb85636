/*
 * DatoCMS (seed 004): SP-initiated SSO only — the SP refers the browser to the IdP's SSO URL, the IdP posts
 * the response back over the SAML HTTP-POST binding. Unsolicited responses are therefore refused.
 */
import type { SamlTenantInput } from '../config/saml-section.ts';

export const datocmsSamlProfile: SamlTenantInput = {
  allowUnsolicited: false,
  attributeMapping: { login: 'NameID', email: 'email', firstName: 'firstName', lastName: 'lastName' },
};
