/*
 * Okta's SCIM 2.0 provisioning client, request by request (Okta, "SCIM 2.0 Protocol Reference",
 * developer.okta.com/docs/reference/scim/scim-20 — sections named below; docs/provisioning.md marks each row
 * documented or inferred). Two integration kinds behave differently, so each is its own dated profile:
 * - `oin` (an Okta Integration Network app): profile updates PUT, activation/deactivation PATCH, group updates PATCH
 * - `aiw` (a custom app made with the App Integration Wizard): every update is a PUT, deactivation and group
 *   membership included ("all SCIM operations that update a User object … are always sent through a PUT")
 *
 * - Test Connection: GET /Users?startIndex=1&count=2 (Okta's SCIM 2.0 spec test "Test API Credentials")
 * - Create Users: GET /Users?filter=userName eq "…"&startIndex=1&count=100, then POST /Users with `active: true`
 *   and `groups: []` as the documented request carries them
 * - Update a specific User (PUT): GET /Users/{id}, then PUT the user as read back with the changed attributes
 *   modified ("Okta modifies the attributes that were changed")
 * - Update a specific User (PATCH), oin: activate/deactivate as a path-less {op:"replace", value:{active:…}}
 * - Delete Users: "Okta doesn't perform DELETE operations on User objects": a removed user is deactivated
 * - Create Groups: POST /Groups with the members ({value, display})
 * - Update a specific Group name / membership, oin: a path-less {op:"replace", value:{id, displayName}} before
 *   every membership update ("triggered each time there is a group membership update"), then one PATCH removing
 *   members by filtered path and adding the new ones with {value, display}
 * - aiw: PUT /Groups/{id} with the whole group, every member listed (a full replacement)
 * - Delete a specific Group: DELETE /Groups/{id} when the push is unlinked with "Delete the group in the target app"
 * - PATCH succeeds on 200 or 204 (the reference's notes)
 */
import { ProvisioningError } from '../errors.ts';
import type { ScimHttp } from '../http/scim-http.ts';
import type { ObjectRef } from '../log/log.ts';
import type { TargetPath } from '../mappings/target-path.ts';
import { filterEq, listResources } from '../engine/client.ts';
import type { Found, GroupUpdate, MatchingValue, ProvisioningClient, ScimResource } from '../engine/client.ts';
import { createResource, patchResource, queryResources, readResource } from '../engine/resource-requests.ts';
import type { AttributeChange, PatchOperation } from '../entra/patch-ops.ts';
import { mergeForPut } from './merge.ts';

/** Okta's page: "Okta uses count=100 as the pagination reference". */
const PAGE = { startIndex: '1', count: '100' };
/** Test Connection's page, as Okta's spec test sends it. */
const TEST_CONNECTION_PAGE = { startIndex: '1', count: '2' };
const CORE_GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export type OktaIntegration = 'oin' | 'aiw';

export class OktaClient implements ProvisioningClient {
  constructor(
    private readonly http: ScimHttp,
    readonly profile: string,
    readonly integration: OktaIntegration = 'oin',
  ) {}

  async testConnection(): Promise<void> {
    let res: Awaited<ReturnType<typeof this.http.request>>;
    try {
      res = await this.http.request('GET', '/Users', { query: TEST_CONNECTION_PAGE });
    } catch (e) {
      throw new ProvisioningError('connection/failed', `Test API Credentials failed: ${(e as Error).message}`, [], (e as ProvisioningError).status);
    }
    if (res.status !== 200 || !listResources(res.body)) {
      throw new ProvisioningError(
        'connection/failed',
        `Test API Credentials failed: GET /Users answered ${res.status}${res.status === 200 ? ' without a ListResponse' : ''}`,
        [],
        res.status,
      );
    }
  }

  async findUser(ref: ObjectRef, matching: readonly MatchingValue[]): Promise<Found | null> {
    const userName = matching.find((m) => m.path.text.toLowerCase() === 'username') ?? matching[0];
    if (!userName) return null;
    // A 404 with an Error body is "another acceptable response" when nothing matches (Determine if the User already exists).
    const res = await this.http.request('GET', '/Users', { query: { filter: filterEq('userName', userName.value), ...PAGE }, object: ref, expect: [200, 404] });
    if (res.status === 404) return null;
    const list = listResources(res.body);
    if (!list) throw new ProvisioningError('http/bad-response', 'GET /Users did not answer a ListResponse', [], res.status);
    return list[0] ? { id: String(list[0].id), resource: list[0] } : null;
  }

  async getUser(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    return readResource(this.http, ref, `/Users/${encodeURIComponent(id)}`);
  }

  async createUser(ref: ObjectRef, resource: ScimResource): Promise<Found> {
    return createResource(this.http, ref, '/Users', { ...resource, groups: [], active: true });
  }

  async updateUser(ref: ObjectRef, id: string, current: ScimResource, desired: ScimResource, changes: readonly AttributeChange[]): Promise<void> {
    if (!changes.length) return;
    // An OIN app activates and deactivates by PATCH; every other profile change is a PUT of the whole user.
    const activation = this.integration === 'oin' ? changes.find(isActive) : undefined;
    if (activation) await this.setActive(ref, id, activation.after === true || String(activation.after).toLowerCase() === 'true');
    if (activation && changes.length === 1) return;
    await this.put(ref, `/Users/${encodeURIComponent(id)}`, mergeForPut(current, desired, id));
  }

  async deactivateUser(ref: ObjectRef, id: string, current: ScimResource | null): Promise<void> {
    if (this.integration === 'oin') return this.setActive(ref, id, false);
    const base = current ?? (await this.getUser(ref, id)) ?? {};
    await this.put(ref, `/Users/${encodeURIComponent(id)}`, mergeForPut(base, { active: false }, id));
  }

  async deleteUser(ref: ObjectRef, id: string, _activePath: TargetPath | undefined): Promise<'disabled'> {
    await this.deactivateUser(ref, id, this.integration === 'aiw' ? await this.getUser(ref, id) : null);
    return 'disabled';
  }

  async findGroup(ref: ObjectRef, displayName: string): Promise<Found | null> {
    const [hit] = await queryResources(this.http, ref, '/Groups', { filter: filterEq('displayName', displayName), ...PAGE });
    return hit ? { id: String(hit.id), resource: hit } : null;
  }

  async getGroup(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    return readResource(this.http, ref, `/Groups/${encodeURIComponent(id)}`);
  }

  async createGroup(ref: ObjectRef, resource: ScimResource, memberIds: readonly string[], display?: ReadonlyMap<string, string>): Promise<Found> {
    return createResource(this.http, ref, '/Groups', { schemas: [CORE_GROUP_URN], displayName: resource['displayName'], members: members(memberIds, display) });
  }

  async updateGroup(ref: ObjectRef, id: string, u: GroupUpdate): Promise<void> {
    const membership = u.add.length > 0 || u.remove.length > 0;
    if (u.displayName === undefined && !membership) return;
    const displayName = u.displayName ?? u.resource['displayName'];
    const path = `/Groups/${encodeURIComponent(id)}`;
    if (this.integration === 'aiw') {
      await this.put(ref, path, { schemas: [CORE_GROUP_URN], id, displayName, members: members(u.members, u.display) });
      return;
    }
    await this.patch(ref, path, [{ op: 'replace', value: { id, displayName } }]);
    if (!membership) return;
    const ops: PatchOperation[] = u.remove.map((r) => ({ op: 'remove', path: `members[value eq ${JSON.stringify(r)}]` }));
    if (u.add.length) ops.push({ op: 'add', path: 'members', value: members(u.add, u.display) });
    await this.patch(ref, path, ops);
  }

  async deleteGroup(ref: ObjectRef, id: string): Promise<void> {
    await this.http.request('DELETE', `/Groups/${encodeURIComponent(id)}`, { object: ref, expect: [204, 200, 404] });
  }

  private async setActive(ref: ObjectRef, id: string, active: boolean): Promise<void> {
    await this.patch(ref, `/Users/${encodeURIComponent(id)}`, [{ op: 'replace', value: { active } }]);
  }

  private async patch(ref: ObjectRef, path: string, ops: PatchOperation[]): Promise<void> {
    await patchResource(this.http, ref, path, ops);
  }

  private async put(ref: ObjectRef, path: string, body: ScimResource): Promise<void> {
    await this.http.request('PUT', path, { body, object: ref, expect: [200] });
  }
}

function isActive(c: AttributeChange): boolean {
  return !c.path.urn && c.path.attribute.toLowerCase() === 'active' && !c.path.subAttribute && !c.path.filter;
}

/** Okta's member entries: the SCIM id with the user's userName as `display`. */
function members(ids: readonly string[], display: ReadonlyMap<string, string> | undefined): Array<{ value: string; display?: string }> {
  return ids.map((value) => {
    const name = display?.get(value);
    return name === undefined ? { value } : { value, display: name };
  });
}
