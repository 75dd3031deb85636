/*
 * Builds an Okta profile for one integration kind (./client.ts: `oin` or `aiw`), with the sources every Okta profile
 * follows; the dated profile files (../profiles/okta-*.ts) name it, date it and say what it does.
 */
import type { ClientProfile } from '../profiles/profile.ts';
import { OKTA_RETRIES, OKTA_SCIM_20, OKTA_SPEC_TEST } from '../profiles/sources.ts';
import { OktaClient, type OktaIntegration } from './client.ts';

export function oktaProfile(o: { name: string; family: string; date: string; summary: string; integration: OktaIntegration }): ClientProfile {
  return {
    name: o.name,
    family: o.family,
    date: o.date,
    summary: o.summary,
    sources: [OKTA_SCIM_20, OKTA_SPEC_TEST, OKTA_RETRIES],
    createClient: ({ http }) => new OktaClient(http, o.name, o.integration),
  };
}
