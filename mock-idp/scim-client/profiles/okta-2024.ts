/*
 * okta-2024: Okta's SCIM 2.0 client for an Okta Integration Network (OIN) app — PUT for profile updates, PATCH for
 * activation, deactivation, group rename and membership (../okta/client.ts, integration `oin`).
 */
import { oktaProfile } from '../okta/profile.ts';

export const okta2024 = oktaProfile({
  name: 'okta-2024',
  family: 'okta',
  date: '2024-01-01',
  summary: 'Okta, OIN app integration: PUT profile updates, path-less PATCH for active and group rename, member PATCHes, never DELETE for users',
  integration: 'oin',
});
