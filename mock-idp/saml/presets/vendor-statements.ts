/*
 * Attribute statements an IdP admin configures for a vendor, as the vendor's guide (../shared/seeds) names them:
 * - Particle (seed 000): "These exact attribute names (email, firstName, and lastName) must appear"
 * - SonarQube Cloud (seed 003): Name, Login, Email and Groups attribute statements, NameFormat Unspecified
 * A vendor not listed here takes a preset's names (see ./presets.ts).
 */
import type { AttributeStatement } from './custom-statements.ts';

export const VENDOR_STATEMENTS = {
  particle: [
    { name: 'email', from: 'email' },
    { name: 'firstName', from: 'givenName' },
    { name: 'lastName', from: 'surname' },
  ],
  sonarqube: [
    { name: 'login', from: 'login' },
    { name: 'email', from: 'email' },
    { name: 'name', from: 'displayName' },
    { name: 'groups', from: 'groups' },
  ],
} as const satisfies Record<string, readonly AttributeStatement[]>;

export type VendorWithStatements = keyof typeof VENDOR_STATEMENTS;

/** The statements for a vendor profile name, or undefined when the vendor leaves naming to the IdP's preset. */
export function vendorStatements(vendor: string): readonly AttributeStatement[] | undefined {
  return Object.hasOwn(VENDOR_STATEMENTS, vendor) ? VENDOR_STATEMENTS[vendor as VendorWithStatements] : undefined;
}
