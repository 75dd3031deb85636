/*
 * onelogin-2024: OneLogin's "SCIM Provisioner with SAML (SCIM v2 Enterprise)" connector (./client.ts), with the
 * public sources it follows; docs/provisioning-clients.md marks each behaviour documented or inferred.
 */
import type { ClientProfile, ProfileSource } from '../profiles/profile.ts';
import { OneLoginClient } from './client.ts';

const ONELOGIN_SCIM = 'https://developers.onelogin.com/scim';

export const ONELOGIN_SOURCES: readonly ProfileSource[] = [
  {
    title: 'OneLogin, Step 1. Define Your SCIM User Schema (the SCIM JSON template: core and enterprise attributes, name.formatted, a primary work email)',
    url: `${ONELOGIN_SCIM}/define-user-schema`,
    kind: 'documented',
  },
  {
    title: 'OneLogin, Step 3. Create a SCIM Test App (SCIM Base URL, SCIM Bearer Token, "Enable" connects to the base URL)',
    url: `${ONELOGIN_SCIM}/create-app`,
    kind: 'documented',
    note: 'the request Enable sends is not printed: we send one unfiltered page of users',
  },
  {
    title: 'OneLogin, Step 4. Test Your SCIM Implementation ("When users are deleted in OneLogin…": Delete, Suspend or Do Nothing)',
    url: `${ONELOGIN_SCIM}/test-your-scim`,
    kind: 'documented',
    note: 'the Suspend request is not printed: we send PATCH replace path "active" value false',
  },
  {
    title: 'OneLogin Provisioning using SCIM (answer: groups are read from the app with "Refresh Entitlements", rules assign users to them)',
    url: 'https://stackoverflow.com/a/44686570',
    kind: 'inferred',
    note: 'the paging of the read and the membership PATCH shapes are ours',
  },
];

export const onelogin2024: ClientProfile = {
  name: 'onelogin-2024',
  family: 'onelogin',
  date: '2024-01-01',
  summary: "OneLogin: lookup then POST of the SCIM JSON template, PUT profile updates, Suspend as PATCH active false, Delete as DELETE, members of the app's own groups by PATCH",
  sources: ONELOGIN_SOURCES,
  createClient: ({ http }) => new OneLoginClient(http, 'onelogin-2024'),
};
