/*
 * The PATCH bodies Entra's provisioning service sends, in both behaviours
 * ("Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning
 * service", section "Flags to alter the SCIM behavior"; RFC 7644 §3.5.2):
 *
 * legacy (default; `AzureAdScimPatch2017`)      compliant (`aadOptscim062020` in the tenant URL)
 * - ops "Add" / "Replace" / "Remove"             - ops "add" / "replace" / "remove"
 * - one op per attribute, each with a path       - adds: one op per attribute with a path
 * - booleans as the strings "True" / "False"     - replaces: filtered paths (emails[type eq "work"].value) one op
 *                                                  each with a path; the others together in one path-less
 *                                                  replace keyed by dotted names; a lone replace keeps its path
 *                                                  ({op:"replace", path:"active", value:false})
 * - member removal: {op:"Remove", path:"members",- member removal: {op:"remove",
 *   value:[{value:id}]}                            path:'members[value eq "id"]'} one per member
 * - member add (both): {op:"Add"|"add", path:"members", value:[{"$ref":null, value:id}, …]}
 * - manager (both): the manager's target id as a plain string value
 */
import type { PatchBehaviour } from '../http/tenant-url.ts';
import type { TargetPath } from '../mappings/target-path.ts';

export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}
export interface PatchBody {
  schemas: [typeof PATCH_OP_URN];
  Operations: PatchOperation[];
}

export interface AttributeChange {
  path: TargetPath;
  /** Value the target has now (undefined: absent). */
  before: unknown;
  /** Value it should have (undefined: remove). */
  after: unknown;
}

export function patchBody(ops: PatchOperation[]): PatchBody {
  return { schemas: [PATCH_OP_URN], Operations: ops };
}

const legacyValue = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 'True' : 'False') : v);

/** Operations for a set of attribute changes on a user or a group's own attributes. */
export function attributeOperations(changes: readonly AttributeChange[], behaviour: PatchBehaviour): PatchOperation[] {
  if (behaviour === 'legacy') {
    return changes.map((c) =>
      c.after === undefined ? { op: 'Remove', path: c.path.text } : { op: c.before === undefined ? 'Add' : 'Replace', path: c.path.text, value: legacyValue(c.after) },
    );
  }
  const ops: PatchOperation[] = [];
  const grouped: AttributeChange[] = [];
  for (const c of changes) {
    if (c.after === undefined) ops.push({ op: 'remove', path: c.path.text });
    else if (c.before === undefined) ops.push({ op: 'add', path: c.path.text, value: c.after });
    else if (c.path.filter) ops.push({ op: 'replace', path: c.path.text, value: c.after });
    else grouped.push(c);
  }
  if (grouped.length === 1) ops.push({ op: 'replace', path: grouped[0]!.path.text, value: grouped[0]!.after });
  else if (grouped.length > 1) ops.push({ op: 'replace', value: Object.fromEntries(grouped.map((c) => [c.path.text, c.after])) });
  return ops;
}

/** Adding members: one op carrying every new member (Entra batches them). */
export function addMembersOperation(ids: readonly string[], behaviour: PatchBehaviour): PatchOperation {
  return { op: behaviour === 'legacy' ? 'Add' : 'add', path: 'members', value: ids.map((id) => ({ $ref: null, value: id })) };
}

/** Removing members: legacy sends a value array, compliant one filtered path per member. */
export function removeMembersOperations(ids: readonly string[], behaviour: PatchBehaviour): PatchOperation[] {
  if (behaviour === 'legacy') return [{ op: 'Remove', path: 'members', value: ids.map((id) => ({ value: id })) }];
  return ids.map((id) => ({ op: 'remove', path: `members[value eq "${id.replace(/(["\\])/g, '\\$1')}"]` }));
}

/** Renaming a group. */
export function replaceDisplayNameOperation(name: string, behaviour: PatchBehaviour): PatchOperation {
  return { op: behaviour === 'legacy' ? 'Replace' : 'replace', path: 'displayName', value: name };
}
