/*
 * Okta's SCIM 2.0 client as the second profile ("Build a SCIM provisioning integration" and the Okta SCIM 2.0
 * spec test, developer.okta.com/docs/guides/scim-provisioning-integration-prepare):
 * - lookups page explicitly: GET /Users?filter=userName eq "…"&startIndex=1&count=100
 * - profile updates replace the whole user with PUT /Users/{id} (after GET /Users/{id})
 * - deactivation is a path-less PATCH {op:"replace", value:{active:false}}; Okta never DELETEs a user —
 *   a hard delete in the directory deactivates
 * - Group Push: POST /Groups with members, PATCH members add / remove (filtered path), rename with a path-less
 *   replace, DELETE when the push is removed
 */
import { ProvisioningError } from '../errors.ts';
import type { ScimHttp } from '../http/scim-http.ts';
import type { ObjectRef } from '../log/log.ts';
import type { TargetPath } from '../mappings/target-path.ts';
import { filterEq, listResources } from '../engine/client.ts';
import type { Found, GroupUpdate, MatchingValue, ProvisioningClient, ScimResource } from '../engine/client.ts';
import { patchBody } from '../entra/patch-ops.ts';
import type { PatchOperation } from '../entra/patch-ops.ts';

const PAGE = { startIndex: '1', count: '100' };

export class OktaClient implements ProvisioningClient {
  readonly profile = 'okta' as const;
  constructor(private readonly http: ScimHttp) {}

  async testConnection(): Promise<void> {
    let res: Awaited<ReturnType<typeof this.http.request>>;
    try {
      res = await this.http.request('GET', '/Users', { query: { startIndex: '1', count: '1' } });
    } catch (e) {
      throw new ProvisioningError('connection/failed', `Test Connector Configuration failed: ${(e as Error).message}`, [], (e as ProvisioningError).status);
    }
    if (res.status !== 200 || !listResources(res.body)) {
      throw new ProvisioningError('connection/failed', `Test Connector Configuration failed: GET /Users answered ${res.status}`, [], res.status);
    }
  }

  async findUser(ref: ObjectRef, matching: readonly MatchingValue[]): Promise<Found | null> {
    const userName = matching.find((m) => m.path.text.toLowerCase() === 'username') ?? matching[0];
    if (!userName) return null;
    const res = await this.http.request('GET', '/Users', { query: { filter: filterEq('userName', userName.value), ...PAGE }, object: ref, expect: [200] });
    const list = listResources(res.body);
    if (!list) throw new ProvisioningError('http/bad-response', 'GET /Users did not answer a ListResponse', [], res.status);
    return list[0] ? { id: String(list[0].id), resource: list[0] } : null;
  }

  async getUser(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    const res = await this.http.request('GET', `/Users/${encodeURIComponent(id)}`, { object: ref, expect: [200, 404] });
    return res.status === 404 ? null : (res.body as ScimResource);
  }

  async createUser(ref: ObjectRef, resource: ScimResource): Promise<Found> {
    const res = await this.http.request('POST', '/Users', { body: { ...resource, active: true }, object: ref, expect: [201, 200] });
    const id = (res.body as ScimResource | undefined)?.id;
    if (typeof id !== 'string' || !id) throw new ProvisioningError('http/bad-response', 'POST /Users answered without an id', [], res.status);
    return { id, resource: res.body as ScimResource };
  }

  async updateUser(ref: ObjectRef, id: string, current: ScimResource, desired: ScimResource, changes: Parameters<ProvisioningClient['updateUser']>[4]): Promise<void> {
    if (!changes.length) return;
    const { meta: _meta, ...rest } = current as ScimResource & { meta?: unknown };
    const body = { ...rest, ...desired, id };
    await this.http.request('PUT', `/Users/${encodeURIComponent(id)}`, { body, object: ref, expect: [200] });
  }

  async deactivateUser(ref: ObjectRef, id: string): Promise<void> {
    await this.patch(ref, `/Users/${encodeURIComponent(id)}`, [{ op: 'replace', value: { active: false } }]);
  }

  async deleteUser(ref: ObjectRef, id: string, _activePath: TargetPath | undefined): Promise<'disabled'> {
    await this.deactivateUser(ref, id);
    return 'disabled';
  }

  async findGroup(ref: ObjectRef, displayName: string): Promise<Found | null> {
    const res = await this.http.request('GET', '/Groups', { query: { filter: filterEq('displayName', displayName), ...PAGE }, object: ref, expect: [200] });
    const list = listResources(res.body);
    if (!list) throw new ProvisioningError('http/bad-response', 'GET /Groups did not answer a ListResponse', [], res.status);
    return list[0] ? { id: String(list[0].id), resource: list[0] } : null;
  }

  async getGroup(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    const res = await this.http.request('GET', `/Groups/${encodeURIComponent(id)}`, { object: ref, expect: [200, 404] });
    return res.status === 404 ? null : (res.body as ScimResource);
  }

  async createGroup(ref: ObjectRef, resource: ScimResource, memberIds: readonly string[]): Promise<Found> {
    const body = { ...resource, members: memberIds.map((value) => ({ value })) };
    const res = await this.http.request('POST', '/Groups', { body, object: ref, expect: [201, 200] });
    const id = (res.body as ScimResource | undefined)?.id;
    if (typeof id !== 'string' || !id) throw new ProvisioningError('http/bad-response', 'POST /Groups answered without an id', [], res.status);
    return { id, resource: res.body as ScimResource };
  }

  async updateGroup(ref: ObjectRef, id: string, u: GroupUpdate): Promise<void> {
    const ops: PatchOperation[] = [];
    if (u.displayName !== undefined) ops.push({ op: 'replace', value: { id, displayName: u.displayName } });
    for (const c of u.changes) ops.push(c.after === undefined ? { op: 'remove', path: c.path.text } : { op: 'replace', path: c.path.text, value: c.after });
    for (const r of u.remove) ops.push({ op: 'remove', path: `members[value eq ${JSON.stringify(r)}]` });
    if (u.add.length) ops.push({ op: 'add', path: 'members', value: u.add.map((value) => ({ value })) });
    if (ops.length) await this.patch(ref, `/Groups/${encodeURIComponent(id)}`, ops);
  }

  async deleteGroup(ref: ObjectRef, id: string): Promise<void> {
    await this.http.request('DELETE', `/Groups/${encodeURIComponent(id)}`, { object: ref, expect: [204, 200, 404] });
  }

  private async patch(ref: ObjectRef, path: string, ops: PatchOperation[]): Promise<void> {
    await this.http.request('PATCH', path, { body: patchBody(ops), object: ref, expect: [200, 204] });
  }
}
