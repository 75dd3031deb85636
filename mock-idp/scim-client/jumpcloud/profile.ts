/*
 * jumpcloud-2024: JumpCloud's "Custom SCIM Identity Management" integration (./client.ts), with the public sources it
 * follows; docs/provisioning-clients.md marks each behaviour documented, reported by a SCIM server vendor, or inferred.
 */
import { randomUUID } from 'node:crypto';
import type { ClientProfile, ProfileSource } from '../profiles/profile.ts';
import { JumpCloudClient } from './client.ts';

export const JUMPCLOUD_SOURCES: readonly ProfileSource[] = [
  {
    title:
      'JumpCloud, Identity Management using a Custom SCIM Integration (prerequisites: SCIM 1.1 or 2.0, API key or bearer token, no extension schemas; the test user and test group)',
    url: 'https://jumpcloud.com/support/provision-and-manage-users-and-groups-in-apps-using-custom-scim-identity-management-integration',
    kind: 'documented',
    note: 'the order of the test requests and the test names are ours',
  },
  {
    title: 'JumpCloud, an Identity Management connector article, Group Management Considerations (existing groups taken over by name, renames, disassociated groups, deletion)',
    url: 'https://jumpcloud.com/wp-json/wp/v2/support/85119',
    kind: 'documented',
    note: 'the request shapes for lookup, rename and deactivation are ours',
  },
  {
    title: 'Unimoni, SSO setup: JumpCloud ("Azure AD-style value=[{value:uid}] without an RFC filter" for group members)',
    url: 'https://app.uni-moni.com/en/kb/sso-setup-jumpcloud',
    kind: 'inferred',
    note: "a SCIM server vendor's report of the member PATCH JumpCloud sends",
  },
  {
    title: 'Vanta, JumpCloud SCIM Attribute Instructions ("JumpCloud does not currently support custom SCIM attributes")',
    url: 'https://help.vanta.com/hc/en-us/articles/27632411696788-JumpCloud-SCIM-Attribute-Instructions',
    kind: 'inferred',
  },
];

export const jumpcloud2024: ClientProfile = {
  name: 'jumpcloud-2024',
  family: 'jumpcloud',
  date: '2024-01-01',
  summary:
    'JumpCloud: Test Connection creates and deletes a test user and group, core schema only, PATCH updates, deactivation instead of DELETE for users, member PATCHes with a value list and no filter',
  sources: JUMPCLOUD_SOURCES,
  createClient: ({ http, newGuid }) => new JumpCloudClient(http, newGuid ?? randomUUID, 'jumpcloud-2024'),
};
