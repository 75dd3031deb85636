/*
 * entra-2024: Microsoft Entra ID's provisioning service (the `scim` job of a non-gallery app) as documented through
 * 2024: the legacy PATCH shapes unless the admin appends `?aadOptscim062020` to the tenant URL.
 */
import { EntraClient } from '../entra/client.ts';
import type { ClientProfile } from './profile.ts';
import { ENTRA_COMPLIANCE, ENTRA_TUTORIAL } from './sources.ts';

export const entra2024: ClientProfile = {
  name: 'entra-2024',
  family: 'entra',
  date: '2024-06-01',
  summary: 'Entra ID, legacy PATCH ("Add"/"Replace", booleans as "True"/"False") unless the tenant URL carries ?aadOptscim062020',
  sources: [ENTRA_TUTORIAL, ENTRA_COMPLIANCE],
  createClient: ({ http, tenant, newGuid }) => new EntraClient(http, tenant.patch, newGuid, 'entra-2024'),
};
