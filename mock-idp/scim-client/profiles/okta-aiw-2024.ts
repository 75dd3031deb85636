/*
 * okta-aiw-2024: Okta's SCIM 2.0 client for a custom app made with the App Integration Wizard (AIW) — every update
 * is a PUT: profile changes, deactivation (the whole user with active false) and groups (the whole group, every
 * member listed: a full replacement). ../okta/client.ts, integration `aiw`.
 */
import { oktaProfile } from '../okta/profile.ts';

export const oktaAiw2024 = oktaProfile({
  name: 'okta-aiw-2024',
  family: 'okta-aiw',
  date: '2024-01-01',
  summary: 'Okta, App Integration Wizard app: every update a PUT (users, deactivation, groups with all their members)',
  integration: 'aiw',
});
