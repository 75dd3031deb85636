/*
 * OneLogin's SCIM 2.0 provisioning client, profile `onelogin-2024` (the "SCIM Provisioner with SAML (SCIM v2
 * Enterprise)" connector). Each behaviour is marked D (documented by OneLogin) or I (inferred: the docs say what
 * happens, not the exact request); docs/provisioning-clients.md gives the source of each row.
 * - D auth: the bearer token the admin pastes into the app (developers.onelogin.com/scim/create-app)
 * - I Test Connection ("Enable" on the Configuration tab): one unfiltered page, GET /Users?startIndex=1&count=1
 * - I lookup before create: GET /Users?filter=userName eq "…" (the template's userName is the account key)
 * - D create: POST /Users with the app's SCIM JSON template rendered (developers.onelogin.com/scim/define-user-schema):
 *   name.formatted is "first last", one work email marked primary, title, enterprise department, the app's custom
 *   attributes in its own extension — the fixture's mappings are that template
 * - I profile update: PUT /Users/{id} with the whole rendered template (never a PATCH of attributes)
 * - D deprovisioning is the admin's choice "Delete, Suspend or Do Nothing" (developers.onelogin.com/scim/test-your-scim);
 *   this profile is set to Delete for a user deleted in OneLogin (DELETE /Users/{id}) and suspends a user who only
 *   lost access (I: PATCH {op: "replace", path: "active", value: false})
 * - D groups belong to the app: OneLogin never creates them; "Refresh Entitlements" reads the app's groups and rules
 *   assign users to them (stackoverflow.com/a/44686570, from OneLogin). I: the read pages unfiltered,
 *   GET /Groups?startIndex=N&count=100, at most MAX_ENTITLEMENT_PAGES pages; a directory group the app lacks fails
 *   with `group/not-in-target`; membership changes are PATCHes (add members, remove members[value eq "…"]); a
 *   renamed rule does not rename the app's group; a group OneLogin stops assigning is emptied, never deleted
 */
import { ProvisioningError } from '../errors.ts';
import type { ScimHttp } from '../http/scim-http.ts';
import type { ObjectRef } from '../log/log.ts';
import { filterEq, listResources } from '../engine/client.ts';
import type { Found, GroupUpdate, MatchingValue, ProvisioningClient, ScimResource } from '../engine/client.ts';
import { createResource, patchResource, queryResources, readResource } from '../engine/resource-requests.ts';
import type { PatchOperation } from '../entra/patch-ops.ts';

/** Refresh Entitlements reads at most this many pages of 100 groups (bounded work on a large app). */
export const MAX_ENTITLEMENT_PAGES = 50;
const PAGE_SIZE = 100;

const userPath = (id: string) => `/Users/${encodeURIComponent(id)}`;
const groupPath = (id: string) => `/Groups/${encodeURIComponent(id)}`;

export class OneLoginClient implements ProvisioningClient {
  constructor(
    private readonly http: ScimHttp,
    /** The dated profile that built it (./profile.ts). */
    readonly profile = 'onelogin-2024',
  ) {}

  async testConnection(): Promise<void> {
    let res: Awaited<ReturnType<ScimHttp['request']>>;
    try {
      res = await this.http.request('GET', '/Users', { query: { startIndex: '1', count: '1' } });
    } catch (e) {
      throw new ProvisioningError('connection/failed', `Enable failed: ${(e as Error).message}`, [], (e as ProvisioningError).status);
    }
    if (res.status !== 200 || !listResources(res.body)) {
      throw new ProvisioningError('connection/failed', `Enable failed: GET /Users answered ${res.status} without a ListResponse`, [], res.status);
    }
  }

  async findUser(ref: ObjectRef, matching: readonly MatchingValue[]): Promise<Found | null> {
    const key = matching.find((m) => m.path.text.toLowerCase() === 'username') ?? matching[0];
    if (!key) return null;
    const list = await queryResources(this.http, ref, '/Users', { filter: filterEq('userName', key.value) });
    return list[0] ? { id: String(list[0].id), resource: list[0] } : null;
  }

  async getUser(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    return readResource(this.http, ref, userPath(id));
  }

  async createUser(ref: ObjectRef, resource: ScimResource): Promise<Found> {
    return createResource(this.http, ref, '/Users', resource);
  }

  /** The whole rendered template, PUT; OneLogin sends no request when no mapped value changed. */
  async updateUser(ref: ObjectRef, id: string, _current: ScimResource, desired: ScimResource, changes: Parameters<ProvisioningClient['updateUser']>[4]): Promise<void> {
    if (!changes.length) return;
    await this.http.request('PUT', userPath(id), { body: desired, object: ref, expect: [200] });
  }

  /** "Suspend": the user lost access to the app. */
  async deactivateUser(ref: ObjectRef, id: string): Promise<void> {
    await patchResource(this.http, ref, userPath(id), [{ op: 'replace', path: 'active', value: false }]);
  }

  /** "When users are deleted in OneLogin…: Delete". */
  async deleteUser(ref: ObjectRef, id: string): Promise<'deleted'> {
    await this.http.request('DELETE', userPath(id), { object: ref, expect: [204, 200, 404] });
    return 'deleted';
  }

  /** Refresh Entitlements: the app's groups, page by page, matched by displayName. */
  async findGroup(ref: ObjectRef, displayName: string): Promise<Found | null> {
    for (let page = 0; page < MAX_ENTITLEMENT_PAGES; page++) {
      const list = await queryResources(this.http, ref, '/Groups', { startIndex: String(page * PAGE_SIZE + 1), count: String(PAGE_SIZE) });
      const hit = list.find((g) => g['displayName'] === displayName);
      if (hit) return { id: String(hit.id), resource: hit };
      if (list.length < PAGE_SIZE) return null;
    }
    return null;
  }

  async getGroup(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    return readResource(this.http, ref, groupPath(id));
  }

  async createGroup(_ref: ObjectRef, resource: ScimResource): Promise<Found> {
    throw new ProvisioningError(
      'group/not-in-target',
      `OneLogin assigns users only to groups the app already has; Refresh Entitlements found no group "${String(resource['displayName'])}"`,
    );
  }

  /** Members only: the app owns its groups' names and attributes. */
  async updateGroup(ref: ObjectRef, id: string, u: GroupUpdate): Promise<void> {
    const ops: PatchOperation[] = u.remove.map((r) => ({ op: 'remove', path: `members[value eq ${JSON.stringify(r)}]` }));
    if (u.add.length) ops.push({ op: 'add', path: 'members', value: u.add.map((value) => ({ value })) });
    if (ops.length) await patchResource(this.http, ref, groupPath(id), ops);
  }

  /** The group is the app's: OneLogin stops assigning anyone to it. */
  async deleteGroup(ref: ObjectRef, id: string): Promise<void> {
    await patchResource(this.http, ref, groupPath(id), [{ op: 'remove', path: 'members' }]);
  }
}
