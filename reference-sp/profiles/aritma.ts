/*
 * Aritma (seed 001): an Azure AD / Entra ID SSO provider whose `autoProvisioningEnabled` controls
 * just-in-time user creation at login. With SCIM, users exist before they sign in, so it defaults to off;
 * a tenant turns it on to accept sign-ins from users not yet provisioned.
 */
import type { SamlTenantInput } from '../config/saml-section.ts';

export const aritmaSamlProfile: SamlTenantInput = {
  autoProvisioningEnabled: false,
  attributeMapping: { login: 'NameID', email: 'email', firstName: 'givenName', lastName: 'surname' },
};
