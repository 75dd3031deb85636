/*
 * SonarQube Cloud (seed 003), Custom SAML:
 * - Name, Login, Email and Groups attributes, named by the setup assistant's "Mapping" values;
 * - exactly one ACS / single sign-on URL ("Attempting to configure multiple ACS URLs will lead to errors");
 * - no IdP-initiated SSO;
 * - Response: Signed, Assertion Signature: Signed, Signature Algorithm: RSA-SHA256;
 * - JIT users' groups are reset to the IdP's at each login, case-sensitive names, the default "Members"
 *   group excluded from the synchronisation;
 * - a group is synchronised only when a group of that name already exists in the enterprise's organizations
 *   (missingGroups 'ignore'): group sync never creates groups;
 * - the Single Sign-On URL is accepted as the Audience too: the JumpCloud setup puts it in JumpCloud's SP Entity ID.
 */
import type { SamlTenantInput } from '../config/saml-section.ts';

export const sonarqubeSamlProfile: SamlTenantInput = {
  attributeMapping: { login: 'login', email: 'email', name: 'name', groups: 'groups' },
  requiredAttributes: ['login', 'email', 'name'],
  maxAcsUrls: 1,
  acsUrlAsAudience: true,
  allowUnsolicited: false,
  wantResponseSigned: true,
  wantAssertionsSigned: true,
  allowedSignatureAlgorithms: ['rsa-sha256'],
  allowedDigestAlgorithms: ['sha256'],
  autoProvisioningEnabled: true,
  groupSync: { enabled: true, attributeName: 'groups', preservedGroups: ['Members'], missingGroups: 'ignore' },
};
