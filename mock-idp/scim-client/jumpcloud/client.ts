/*
 * JumpCloud's SCIM 2.0 provisioning client, profile `jumpcloud-2024` (the "Custom SCIM Identity Management"
 * integration). Each behaviour is marked D (documented by JumpCloud), T (reported by a SCIM server vendor that had
 * to adapt to it) or I (inferred); docs/provisioning-clients.md gives the source of each row.
 * - D auth: a bearer token (or an API key header, not modelled)
 * - D Test Connection creates a test user and a test group and deletes both; when the endpoint does not support
 *   DELETE for users, the test user is deactivated instead. I: the order POST /Users, POST /Groups (the test user as
 *   its member), DELETE /Groups/{id}, DELETE /Users/{id}; the test user's userName comes from a fresh GUID
 * - D no extension schemas and no custom attributes: the core User schema only
 * - I lookup before create: GET /Users?filter=userName eq "…"; create: POST /Users with `active: true`
 * - I profile update: PATCH /Users/{id}, one `replace` op per changed attribute, with its path
 * - D a user whose group is disassociated is deactivated: PATCH {op: "replace", path: "active", value: false} (I shape);
 *   I a user deleted in JumpCloud is deactivated too, never DELETEd
 * - D groups: an existing group with the same name is taken over (I: GET /Groups?filter=displayName eq "…"); renames are
 *   supported (I: PATCH replace path displayName); a managed group deleted in JumpCloud is DELETEd in the app
 * - T membership: PATCH members with a value list and no filter — {op:"add"|"remove", path:"members",
 *   value:[{value:id}]} (app.uni-moni.com: "Azure AD-style value=[{value:uid}] without an RFC filter")
 * - I create: POST /Groups with its members
 */
import { ProvisioningError } from '../errors.ts';
import type { ScimHttp } from '../http/scim-http.ts';
import type { ObjectRef } from '../log/log.ts';
import { filterEq } from '../engine/client.ts';
import type { Found, GroupUpdate, MatchingValue, ProvisioningClient, ScimResource } from '../engine/client.ts';
import { createResource, patchResource, queryResources, readResource } from '../engine/resource-requests.ts';
import type { AttributeChange, PatchOperation } from '../entra/patch-ops.ts';

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** Statuses that say the endpoint has no DELETE for users: the test user is deactivated instead. */
const NO_DELETE = [404, 405, 501];

const userPath = (id: string) => `/Users/${encodeURIComponent(id)}`;
const groupPath = (id: string) => `/Groups/${encodeURIComponent(id)}`;
const members = (ids: readonly string[]) => ids.map((value) => ({ value }));

export class JumpCloudClient implements ProvisioningClient {
  constructor(
    private readonly http: ScimHttp,
    private readonly newGuid: () => string,
    /** The dated profile that built it (./profile.ts). */
    readonly profile = 'jumpcloud-2024',
  ) {}

  /** Creates a test user and a test group, then deletes both (the user is deactivated when DELETE is refused). */
  async testConnection(): Promise<void> {
    const tag = this.newGuid();
    try {
      const user = await createResource(this.http, undefined, '/Users', { schemas: [USER_URN], userName: `jumpcloud-test-${tag}@example.com`, active: true });
      const group = await createResource(this.http, undefined, '/Groups', { schemas: [GROUP_URN], displayName: `JumpCloud test group ${tag}`, members: members([user.id]) });
      await this.http.request('DELETE', groupPath(group.id), { expect: [204, 200] });
      const deleted = await this.http.request('DELETE', userPath(user.id), { expect: [204, 200, ...NO_DELETE] });
      if (NO_DELETE.includes(deleted.status)) await this.deactivateUser(undefined, user.id);
    } catch (e) {
      throw new ProvisioningError('connection/failed', `Test connection failed: ${(e as Error).message}`, [], (e as ProvisioningError).status);
    }
  }

  async findUser(ref: ObjectRef, matching: readonly MatchingValue[]): Promise<Found | null> {
    const key = matching.find((m) => m.path.text.toLowerCase() === 'username') ?? matching[0];
    return key ? this.findOne(ref, '/Users', filterEq('userName', key.value)) : null;
  }

  async getUser(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    return readResource(this.http, ref, userPath(id));
  }

  async createUser(ref: ObjectRef, resource: ScimResource): Promise<Found> {
    return createResource(this.http, ref, '/Users', { ...resource, active: true });
  }

  async updateUser(ref: ObjectRef, id: string, _current: ScimResource, _desired: ScimResource, changes: readonly AttributeChange[]): Promise<void> {
    const ops: PatchOperation[] = changes.map((c) => (c.after === undefined ? { op: 'remove', path: c.path.text } : { op: 'replace', path: c.path.text, value: c.after }));
    if (ops.length) await patchResource(this.http, ref, userPath(id), ops);
  }

  async deactivateUser(ref: ObjectRef | undefined, id: string): Promise<void> {
    await patchResource(this.http, ref, userPath(id), [{ op: 'replace', path: 'active', value: false }]);
  }

  /** A user deleted in JumpCloud is deactivated in the app. */
  async deleteUser(ref: ObjectRef, id: string): Promise<'disabled'> {
    await this.deactivateUser(ref, id);
    return 'disabled';
  }

  async findGroup(ref: ObjectRef, displayName: string): Promise<Found | null> {
    return this.findOne(ref, '/Groups', filterEq('displayName', displayName));
  }

  async getGroup(ref: ObjectRef, id: string): Promise<ScimResource | null> {
    return readResource(this.http, ref, groupPath(id));
  }

  async createGroup(ref: ObjectRef, resource: ScimResource, memberIds: readonly string[]): Promise<Found> {
    return createResource(this.http, ref, '/Groups', { ...resource, members: members(memberIds) });
  }

  async updateGroup(ref: ObjectRef, id: string, u: GroupUpdate): Promise<void> {
    const ops: PatchOperation[] = [];
    if (u.displayName !== undefined) ops.push({ op: 'replace', path: 'displayName', value: u.displayName });
    if (u.remove.length) ops.push({ op: 'remove', path: 'members', value: members(u.remove) });
    if (u.add.length) ops.push({ op: 'add', path: 'members', value: members(u.add) });
    if (ops.length) await patchResource(this.http, ref, groupPath(id), ops);
  }

  async deleteGroup(ref: ObjectRef, id: string): Promise<void> {
    await this.http.request('DELETE', groupPath(id), { object: ref, expect: [204, 200, 404] });
  }

  private async findOne(ref: ObjectRef, path: string, filter: string): Promise<Found | null> {
    const [first] = await queryResources(this.http, ref, path, { filter });
    return first ? { id: String(first.id), resource: first } : null;
  }
}
