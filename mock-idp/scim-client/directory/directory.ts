/*
 * The in-memory source directory. Changes arrive through named methods (one per thing an admin does in
 * Entra: assign, unassign, disable, soft-delete, restore, hard-delete, rename, add/remove member, update
 * an attribute) so every scenario traces to one call.
 *
 * - a soft-deleted user keeps its objectId and has IsSoftDeleted = true until restored (Entra keeps deleted
 *   users 30 days); a hard delete removes it, and the engine then sends DELETE for what it had exported.
 * - group membership may nest groups; Entra provisions only direct user members of an assigned group
 *   ("group-based assignment doesn't support nested groups"), see usersInScopeOfAssignment().
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import { ProvisioningError } from '../errors.ts';
import type { DirectoryGroup, DirectoryUser } from './types.ts';

export type SourceValue = string | number | boolean | null | string[];

/** A deterministic GUID from a seed, so fixtures without objectIds give stable ids run after run. */
export function guidFrom(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const USER_FIELDS = new Set([
  'objectId',
  'userPrincipalName',
  'displayName',
  'mail',
  'givenName',
  'surname',
  'mailNickname',
  'jobTitle',
  'department',
  'employeeId',
  'manager',
  'accountEnabled',
  'IsSoftDeleted',
]);

export class Directory {
  private readonly userMap = new Map<string, DirectoryUser>();
  private readonly groupMap = new Map<string, DirectoryGroup>();
  /** When each object last changed, by the injected clock (what an incremental cycle reads as "changed since"). */
  private readonly changedAt = new Map<string, Date>();
  /** Direct members of assigned groups; rebuilt after any change. */
  private assignedViaGroup: Set<string> | undefined;
  /**
   * userPrincipalName → objectId and group displayName → objectId (the first in insertion order wins, as a scan
   * would find it), so a fixture of 200,000 memberships named by UPN resolves by map, not by scanning the users once
   * per membership. Extended by addUser/addGroup, dropped (rebuilt on the next lookup) by a rename or a hard delete.
   */
  private byUpn: Map<string, string> | undefined;
  private byGroupName: Map<string, string> | undefined;

  constructor(readonly clock: Clock = systemClock) {}

  // ---- reading ----
  users(): DirectoryUser[] {
    return [...this.userMap.values()];
  }
  groups(): DirectoryGroup[] {
    return [...this.groupMap.values()];
  }
  user(idOrUpn: string): DirectoryUser | undefined {
    const direct = this.userMap.get(idOrUpn);
    if (direct) return direct;
    this.byUpn ??= firstByName(this.userMap.values(), (u) => u.userPrincipalName);
    const id = this.byUpn.get(idOrUpn);
    return id === undefined ? undefined : this.userMap.get(id);
  }
  group(idOrName: string): DirectoryGroup | undefined {
    const direct = this.groupMap.get(idOrName);
    if (direct) return direct;
    this.byGroupName ??= firstByName(this.groupMap.values(), (g) => g.displayName);
    const id = this.byGroupName.get(idOrName);
    return id === undefined ? undefined : this.groupMap.get(id);
  }
  lastChanged(objectId: string): Date | undefined {
    return this.changedAt.get(objectId);
  }

  /** The Entra source record a mapping reads: `[userPrincipalName]`, `[extension_…_costCenter]`, `[manager]`, … */
  sourceOf(u: DirectoryUser): Record<string, SourceValue> {
    const rec: Record<string, SourceValue> = { ...u.other, ...u.extensions };
    for (const f of USER_FIELDS) {
      const v = (u as unknown as Record<string, SourceValue | undefined>)[f];
      rec[f] = v === undefined ? null : v;
    }
    return rec;
  }

  groupSourceOf(g: DirectoryGroup): Record<string, SourceValue> {
    return {
      objectId: g.objectId,
      displayName: g.displayName,
      mailNickname: g.mailNickname ?? null,
      description: g.description ?? null,
      members: [...g.members],
    };
  }

  /**
   * Users Entra considers assigned: assigned directly, or a direct member of an assigned group.
   * Members of a nested group are not (Entra: nested group assignment is not supported).
   */
  isUserAssigned(u: DirectoryUser): boolean {
    if (u.assigned) return true;
    if (!this.assignedViaGroup) {
      this.assignedViaGroup = new Set();
      for (const g of this.groupMap.values()) if (g.assigned) for (const m of g.members) this.assignedViaGroup.add(m);
    }
    return this.assignedViaGroup.has(u.objectId);
  }

  // ---- building ----
  addUser(input: Partial<DirectoryUser> & { userPrincipalName: string }): DirectoryUser {
    const objectId = input.objectId ?? guidFrom(`user:${input.userPrincipalName}`);
    if (this.userMap.has(objectId) || this.groupMap.has(objectId)) {
      throw new ProvisioningError('directory/duplicate-id', `objectId ${objectId} is already in the directory`);
    }
    const u: DirectoryUser = {
      displayName: null,
      mail: null,
      givenName: null,
      surname: null,
      mailNickname: null,
      jobTitle: null,
      department: null,
      employeeId: null,
      manager: null,
      ...input,
      objectId,
      accountEnabled: input.accountEnabled ?? true,
      IsSoftDeleted: input.IsSoftDeleted ?? false,
      extensions: { ...(input.extensions ?? {}) },
      other: { ...(input.other ?? {}) },
      assigned: input.assigned ?? true,
    };
    this.userMap.set(objectId, u);
    if (this.byUpn && !this.byUpn.has(u.userPrincipalName)) this.byUpn.set(u.userPrincipalName, objectId);
    this.touch(objectId);
    return u;
  }

  addGroup(input: Partial<DirectoryGroup> & { displayName: string }): DirectoryGroup {
    const objectId = input.objectId ?? guidFrom(`group:${input.displayName}`);
    if (this.userMap.has(objectId) || this.groupMap.has(objectId)) {
      throw new ProvisioningError('directory/duplicate-id', `objectId ${objectId} is already in the directory`);
    }
    const g: DirectoryGroup = { mailNickname: null, description: null, ...input, objectId, members: [...(input.members ?? [])], assigned: input.assigned ?? true };
    this.groupMap.set(objectId, g);
    if (this.byGroupName && !this.byGroupName.has(g.displayName)) this.byGroupName.set(g.displayName, objectId);
    this.touch(objectId);
    return g;
  }

  // ---- changes (one method per admin action) ----
  assign(id: string): void {
    this.objectFor(id).assigned = true;
    this.touch(this.objectFor(id).objectId);
  }
  unassign(id: string): void {
    this.objectFor(id).assigned = false;
    this.touch(this.objectFor(id).objectId);
  }
  disable(userId: string): void {
    this.mustUser(userId).accountEnabled = false;
    this.touch(this.mustUser(userId).objectId);
  }
  enable(userId: string): void {
    this.mustUser(userId).accountEnabled = true;
    this.touch(this.mustUser(userId).objectId);
  }
  softDelete(userId: string): void {
    this.mustUser(userId).IsSoftDeleted = true;
    this.touch(this.mustUser(userId).objectId);
  }
  restore(userId: string): void {
    this.mustUser(userId).IsSoftDeleted = false;
    this.touch(this.mustUser(userId).objectId);
  }
  /** Removes the object for good; group memberships that pointed at it go too. */
  hardDelete(id: string): void {
    const o = this.objectFor(id);
    this.userMap.delete(o.objectId);
    this.groupMap.delete(o.objectId);
    this.dropNameIndexes();
    for (const g of this.groupMap.values()) {
      if (g.members.includes(o.objectId)) {
        g.members = g.members.filter((m) => m !== o.objectId);
        this.touch(g.objectId);
      }
    }
    for (const u of this.userMap.values()) if (u.manager === o.objectId) u.manager = null;
    this.touch(o.objectId);
  }
  /** Renames a group (displayName) or a user (userPrincipalName). */
  rename(id: string, newName: string): void {
    const g = this.group(id);
    if (g) g.displayName = newName;
    else this.mustUser(id).userPrincipalName = newName;
    this.dropNameIndexes();
    this.touch(this.objectFor(newName).objectId);
  }
  addMember(groupId: string, memberId: string): void {
    const g = this.mustGroup(groupId);
    const m = this.objectFor(memberId).objectId;
    if (!g.members.includes(m)) g.members.push(m);
    this.touch(g.objectId);
  }
  /**
   * Adds many members at once (a fixture's list): each named by objectId, userPrincipalName or group displayName,
   * duplicates kept once, in linear time. Answers the references that name nothing (by index in `memberIds`).
   */
  addMembers(groupId: string, memberIds: readonly string[]): number[] {
    const g = this.mustGroup(groupId);
    const have = new Set(g.members);
    const unknown: number[] = [];
    memberIds.forEach((ref, i) => {
      const m = (this.user(ref) ?? this.group(ref))?.objectId;
      if (m === undefined) unknown.push(i);
      else if (!have.has(m)) {
        have.add(m);
        g.members.push(m);
      }
    });
    this.touch(g.objectId);
    return unknown;
  }
  removeMember(groupId: string, memberId: string): void {
    const g = this.mustGroup(groupId);
    const m = this.objectFor(memberId).objectId;
    g.members = g.members.filter((x) => x !== m);
    this.touch(g.objectId);
  }
  /** Sets one source attribute: a core field, an `extension_…` attribute, or any other attribute. */
  updateAttribute(userId: string, attribute: string, value: SourceValue): void {
    const u = this.mustUser(userId);
    if (attribute === 'objectId') throw new ProvisioningError('directory/unknown-object', 'objectId cannot change');
    if (USER_FIELDS.has(attribute)) {
      if (attribute === 'manager' && typeof value === 'string') value = this.mustUser(value).objectId;
      (u as unknown as Record<string, SourceValue>)[attribute] = value;
      if (attribute === 'userPrincipalName') this.dropNameIndexes();
    } else if (attribute.startsWith('extension_')) u.extensions[attribute] = value;
    else u.other[attribute] = value;
    this.touch(u.objectId);
  }

  private dropNameIndexes(): void {
    this.byUpn = undefined;
    this.byGroupName = undefined;
  }
  private touch(objectId: string): void {
    this.assignedViaGroup = undefined;
    this.changedAt.set(objectId, this.clock.now());
  }
  private objectFor(id: string): DirectoryUser | DirectoryGroup {
    const o = this.user(id) ?? this.group(id);
    if (!o) throw new ProvisioningError('directory/unknown-object', `no user or group "${id}" in the directory`);
    return o;
  }
  private mustUser(id: string): DirectoryUser {
    const u = this.user(id);
    if (!u) throw new ProvisioningError('directory/unknown-object', `no user "${id}" in the directory`);
    return u;
  }
  private mustGroup(id: string): DirectoryGroup {
    const g = this.group(id);
    if (!g) throw new ProvisioningError('directory/unknown-object', `no group "${id}" in the directory`);
    return g;
  }
}

/** name → id of the first object (in iteration order) carrying each name. */
function firstByName<T extends { objectId: string }>(objects: Iterable<T>, name: (o: T) => string): Map<string, string> {
  const index = new Map<string, string>();
  for (const o of objects) if (!index.has(name(o))) index.set(name(o), o.objectId);
  return index;
}
