/*
 * okta-2024: Okta's SCIM 2.0 client for an Okta Integration Network (OIN) app — PUT for profile updates, PATCH for
 * activation, deactivation, group rename and membership (../okta/client.ts, integration `oin`).
 */
import { OktaClient } from '../okta/client.ts';
import type { ClientProfile } from './profile.ts';
import { OKTA_RETRIES, OKTA_SCIM_20, OKTA_SPEC_TEST } from './sources.ts';

export const okta2024: ClientProfile = {
  name: 'okta-2024',
  family: 'okta',
  date: '2024-01-01',
  summary: 'Okta, OIN app integration: PUT profile updates, path-less PATCH for active and group rename, member PATCHes, never DELETE for users',
  sources: [OKTA_SCIM_20, OKTA_SPEC_TEST, OKTA_RETRIES],
  createClient: ({ http }) => new OktaClient(http, 'okta-2024', 'oin'),
};
