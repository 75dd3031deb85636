/*
 * What the engine asks of a provisioning client (Entra's, Okta's, … — each built by a dated profile in
 * ../profiles/). The engine decides *what* changes
 * (scope, mappings, watermark); a profile decides *which requests* express it.
 */
import type { AttributeChange } from '../entra/patch-ops.ts';
import type { ObjectRef } from '../log/log.ts';
import type { TargetPath } from '../mappings/target-path.ts';

export type ScimResource = Record<string, unknown> & { id?: string };

export interface Found {
  id: string;
  resource: ScimResource;
}

export interface MatchingValue {
  path: TargetPath;
  value: string | number | boolean;
}

export interface GroupUpdate {
  /** New displayName when renamed. */
  displayName?: string;
  /** Other attribute changes (externalId, …). */
  changes: AttributeChange[];
  add: string[];
  remove: string[];
  /** Every member the group should have (a PUT of the whole group sends them all). */
  members: string[];
  /** Target id → userName of the members, for clients that send `display` with each member (Okta). */
  display: ReadonlyMap<string, string>;
  /** The whole desired group without members (Okta sends it with the rename). */
  resource: ScimResource;
}

export interface ProvisioningClient {
  /** The dated profile that built the client (`entra-2025`, `okta-2024`; ../profiles/). */
  readonly profile: string;
  /** Entra's "Test Connection"; throws `connection/failed` with the reason. */
  testConnection(userMatchingPath: string): Promise<void>;
  /** Tries each matching attribute in precedence order. */
  findUser(ref: ObjectRef, matching: readonly MatchingValue[]): Promise<Found | null>;
  /** null when the target says 404. */
  getUser(ref: ObjectRef, id: string): Promise<ScimResource | null>;
  createUser(ref: ObjectRef, resource: ScimResource): Promise<Found>;
  /** `desired` is the full resource the mappings produce (Okta PUTs it); `changes` what differs (Entra PATCHes it). */
  updateUser(ref: ObjectRef, id: string, current: ScimResource, desired: ScimResource, changes: readonly AttributeChange[]): Promise<void>;
  /** Deprovision by active=false; `activePath` is the mapped target of the active attribute. */
  deactivateUser(ref: ObjectRef, id: string, current: ScimResource | null, activePath: TargetPath): Promise<void>;
  /** Hard delete: DELETE for Entra; Okta never deletes users and deactivates instead. */
  deleteUser(ref: ObjectRef, id: string, activePath: TargetPath | undefined): Promise<'deleted' | 'disabled'>;
  findGroup(ref: ObjectRef, displayName: string): Promise<Found | null>;
  getGroup(ref: ObjectRef, id: string): Promise<ScimResource | null>;
  /** `display`: target id → userName of each member, for clients that send it. */
  createGroup(ref: ObjectRef, resource: ScimResource, memberIds: readonly string[], display?: ReadonlyMap<string, string>): Promise<Found>;
  updateGroup(ref: ObjectRef, id: string, update: GroupUpdate): Promise<void>;
  deleteGroup(ref: ObjectRef, id: string): Promise<void>;
}

/** RFC 7644 §3.4.2.2: a filter value is a JSON string. */
export function filterEq(path: string, value: string | number | boolean): string {
  return `${path} eq ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
}

/** The resources of a ListResponse (RFC 7644 §3.4.2), or throws on a body that is not one. */
export function listResources(body: unknown): ScimResource[] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { Resources?: unknown; totalResults?: unknown };
  if (b.Resources === undefined) return typeof b.totalResults === 'number' ? [] : undefined;
  return Array.isArray(b.Resources) ? (b.Resources as ScimResource[]) : undefined;
}
