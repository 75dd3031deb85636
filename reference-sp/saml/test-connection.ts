/*
 * SonarQube Cloud's "Test Connection" (seed 003, "Test the SSO connection"; the same step in its Okta OIDC path):
 * "The test is started and the results are displayed on the page. Verify the JSON response. In particular,
 * verify that the email and groups attributes are correct."
 *
 * - The result is what the last sign-in of this browser to the tenant received, read through the tenant's
 *   attribute mapping exactly as sign-in reads it: login (the mapped attribute or the NameID), name (the name
 *   attribute, else first and last name), email, and groups (the group sync's attribute).
 * - A field the IdP did not send is null, never left out, so a misnamed claim shows as null next to the raw
 *   attributes (names as received) that say what the IdP did send.
 * - The shape is both protocols' (../sign-in/test-connection-result.ts): an OIDC test shows the same fields,
 *   with `subject` and `claims` for `nameId` and `attributes`.
 * - The test is a real sign-in (the ACS is the one every sign-in uses): just-in-time provisioning and group
 *   sync apply to it as to any other.
 */
import type { SamlTenantConfig } from '../config/saml-section.ts';
import type { SamlTestConnectionResult } from '../sign-in/test-connection-result.ts';

/** The SAML side's result; the page (./test-connection-page.ts) shows it. */
export type TestConnectionResult = SamlTestConnectionResult;

type Attributes = Readonly<Record<string, readonly string[]>>;

function mapped(name: string | undefined, attributes: Attributes, nameId: string | undefined): string | null {
  if (!name) return null;
  if (name === 'NameID') return nameId ?? null;
  return attributes[name]?.[0] ?? null;
}

export function testConnectionResult(tenantId: string, saml: SamlTenantConfig, attributes: Attributes, nameId: string | undefined): TestConnectionResult {
  const m = saml.attributeMapping;
  const first = mapped(m.firstName, attributes, nameId);
  const last = mapped(m.lastName, attributes, nameId);
  const groupAttribute = saml.groupSync.attributeName ?? m.groups;
  return {
    tenant: tenantId,
    protocol: 'saml',
    login: mapped(m.login, attributes, nameId),
    name: mapped(m.name, attributes, nameId) ?? ([first, last].filter(Boolean).join(' ') || null),
    email: mapped(m.email, attributes, nameId),
    groups: groupAttribute ? [...(attributes[groupAttribute] ?? [])] : [],
    nameId: nameId ?? null,
    attributes,
  };
}
