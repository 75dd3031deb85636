/*
 * Particle (seed 000): the assertion must carry exactly the attributes `email`, `firstName` and `lastName`
 * (spelling and capitalisation matter); a missing or misspelled one shows a "general non-success" error page.
 * Users must already exist (invited or provisioned by SCIM): no just-in-time creation.
 */
import type { SamlTenantInput } from '../config/saml-section.ts';

export const particleSamlProfile: SamlTenantInput = {
  requiredAttributes: ['email', 'firstName', 'lastName'],
  attributeMapping: { login: 'email', email: 'email', firstName: 'firstName', lastName: 'lastName' },
  autoProvisioningEnabled: false,
  errorPage: 'particle',
};
