/*
 * The envelope Entra's provisioning service puts around a resource it creates, as Microsoft's request examples show
 * ("Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID",
 * learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups, sections
 * "Create User" and "Create Group" under "SCIM protocol requests and responses"):
 *
 * - Create User: `"meta": {"resourceType": "User"}`, and the mapped email marked `"primary": true`
 *   (the work email when there is one, otherwise the first)
 * - Create Group: `"schemas"` lists the core Group URN AND Microsoft's own
 *   `http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group`, plus `"meta": {"resourceType": "Group"}`.
 *   A server that refuses schema URNs it does not know refuses this request from real Entra (400), and so from us.
 *
 * The attributes themselves come from the mappings (../mappings/apply.ts); only the envelope is Entra's. `meta` is
 * readOnly (RFC 7643 §3.1): a server ignores it on create (RFC 7644 §3.3 "SHALL be ignored").
 */
import type { ScimResource } from '../engine/client.ts';

/** Microsoft's schema URN Entra lists next to the core Group URN in a group create. */
export const ADSCIM_GROUP_URN = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

type Email = Record<string, unknown> & { type?: unknown };

/** The body of Entra's POST /Users for a mapped user resource. */
export function entraCreateUserBody(resource: ScimResource): ScimResource {
  const body: ScimResource = { ...resource };
  const emails = body['emails'];
  if (Array.isArray(emails) && emails.length) {
    const list = emails.map((e) => (e && typeof e === 'object' ? { ...(e as Email) } : e)) as Email[];
    const primary = list.find((e) => typeof e === 'object' && String(e.type).toLowerCase() === 'work') ?? list.find((e) => typeof e === 'object');
    if (primary) primary['primary'] = true;
    body['emails'] = list;
  }
  body['meta'] = { resourceType: 'User' };
  return body;
}

/** The body of Entra's POST /Groups for a mapped group resource (members follow in a PATCH). */
export function entraCreateGroupBody(resource: ScimResource): ScimResource {
  const schemas = Array.isArray(resource['schemas']) ? (resource['schemas'] as string[]) : [];
  const withAdscim = schemas.includes(ADSCIM_GROUP_URN) ? schemas : [...schemas, ADSCIM_GROUP_URN];
  return { ...resource, schemas: withAdscim, meta: { resourceType: 'Group' } };
}
