/*
 * The provisioning engine: initial and incremental cycles the way Entra's provisioning service runs them.
 *
 * - initial cycle: every object in the directory is evaluated; incremental cycles send only changes — an object
 *   whose source record and scope are what was last exported (the watermark) produces no request at all
 * - in scope = assigned (or "sync all") AND the scoping filters AND not soft-deleted AND sign-in not blocked
 *   (accountEnabled); "How provisioning works", section "Incremental cycles", steps 7–9
 * - going out of scope, unassigned, soft-deleted or blocked from sign-in → disable via an update through the `active`
 *   mapping (GET, then PATCH active false in the tenant URL's PATCH behaviour); hard delete → DELETE
 *   (groups out of scope are deleted)
 * - new objects: match on the matching attributes by precedence, create when nothing matches; a matched object
 *   is updated with the "always" mappings only
 * - updates: GET the target, PATCH one op per attribute that differs; the manager reference follows in its own
 *   PATCH once the manager exists in the target (a second pass in the same cycle)
 * - groups after users: only direct members that are provisioned users in scope (nested groups are not
 *   provisioned as members, as in Entra)
 * - a failure fails that object only; it is escrowed and retried next cycle; the job is quarantined after
 *   `quarantineAfterCycles` consecutive cycles where at least `failureRate` of processed objects failed, or at once
 *   when Test Connection is refused for credentials (401/403)
 */
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import type { Directory } from '../directory/directory.ts';
import type { DirectoryGroup, DirectoryUser } from '../directory/types.ts';
import type { AttributeChange } from '../entra/patch-ops.ts';
import { ProvisioningError } from '../errors.ts';
import type { ObjectOutcome, ObjectRef, Outcome, ProvisioningLog } from '../log/log.ts';
import { mapObject, serialise } from '../mappings/apply.ts';
import type { MappedState, TargetValue } from '../mappings/apply.ts';
import type { CompiledMapping, CompiledMappings, CompiledObjectMappings } from '../mappings/compile.ts';
import { readPath } from '../mappings/target-path.ts';
import type { TargetPath } from '../mappings/target-path.ts';
import type { CompiledScope } from '../scoping/filter.ts';
import type { ProvisioningClient, ScimResource } from './client.ts';
import { forEachLimited } from './pool.ts';
import type { EngineSettings } from './settings.ts';
import { defaultEngineSettings } from './settings.ts';
import { fingerprint as digest, packState, unpackState } from './watermark.ts';
import type { PackedState } from './watermark.ts';

interface ExportedUser {
  targetId: string;
  /** Digest of source record + scope as last exported (./watermark.ts): unchanged → nothing to send. */
  fingerprint: string;
  /** The mapped state as last exported, packed (./watermark.ts). */
  state: PackedState;
  /** The userName it was exported with (members' `display`, log names of deleted users). */
  userName: string | undefined;
  enabled: boolean;
  /** A reference (manager) still waits for its target to exist. */
  pendingReference: boolean;
}
interface ExportedGroup {
  targetId: string;
  /** Digest of source record + members as last exported (./watermark.ts). */
  fingerprint: string;
  displayName: string;
  /** Target ids of members as last exported. */
  members: string[];
}

export interface EscrowEntry {
  ref: ObjectRef;
  attempts: number;
  code: string;
  reason: string;
}

export interface CycleResult {
  cycle: number;
  kind: 'initial' | 'incremental';
  summary: Record<Outcome, number>;
  failed: ObjectOutcome[];
  requests: number;
  quarantined: boolean;
}

export interface EngineOptions {
  directory: Directory;
  mappings: CompiledMappings;
  client: ProvisioningClient;
  log: ProvisioningLog;
  scoping?: { users?: CompiledScope; groups?: CompiledScope };
  settings?: Partial<EngineSettings>;
  clock?: Clock;
  random?: () => number;
}

const IN_SCOPE = 'in scope';
/** The reason logged for a user whose sign-in is blocked in the directory (accountEnabled = false). */
export const SIGN_IN_BLOCKED = 'sign-in blocked';

export class ProvisioningEngine {
  readonly settings: EngineSettings;
  private cycleNo = 0;
  private readonly users = new Map<string, ExportedUser>();
  private readonly groups = new Map<string, ExportedGroup>();
  /** Objects that failed, retried next cycle. */
  readonly escrow = new Map<string, EscrowEntry>();
  /** Out-of-scope objects already reported as skipped, with the fingerprint they were skipped at. */
  private readonly skipped = new Map<string, string>();
  private badCycles = 0;
  /** Target id → exported userName, rebuilt before the groups of each cycle (members' `display`). */
  private readonly userNames = new Map<string, string>();
  private quarantine: { reason: string } | undefined;

  constructor(private readonly o: EngineOptions) {
    this.settings = Object.freeze({ ...defaultEngineSettings, ...o.settings });
  }

  get cycle(): number {
    return this.cycleNo;
  }
  get quarantined(): { reason: string } | undefined {
    return this.quarantine;
  }
  releaseQuarantine(): void {
    this.quarantine = undefined;
    this.badCycles = 0;
  }
  /** The target id an object was provisioned as (undefined when not provisioned). */
  targetIdOf(sourceId: string): string | undefined {
    return this.users.get(sourceId)?.targetId ?? this.groups.get(sourceId)?.targetId;
  }
  /** Forget everything exported ("Restart provisioning": the next cycle is an initial cycle again). */
  restart(): void {
    this.users.clear();
    this.groups.clear();
    this.escrow.clear();
    this.skipped.clear();
    this.cycleNo = 0;
  }

  async testConnection(): Promise<void> {
    const matching = this.o.mappings.users.matching[0];
    if (!matching) throw new ProvisioningError('mapping/no-matching-attribute', 'no matching attribute for users');
    try {
      await this.o.client.testConnection(matching.target.text);
    } catch (e) {
      const status = (e as ProvisioningError).status;
      if (status === 401 || status === 403) this.quarantine = { reason: `Test Connection refused the credentials (${status})` };
      throw e;
    }
  }

  async runCycle(): Promise<CycleResult> {
    const cycle = ++this.cycleNo;
    const kind = cycle === 1 ? 'initial' : 'incremental';
    const before = this.o.log.requestCount;
    if (this.quarantine) {
      return { cycle, kind, summary: this.o.log.summary(cycle), failed: [], requests: 0, quarantined: true };
    }
    const limit = this.settings.concurrency;
    const dir = this.o.directory;

    // Users: present ones, then hard-deleted ones (exported but gone from the directory).
    const present = dir.users();
    await forEachLimited(present, limit, (u) => this.guard(cycle, this.userRef(u), () => this.syncUser(cycle, u)));
    const gone = [...this.users.keys()].filter((id) => !dir.user(id) || dir.user(id)!.objectId !== id);
    await forEachLimited(gone, limit, (id) => this.guard(cycle, this.exportedUserRef(id), () => this.hardDeleteUser(cycle, id)));
    // References (manager) whose target now exists.
    const pending = present.filter((u) => this.users.get(u.objectId)?.pendingReference);
    await forEachLimited(pending, limit, (u) => this.guard(cycle, this.userRef(u), () => this.resolveReferences(u), false));

    if (this.settings.provisionGroups) {
      this.userNames.clear();
      for (const e of this.users.values()) if (e.userName !== undefined) this.userNames.set(e.targetId, e.userName);
      await forEachLimited(dir.groups(), limit, (g) => this.guard(cycle, this.groupRef(g), () => this.syncGroup(cycle, g)));
      const goneGroups = [...this.groups.keys()].filter((id) => !dir.group(id) || dir.group(id)!.objectId !== id);
      await forEachLimited(goneGroups, limit, (id) =>
        this.guard(cycle, this.exportedGroupRef(id), async () => {
          await this.o.client.deleteGroup(this.exportedGroupRef(id), this.groups.get(id)!.targetId);
          this.groups.delete(id);
          return { outcome: 'deleted', reason: 'hard-deleted' };
        }),
      );
    }

    const summary = this.o.log.summary(cycle);
    const failed = this.o.log.failures(cycle);
    const processed = Object.entries(summary)
      .filter(([k]) => k !== 'unchanged' && k !== 'skipped')
      .reduce((n, [, v]) => n + v, 0);
    if (summary.failed && processed && summary.failed / processed >= this.settings.failureRate) this.badCycles++;
    else this.badCycles = 0;
    if (this.badCycles >= this.settings.quarantineAfterCycles) {
      this.quarantine = { reason: `${this.badCycles} consecutive cycles with at least ${Math.round(this.settings.failureRate * 100)}% of objects failing` };
    }
    return { cycle, kind, summary, failed, requests: this.o.log.requestCount - before, quarantined: !!this.quarantine };
  }

  // ---------------------------------------------------------------- users

  private userRef(u: DirectoryUser): ObjectRef {
    return { type: 'user', sourceId: u.objectId, name: u.userPrincipalName };
  }
  private groupRef(g: DirectoryGroup): ObjectRef {
    return { type: 'group', sourceId: g.objectId, name: g.displayName };
  }

  /** An object gone from the directory is named in the log by what was last exported (userName, displayName). */
  private exportedUserRef(sourceId: string): ObjectRef {
    return { type: 'user', sourceId, name: this.users.get(sourceId)?.userName ?? sourceId };
  }

  private exportedGroupRef(sourceId: string): ObjectRef {
    return { type: 'group', sourceId, name: this.groups.get(sourceId)?.displayName ?? sourceId };
  }

  private evalOptions() {
    const clock = this.o.clock ?? systemClock;
    return { now: () => clock.now(), ...(this.o.random ? { random: this.o.random } : {}) };
  }

  /** Why a user is out of scope, or IN_SCOPE. */
  private userScope(u: DirectoryUser, source: Record<string, unknown>): string {
    if (u.IsSoftDeleted) return 'soft-deleted';
    // "How provisioning works", Incremental cycles step 8 and Deprovisioning: a user disabled (blocked from sign-in,
    // accountEnabled = false) is disabled in the target via an update; a disabled user is never provisioned.
    if (!u.accountEnabled) return SIGN_IN_BLOCKED;
    if (this.settings.scope === 'assigned' && !this.o.directory.isUserAssigned(u)) return 'unassigned';
    if (this.o.scoping?.users && !this.o.scoping.users.inScope(source)) return 'out of scope (scoping filter)';
    return IN_SCOPE;
  }

  private activeMapping(): CompiledMapping | undefined {
    return this.o.mappings.users.mappings.find((m) => !m.target.urn && m.target.attribute.toLowerCase() === 'active' && !m.target.subAttribute);
  }

  private async syncUser(cycle: number, u: DirectoryUser): Promise<Result | undefined> {
    const ref = this.userRef(u);
    const source = this.o.directory.sourceOf(u);
    const scope = this.userScope(u, source);
    const fingerprint = digest(scope, JSON.stringify(source));
    const exported = this.users.get(u.objectId);

    if (scope !== IN_SCOPE) {
      if (exported?.enabled) {
        const active = this.activeMapping();
        if (!active) return { outcome: 'skipped', reason: `${scope}; no mapping targets active, so it cannot be disabled` };
        const current = await this.o.client.getUser(ref, exported.targetId);
        await this.o.client.deactivateUser(ref, exported.targetId, current, active.target);
        this.users.set(u.objectId, { ...exported, enabled: false, fingerprint });
        return { outcome: 'disabled', reason: scope, targetId: exported.targetId };
      }
      if (exported) {
        this.users.set(u.objectId, { ...exported, fingerprint });
        return undefined;
      }
      if (this.skipped.get(u.objectId) === fingerprint) return undefined;
      this.skipped.set(u.objectId, fingerprint);
      return { outcome: 'skipped', reason: scope };
    }
    this.skipped.delete(u.objectId);
    if (exported && exported.fingerprint === fingerprint && !this.escrow.has(u.objectId)) return undefined;

    const set = this.o.mappings.users;
    if (!exported) {
      const createState = mapObject(set, source, 'create', this.evalOptions());
      const matching = set.matching
        .map((m) => ({ path: m.target, value: createState[m.target.text] }))
        .filter((m): m is { path: TargetPath; value: string | number | boolean } => m.value !== undefined && !Array.isArray(m.value));
      if (!matching.length) throw new ProvisioningError('mapping/no-matching-attribute', 'no matching attribute has a value');
      const found = await this.o.client.findUser(ref, matching);
      if (found) {
        const updateState = mapObject(set, source, 'update', this.evalOptions());
        const { changes, pending } = this.userChanges(set, updateState, found.resource, undefined);
        const desired = this.serialiseUser(updateState);
        await this.o.client.updateUser(ref, found.id, found.resource, desired, changes);
        this.users.set(u.objectId, this.exportedUser(found.id, fingerprint, updateState, pending));
        return { outcome: changes.length ? 'updated' : 'unchanged', reason: 'matched an existing object', targetId: found.id };
      }
      const created = await this.o.client.createUser(ref, this.serialiseUser(createState, true));
      // Entra links references (manager) in a second request once the user exists.
      const { changes, pending } = this.userChanges(set, createState, created.resource, undefined, true);
      if (changes.length) await this.o.client.updateUser(ref, created.id, created.resource, this.serialiseUser(createState), changes);
      this.users.set(u.objectId, this.exportedUser(created.id, fingerprint, createState, pending));
      return { outcome: 'created', targetId: created.id };
    }

    const updateState = mapObject(set, source, 'update', this.evalOptions());
    const current = await this.o.client.getUser(ref, exported.targetId);
    if (!current) {
      // Deleted in the target behind our back: provision it again.
      this.users.delete(u.objectId);
      return this.syncUser(cycle, u);
    }
    const previous = unpackState(exported.state);
    const { changes, pending } = this.userChanges(set, updateState, current, previous);
    await this.o.client.updateUser(ref, exported.targetId, current, this.serialiseUser(updateState), changes);
    this.users.set(u.objectId, this.exportedUser(exported.targetId, fingerprint, { ...previous, ...updateState }, pending));
    return { outcome: changes.length ? 'updated' : 'unchanged', ...(exported.enabled ? {} : { reason: 'back in scope' }), targetId: exported.targetId };
  }

  private async resolveReferences(u: DirectoryUser): Promise<Result | undefined> {
    const exported = this.users.get(u.objectId)!;
    const ref = this.userRef(u);
    const current = await this.o.client.getUser(ref, exported.targetId);
    if (!current) return undefined;
    const state = unpackState(exported.state);
    const { changes, pending } = this.userChanges(this.o.mappings.users, state, current, state, true);
    if (changes.length) await this.o.client.updateUser(ref, exported.targetId, current, this.serialiseUser(state), changes);
    this.users.set(u.objectId, { ...exported, pendingReference: pending });
    return undefined;
  }

  private async hardDeleteUser(_cycle: number, sourceId: string): Promise<Result> {
    const exported = this.users.get(sourceId)!;
    const ref = this.exportedUserRef(sourceId);
    const active = this.activeMapping();
    const outcome = await this.o.client.deleteUser(ref, exported.targetId, active?.target);
    this.users.delete(sourceId);
    return { outcome, reason: 'hard-deleted', targetId: exported.targetId };
  }

  /** The watermark of a user just exported (enabled). */
  private exportedUser(targetId: string, fingerprint: string, state: MappedState, pendingReference: boolean): ExportedUser {
    const userName = state['userName'];
    return { targetId, fingerprint, state: packState(state), userName: typeof userName === 'string' ? userName : undefined, enabled: true, pendingReference };
  }

  private resolveRef = (objectId: string): string | undefined => this.users.get(objectId)?.targetId ?? this.groups.get(objectId)?.targetId;

  private serialiseUser(state: MappedState, forCreate = false): ScimResource {
    return serialise(this.o.mappings.users, state, {
      listExtensionSchemas: this.settings.listExtensionSchemas,
      // References are linked by a separate PATCH after a create.
      resolveReference: forCreate ? () => undefined : this.resolveRef,
    });
  }

  /**
   * One change per mapped attribute whose desired value differs from the target's. An attribute the target still
   * has but the source no longer does is removed only if we exported it before (Entra does not clear what it
   * never wrote). `referencesOnly` limits the diff to Reference attributes (the manager round trip).
   */
  private userChanges(
    set: CompiledObjectMappings,
    state: MappedState,
    current: ScimResource,
    previous: MappedState | undefined,
    referencesOnly = false,
  ): { changes: AttributeChange[]; pending: boolean } {
    const changes: AttributeChange[] = [];
    let pending = false;
    for (const m of set.mappings) {
      const isRef = m.attribute.type === 'Reference';
      if (referencesOnly && !isRef) continue;
      const key = m.target.text;
      let desired: unknown = state[key];
      if (isRef && desired !== undefined) {
        desired = this.resolveRef(String(Array.isArray(desired) ? desired[0] : desired));
        if (desired === undefined) {
          pending = true;
          continue;
        }
      }
      let have = readPath(current, m.target);
      if (isRef && have && typeof have === 'object' && !Array.isArray(have)) have = (have as { value?: unknown }).value;
      if (desired === undefined) {
        if (have !== undefined && have !== null && previous?.[key] !== undefined) changes.push({ path: m.target, before: have, after: undefined });
        continue;
      }
      if (!sameValue(have, desired as TargetValue)) changes.push({ path: m.target, before: have ?? undefined, after: desired });
    }
    return { changes, pending };
  }

  // ---------------------------------------------------------------- groups

  private groupInScope(g: DirectoryGroup): string {
    if (this.settings.scope === 'assigned' && !g.assigned) return 'unassigned';
    if (this.o.scoping?.groups && !this.o.scoping.groups.inScope(this.o.directory.groupSourceOf(g))) return 'out of scope (scoping filter)';
    return IN_SCOPE;
  }

  /** Target ids of the direct user members that are provisioned and enabled. */
  private desiredMembers(g: DirectoryGroup): string[] {
    const ids: string[] = [];
    for (const m of g.members) {
      const e = this.users.get(m);
      if (e?.enabled) ids.push(e.targetId);
    }
    return ids;
  }

  /** Target id → the userName it was exported with, for the given member target ids (index built once per cycle). */
  private memberDisplay(targetIds: readonly string[]): Map<string, string> {
    const display = new Map<string, string>();
    for (const id of targetIds) {
      const userName = this.userNames.get(id);
      if (userName !== undefined) display.set(id, userName);
    }
    return display;
  }

  private async syncGroup(cycle: number, g: DirectoryGroup): Promise<Result | undefined> {
    const ref = this.groupRef(g);
    const scope = this.groupInScope(g);
    const exported = this.groups.get(g.objectId);
    const source = this.o.directory.groupSourceOf(g);
    if (scope !== IN_SCOPE) {
      if (exported) {
        await this.o.client.deleteGroup(ref, exported.targetId);
        this.groups.delete(g.objectId);
        return { outcome: 'deleted', reason: scope, targetId: exported.targetId };
      }
      const fp = digest(scope, JSON.stringify(source));
      if (this.skipped.get(g.objectId) === fp) return undefined;
      this.skipped.set(g.objectId, fp);
      return { outcome: 'skipped', reason: scope };
    }
    this.skipped.delete(g.objectId);
    const members = this.desiredMembers(g);
    const fingerprint = digest(JSON.stringify(source), members.join(','));
    if (exported && exported.fingerprint === fingerprint && !this.escrow.has(g.objectId)) return undefined;

    const set = this.o.mappings.groups;
    const phase = exported ? 'update' : 'create';
    const state = mapObject(set, source, phase, this.evalOptions());
    const resource = serialise(set, state, { listExtensionSchemas: this.settings.listExtensionSchemas, resolveReference: this.resolveRef });
    const displayName = String(state['displayName'] ?? g.displayName);

    if (!exported) {
      const found = await this.o.client.findGroup(ref, displayName);
      if (found) {
        const changes = this.groupAttributeChanges(set, state, found.resource);
        await this.o.client.updateGroup(ref, found.id, { changes, add: members, remove: [], members, display: this.memberDisplay(members), resource });
        this.groups.set(g.objectId, { targetId: found.id, fingerprint, displayName, members });
        return { outcome: 'updated', reason: 'matched an existing object', targetId: found.id };
      }
      const created = await this.o.client.createGroup(ref, resource, members, this.memberDisplay(members));
      this.groups.set(g.objectId, { targetId: created.id, fingerprint, displayName, members });
      return { outcome: 'created', targetId: created.id };
    }
    const current = await this.o.client.getGroup(ref, exported.targetId);
    if (!current) {
      this.groups.delete(g.objectId);
      return this.syncGroup(cycle, g);
    }
    const changes = this.groupAttributeChanges(set, state, current);
    // Sets, not includes(): a group of 50,000 members must not cost 50,000² comparisons.
    const had = new Set(exported.members);
    const want = new Set(members);
    const add = members.filter((m) => !had.has(m));
    const remove = exported.members.filter((m) => !want.has(m));
    const rename = changes.find((c) => c.path.text.toLowerCase() === 'displayname');
    const others = changes.filter((c) => c !== rename);
    await this.o.client.updateGroup(ref, exported.targetId, {
      ...(rename ? { displayName } : {}),
      changes: others,
      add,
      remove,
      members,
      display: this.memberDisplay(members),
      resource,
    });
    this.groups.set(g.objectId, { targetId: exported.targetId, fingerprint, displayName, members });
    return { outcome: changes.length || add.length || remove.length ? 'updated' : 'unchanged', targetId: exported.targetId };
  }

  private groupAttributeChanges(set: CompiledObjectMappings, state: MappedState, current: ScimResource): AttributeChange[] {
    const changes: AttributeChange[] = [];
    for (const m of set.mappings) {
      if (m.attribute.type === 'Reference') continue;
      const desired = state[m.target.text];
      if (desired === undefined) continue;
      const have = readPath(current, m.target);
      if (!sameValue(have, desired)) changes.push({ path: m.target, before: have ?? undefined, after: desired });
    }
    return changes;
  }

  // ---------------------------------------------------------------- outcomes

  /** Runs one object's work; records its outcome; a failure is escrowed instead of stopping the cycle. */
  private async guard(cycle: number, ref: ObjectRef, work: () => Promise<Result | undefined>, record = true): Promise<void> {
    try {
      const r = await work();
      this.escrow.delete(ref.sourceId);
      if (r && record) this.o.log.outcome({ cycle, object: ref, ...r });
    } catch (e) {
      const code = e instanceof ProvisioningError ? e.code : 'internal';
      const reason = (e as Error).message;
      const prev = this.escrow.get(ref.sourceId);
      this.escrow.set(ref.sourceId, { ref, attempts: (prev?.attempts ?? 0) + 1, code, reason });
      this.o.log.outcome({ cycle, object: ref, outcome: 'failed', code, reason });
    }
  }
}

interface Result {
  outcome: Outcome;
  reason?: string;
  targetId?: string;
}

function sameValue(have: unknown, want: TargetValue): boolean {
  if (have === undefined || have === null) return false;
  if (Array.isArray(want) || Array.isArray(have)) return JSON.stringify(have) === JSON.stringify(want);
  if (typeof want === 'boolean') return have === want || (typeof have === 'string' && have.toLowerCase() === String(want));
  return String(have) === String(want);
}
