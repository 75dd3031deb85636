/*
 * Test support: makes the Entra simulator perform one provisioning step — the same step a documented Microsoft
 * example shows — and captures the request it sent, from the provisioning log, against an in-memory endpoint
 * (../../fidelity/recording-endpoint.ts). Each step drives the real engine (createProvisioner: directory → scope →
 * mappings → Entra client → HTTP), starting from Entra's shipped customappsso mappings unless the step's parameters
 * edit them, as an admin would to reproduce the example:
 *
 * - test-connection                       the admin clicks Test Connection
 * - find-user, create-user                initial cycle for one assigned user: the lookup by matching attribute, the POST
 * - get-user, update-user                 initial cycle, source attributes change, incremental cycle: the GET, the PATCH
 * - unassign-user, block-sign-in          initial cycle, the user is unassigned / its sign-in blocked, incremental cycle
 * - delete-user                           initial cycle, hard delete, incremental cycle
 * - set-manager                           initial cycle for a user whose manager is also provisioned: the manager PATCH
 * - find-group, create-group              initial cycle for one assigned group without members
 * - get-group, rename-group               initial cycle, the group is renamed, incremental cycle
 * - add-members, remove-members           a member joins / leaves a provisioned group, incremental cycle
 * - delete-group                          initial cycle, hard delete of the group, incremental cycle
 * - discover-schema                       Test Connection and a full initial cycle, looking for GET /Schemas
 */
import { resolveConfig } from '../../config/load.ts';
import type { DirectoryFixture } from '../../directory/types.ts';
import { createProvisioner, type Provisioner } from '../../engine/create.ts';
import type { SentRequest } from '../../fidelity/documented-request.ts';
import { startRecordingEndpoint } from '../../fidelity/recording-endpoint.ts';
import type { PatchBehaviour } from '../../http/tenant-url.ts';
import type { Exchange } from '../../log/log.ts';
import type { AttributeMappingInput } from '../../mappings/types.ts';

export type EntraStep =
  | 'test-connection'
  | 'find-user'
  | 'create-user'
  | 'get-user'
  | 'update-user'
  | 'unassign-user'
  | 'block-sign-in'
  | 'delete-user'
  | 'set-manager'
  | 'find-group'
  | 'create-group'
  | 'get-group'
  | 'rename-group'
  | 'add-members'
  | 'remove-members'
  | 'delete-group'
  | 'discover-schema';

/** A directory user as the fixture file writes it (userPrincipalName, mail, givenName, …, other: {…}). */
export type UserFixture = NonNullable<DirectoryFixture['users']>[number] & { userPrincipalName: string };

export interface UserMappingEdits {
  /** Preset mappings deleted (by target). */
  readonly remove?: readonly string[];
  /** Mappings added or replacing the preset one for the same target. */
  readonly mappings?: readonly AttributeMappingInput[];
}

export interface StepParams {
  readonly user?: UserFixture;
  /** Source attribute → new value, applied between the two cycles (update-user, get-user). */
  readonly change?: Readonly<Record<string, string>>;
  readonly userMappings?: UserMappingEdits;
  /** For set-manager: the manager, provisioned in the same cycle. */
  readonly manager?: UserFixture;
  /** Group: displayName and objectId (mapped to externalId by the preset). */
  readonly group?: { readonly displayName: string; readonly objectId?: string };
  /** rename-group: the new displayName. */
  readonly newName?: string;
}

export interface StepResult {
  /** The request the step sent (undefined: the simulator sends no such request). */
  readonly sent: SentRequest | undefined;
  /** Ids the endpoint assigned during the run (per-run values). */
  readonly ids: readonly string[];
  /** Every request of the run, for diagnosis. */
  readonly all: readonly SentRequest[];
}

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };

function build(behaviour: PatchBehaviour, fixture: DirectoryFixture, p: StepParams) {
  const endpoint = startRecordingEndpoint();
  const config = resolveConfig(
    {
      directory: fixture,
      mappings: { users: { remove: [...(p.userMappings?.remove ?? [])], mappings: [...(p.userMappings?.mappings ?? [])] } },
    },
    { clock },
  );
  const provisioner = createProvisioner({
    config,
    url: behaviour === 'compliant' ? `${endpoint.url}?aadOptscim062020` : `${endpoint.url}?AzureAdScimPatch2017`,
    token: 'fidelity',
    clock,
    sleep: async () => {},
    fetch: endpoint.fetch,
    settings: { concurrency: 1 },
  });
  return { endpoint, config, provisioner };
}

function sentOf(p: Provisioner, e: Exchange): SentRequest {
  const base = p.tenant.base;
  return { method: e.method, path: e.url.startsWith(base) ? e.url.slice(base.length) : e.url, ...(e.requestBody !== undefined ? { body: e.requestBody } : {}) };
}

type Pick = (e: Exchange, cycle: number) => boolean;
const on =
  (method: string, path: RegExp, cycle?: number): Pick =>
  (e, c) =>
    e.method === method && path.test(new URL(e.url).pathname) && (cycle === undefined || c === cycle);

const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`this step needs ${what}`);
  return v;
};

/** Runs one step; `sent` is the first request of the kind the step is about. */
export async function runEntraStep(step: EntraStep, behaviour: PatchBehaviour, p: StepParams): Promise<StepResult> {
  const users: UserFixture[] = [];
  if (p.manager) users.push({ ...p.manager, assigned: true });
  if (p.user) users.push({ ...p.user, ...(p.manager ? { manager: p.manager.userPrincipalName } : {}), assigned: true });
  const groups = p.group ? [{ ...p.group, members: step === 'remove-members' && p.user ? [p.user.userPrincipalName] : [], assigned: true }] : [];
  const { endpoint, config, provisioner } = build(behaviour, { users, groups }, p);
  const { engine, log } = provisioner;
  const dir = config.directory;
  let pick: Pick;

  switch (step) {
    case 'test-connection':
      await engine.testConnection();
      pick = on('GET', /\/Users$/);
      break;
    case 'find-user':
      await engine.runCycle();
      pick = on('GET', /\/Users$/);
      break;
    case 'create-user':
      await engine.runCycle();
      pick = on('POST', /\/Users$/);
      break;
    case 'get-user':
    case 'update-user': {
      await engine.runCycle();
      let upn = need(p.user, 'a user').userPrincipalName;
      for (const [attribute, value] of Object.entries(need(p.change, 'a change'))) {
        if (attribute !== 'userPrincipalName') dir.updateAttribute(upn, attribute, value);
        else {
          dir.rename(upn, value);
          upn = value;
        }
      }
      await engine.runCycle();
      pick = step === 'get-user' ? on('GET', /\/Users\/[^/]+$/, 2) : on('PATCH', /\/Users\/[^/]+$/, 2);
      break;
    }
    case 'unassign-user':
    case 'block-sign-in':
    case 'delete-user': {
      await engine.runCycle();
      const upn = need(p.user, 'a user').userPrincipalName;
      if (step === 'unassign-user') dir.unassign(upn);
      else if (step === 'block-sign-in') dir.disable(upn);
      else dir.hardDelete(upn);
      await engine.runCycle();
      pick = step === 'delete-user' ? on('DELETE', /\/Users\/[^/]+$/, 2) : on('PATCH', /\/Users\/[^/]+$/, 2);
      break;
    }
    case 'set-manager':
      need(p.manager, 'a manager');
      await engine.runCycle();
      pick = on('PATCH', /\/Users\/[^/]+$/);
      break;
    case 'find-group':
    case 'create-group':
      await engine.runCycle();
      pick = step === 'find-group' ? on('GET', /\/Groups$/) : on('POST', /\/Groups$/);
      break;
    case 'get-group':
    case 'rename-group':
      await engine.runCycle();
      dir.rename(need(p.group, 'a group').displayName, need(p.newName, 'a new name'));
      await engine.runCycle();
      pick = step === 'get-group' ? on('GET', /\/Groups\/[^/]+$/, 2) : on('PATCH', /\/Groups\/[^/]+$/, 2);
      break;
    case 'add-members':
    case 'remove-members': {
      await engine.runCycle();
      const group = need(p.group, 'a group').displayName;
      const member = need(p.user, 'a member').userPrincipalName;
      if (step === 'add-members') dir.addMember(group, member);
      else dir.removeMember(group, member);
      await engine.runCycle();
      pick = on('PATCH', /\/Groups\/[^/]+$/, 2);
      break;
    }
    case 'delete-group':
      await engine.runCycle();
      dir.hardDelete(need(p.group, 'a group').displayName);
      await engine.runCycle();
      pick = on('DELETE', /\/Groups\/[^/]+$/, 2);
      break;
    case 'discover-schema':
      await engine.testConnection();
      await engine.runCycle();
      pick = on('GET', /\/Schemas$/);
      break;
  }
  const hit = log.exchanges.find((e) => pick(e, e.cycle));
  return { sent: hit && sentOf(provisioner, hit), ids: [...endpoint.issued], all: log.exchanges.map((e) => sentOf(provisioner, e)) };
}
