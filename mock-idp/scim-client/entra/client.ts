/*
 * Entra's provisioning service, request by request ("Tutorial: Develop a SCIM endpoint … Understand the
 * Microsoft Entra SCIM implementation", and the compliance page for the PATCH shapes):
 * - Test Connection: GET /Users?filter=<matching attribute> eq "<random GUID>", expecting 200 and an empty
 *   ListResponse
 * - create: GET /Users?filter=<matching attribute> eq "<value>" (each matching attribute by precedence), then POST
 *   with Entra's envelope (./resources.ts): `meta.resourceType`, the email marked primary; a group lists the core
 *   and the ADSCIM Group URNs
 * - update: GET /Users/{id}, then PATCH with one op per changed attribute; the manager reference is set in its
 *   own PATCH after the create (the round trip Entra makes to link a user with its manager)
 * - disable (unassigned, out of scope, soft-deleted or blocked from sign-in): PATCH of the attribute mapped to
 *   `active`; hard delete: DELETE /Users/{id}
 * - groups: GET /Groups?excludedAttributes=members&filter=displayName eq "…", POST without members, PATCH add
 *   members with {"$ref": null, "value": id}, PATCH replace displayName, PATCH remove members, DELETE
 * - PATCH succeeds on 204 or 200
 */
import { randomUUID } from 'node:crypto';
import { ProvisioningError } from '../errors.ts';
import type { ScimHttp } from '../http/scim-http.ts';
import type { PatchBehaviour } from '../http/tenant-url.ts';
import type { ObjectRef } from '../log/log.ts';
import type { TargetPath } from '../mappings/target-path.ts';
import { filterEq, listResources } from '../engine/client.ts';
import type { Found, GroupUpdate, MatchingValue, ProvisioningClient, ScimResource } from '../engine/client.ts';
import { entraCreateGroupBody, entraCreateUserBody } from './resources.ts';
import { addMembersOperation, attributeOperations, patchBody, removeMembersOperations, replaceDisplayNameOperation } from './patch-ops.ts';

const PATCH_OK = [200, 204] as const;

export class EntraClient implements ProvisioningClient {
  constructor(
    private readonly http: ScimHttp,
    readonly patch: PatchBehaviour,
    private readonly newGuid: () => string = randomUUID,
    /** The dated profile (../profiles/) that built this client. */
    readonly profile: string = 'entra',
  ) {}

  async testConnection(userMatchingPath: string): Promise<void> {
    let res: Awaited<ReturnType<typeof this.http.request>>;
    try {
      res = await this.http.request('GET', '/Users', { query: { filter: filterEq(userMatchingPath, this.newGuid()) } });
    } catch (e) {
      throw new ProvisioningError('connection/failed', `Test Connection failed: ${(e as Error).message}`, [], (e as ProvisioningError).status);
    }
    if (res.status !== 200) throw new ProvisioningError('connection/failed', `Test Connection failed: GET /Users answered ${res.status}`, [], res.status);
    const list = listResources(res.body);
    if (!list) throw new ProvisioningError('connection/failed', 'Test Connection failed: GET /Users did not answer a ListResponse', [], res.status);
    if (list.length) throw new ProvisioningError('connection/failed', `Test Connection failed: a filter on a random GUID matched ${list.length} users`, [], res.status);
  }

  async findUser(ref: ObjectRef, matching: readonly MatchingValue[]): Promise<Found | null> {
    for (const m of matching) {
      const res = await this.http.request('GET', '/Users', { query: { filter: filterEq(m.path.text, m.value) }, object: ref, expect: [200] });
      const list = listResources(res.body);
      if (!list) throw new ProvisioningError('http/bad-response', 'GET /Users did not answer a ListResponse', [], res.status);
      const hit = list[0];
      if (hit) return { id: String(hit.id), resource: hit };
    }
    return null;
  }

  async getUser(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    const res = await this.http.request('GET', `/Users/${encodeURIComponent(id)}`, { object: ref, expect: [200, 404] });
    return res.status === 404 ? null : (res.body as ScimResource);
  }

  async createUser(ref: ObjectRef, resource: ScimResource): Promise<Found> {
    const res = await this.http.request('POST', '/Users', { body: entraCreateUserBody(resource), object: ref, expect: [201, 200] });
    const id = (res.body as ScimResource | undefined)?.id;
    if (typeof id !== 'string' || !id) throw new ProvisioningError('http/bad-response', 'POST /Users answered without an id', [], res.status);
    return { id, resource: res.body as ScimResource };
  }

  async updateUser(ref: ObjectRef, id: string, _current: ScimResource, _desired: ScimResource, changes: Parameters<ProvisioningClient['updateUser']>[4]): Promise<void> {
    if (!changes.length) return;
    await this.http.request('PATCH', `/Users/${encodeURIComponent(id)}`, { body: patchBody(attributeOperations(changes, this.patch)), object: ref, expect: PATCH_OK });
  }

  async deactivateUser(ref: ObjectRef, id: string, current: ScimResource | null, activePath: TargetPath): Promise<void> {
    const before = current ? readActive(current) : true;
    await this.updateUser(ref, id, {}, {}, [{ path: activePath, before, after: false }]);
  }

  async deleteUser(ref: ObjectRef, id: string): Promise<'deleted'> {
    await this.http.request('DELETE', `/Users/${encodeURIComponent(id)}`, { object: ref, expect: [204, 200, 404] });
    return 'deleted';
  }

  async findGroup(ref: ObjectRef, displayName: string): Promise<Found | null> {
    const res = await this.http.request('GET', '/Groups', { query: { excludedAttributes: 'members', filter: filterEq('displayName', displayName) }, object: ref, expect: [200] });
    const list = listResources(res.body);
    if (!list) throw new ProvisioningError('http/bad-response', 'GET /Groups did not answer a ListResponse', [], res.status);
    return list[0] ? { id: String(list[0].id), resource: list[0] } : null;
  }

  async getGroup(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    const res = await this.http.request('GET', `/Groups/${encodeURIComponent(id)}`, { query: { excludedAttributes: 'members' }, object: ref, expect: [200, 404] });
    return res.status === 404 ? null : (res.body as ScimResource);
  }

  async createGroup(ref: ObjectRef, resource: ScimResource, memberIds: readonly string[]): Promise<Found> {
    const res = await this.http.request('POST', '/Groups', { body: entraCreateGroupBody(resource), object: ref, expect: [201, 200] });
    const id = (res.body as ScimResource | undefined)?.id;
    if (typeof id !== 'string' || !id) throw new ProvisioningError('http/bad-response', 'POST /Groups answered without an id', [], res.status);
    if (memberIds.length) await this.patchGroup(ref, id, [addMembersOperation(memberIds, this.patch)]);
    return { id, resource: res.body as ScimResource };
  }

  async updateGroup(ref: ObjectRef, id: string, u: GroupUpdate): Promise<void> {
    const attrOps = [...(u.displayName !== undefined ? [replaceDisplayNameOperation(u.displayName, this.patch)] : []), ...attributeOperations(u.changes, this.patch)];
    if (attrOps.length) await this.patchGroup(ref, id, attrOps);
    if (u.add.length) await this.patchGroup(ref, id, [addMembersOperation(u.add, this.patch)]);
    if (u.remove.length) await this.patchGroup(ref, id, removeMembersOperations(u.remove, this.patch));
  }

  async deleteGroup(ref: ObjectRef, id: string): Promise<void> {
    await this.http.request('DELETE', `/Groups/${encodeURIComponent(id)}`, { object: ref, expect: [204, 200, 404] });
  }

  private async patchGroup(ref: ObjectRef, id: string, ops: ReturnType<typeof attributeOperations>): Promise<void> {
    await this.http.request('PATCH', `/Groups/${encodeURIComponent(id)}`, { body: patchBody(ops), object: ref, expect: PATCH_OK });
  }
}

function readActive(r: ScimResource): boolean | undefined {
  const v = r['active'];
  if (v === undefined) return undefined;
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}
