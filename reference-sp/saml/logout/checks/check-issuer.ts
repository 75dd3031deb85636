/*
 * - a logout message must name the tenant's trusted IdP as its Issuer (SAML Profiles §4.4.4.1 for a
 *   LogoutRequest, §4.4.4.2 for a LogoutResponse: "The <Issuer> element MUST be present and MUST contain the
 *   unique identifier of the requesting entity"); the signature held for that IdP's key, and the Issuer must
 *   agree with it
 */
import type { SamlTenantConfig } from '../../../config/saml-section.ts';
import { NS, child, text } from '../../xml.ts';
import { refuseLogout } from '../logout-rejection.ts';

export function checkLogoutIssuer(root: Element, saml: Pick<SamlTenantConfig, 'idp'>): void {
  if (text(child(root, NS.saml, 'Issuer'))?.trim() !== saml.idp.entityId) {
    throw refuseLogout(
      'logout/issuer',
      `the ${root.localName} Issuer is not the tenant's IdP`,
      root.localName === 'LogoutRequest' ? 'saml-profiles §4.4.4.1' : 'saml-profiles §4.4.4.2',
    );
  }
}
