/*
 * The tenant URL as an admin types it into Entra: the SCIM base URL, optionally with feature flags in the query
 * string. `aadOptscim062020` switches on the SCIM-compliant PATCH behaviour and `AzureAdScimPatch2017` forces the
 * legacy one ("Known issues and resolutions with SCIM 2.0 protocol compliance", section "Flags to alter the
 * SCIM behavior"). Flags select client behaviour and are not repeated on each request.
 */
import { ProvisioningError } from '../errors.ts';

export type PatchBehaviour = 'legacy' | 'compliant';

export interface TenantUrl {
  /** Base URL without query string or trailing slash, e.g. http://127.0.0.1:3000/scim/v2 */
  readonly base: string;
  readonly flags: readonly string[];
  readonly patch: PatchBehaviour;
}

export function parseTenantUrl(text: string, defaultPatch: PatchBehaviour = 'legacy'): TenantUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProvisioningError('config/invalid', `tenant URL "${text}" is not an absolute URL`, [`url "${text}" is not an absolute URL`]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProvisioningError('config/invalid', `tenant URL "${text}" must be http(s)`, [`url must be http(s)`]);
  }
  const flags = [...url.searchParams.keys()];
  const has = (f: string) => flags.some((k) => k.toLowerCase() === f.toLowerCase());
  const patch: PatchBehaviour = has('AzureAdScimPatch2017') ? 'legacy' : has('aadOptscim062020') ? 'compliant' : defaultPatch;
  return Object.freeze({ base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, flags, patch });
}
