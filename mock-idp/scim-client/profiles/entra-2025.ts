/*
 * entra-2025: Microsoft Entra ID's provisioning service with the SCIM-compliant PATCH of `aadOptscim062020`
 * (lower-case ops, real booleans, path-less multi-attribute replace, member removal by filtered path) as the
 * behaviour without any flag; `?AzureAdScimPatch2017` still forces the legacy shapes. Microsoft's compatibility
 * article (ms.date 2025-04-15) recommends the new behaviour for every new implementation; that it is what a new app
 * gets without the flag is our inference, marked so in docs/provisioning.md.
 */
import { EntraClient } from '../entra/client.ts';
import type { ClientProfile } from './profile.ts';
import { ENTRA_COMPLIANCE, ENTRA_TUTORIAL } from './sources.ts';

export const entra2025: ClientProfile = {
  name: 'entra-2025',
  family: 'entra',
  date: '2025-04-15',
  summary: 'Entra ID, SCIM-compliant PATCH (aadOptscim062020 semantics) by default; ?AzureAdScimPatch2017 forces legacy',
  sources: [
    ENTRA_TUTORIAL,
    ENTRA_COMPLIANCE,
    {
      ...ENTRA_COMPLIANCE,
      kind: 'inferred',
      note: 'compliant PATCH without the flag: the article recommends the new behaviour for new implementations; it does not date a change of default',
    },
  ],
  defaultPatch: 'compliant',
  createClient: ({ http, tenant, newGuid }) => new EntraClient(http, tenant.patch, newGuid, 'entra-2025'),
};
