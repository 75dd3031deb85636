/*
 * What a request needs built, so that nothing the response will not return is resolved (Group.members, each
 * member's display, User.groups are the expensive, derived attributes).
 *
 * - The response: RFC 7644 §3.4.2.5 / §3.9 attributes and excludedAttributes (and RFC 7643 §7 "returned").
 *   Decided by projecting a probe resource — one value of each derived attribute with every sub-attribute —
 *   through the very projection the response goes through, so this can never disagree with it (case,
 *   URN-qualified names, sub-attribute paths, returned characteristics all included).
 * - The filter (§3.4.2.2) and sortBy (§3.4.2.3): evaluated on the built resource, so a filter or sort that names
 *   `members` (`members[value eq "…"]`, `members.display co "x"`, `urn:…:Group:members.value eq "…"`) or
 *   `groups` needs it built first; any other filter (Entra's `displayName eq "…"`) does not.
 */
import type { JsonObject } from '../../store/types.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import type { AttrPath, FilterNode } from '../types/filter/ast.ts';
import { parseAttrPath } from '../types/filter/parser.ts';
import { ScimError } from '../types/errors.ts';
import type { Projection, ResourceTypeName, ScimProtocol } from './protocol-port.ts';

/** Fully specified: which derived attributes to build. */
export interface Needs {
  readonly withMembers: boolean;
  readonly memberDisplay: boolean;
  readonly withGroups: boolean;
}

export const NOTHING: Needs = { withMembers: false, memberDisplay: false, withGroups: false };
export const EVERYTHING: Needs = { withMembers: true, memberDisplay: true, withGroups: true };

/** Does a resource built with `built` hold everything `wanted` asks for? */
export const covers = (built: Needs, wanted: Needs): boolean =>
  (built.withMembers || !wanted.withMembers) && (built.memberDisplay || !wanted.memberDisplay || !wanted.withMembers) && (built.withGroups || !wanted.withGroups);

const PROBE_REF = { value: 'v', $ref: 'r', type: 't', display: 'd' };

/** What the response to `projection` returns of the derived attributes. */
export function responseNeeds(protocol: ScimProtocol, registry: SchemaRegistry, type: ResourceTypeName, projection: Projection): Needs {
  if (projection.attributes === undefined && projection.excludedAttributes === undefined) return EVERYTHING;
  const name = type === 'Group' ? 'members' : 'groups';
  const probe: JsonObject = { [name]: [{ ...PROBE_REF }] };
  const projected = protocol.project(registry, type, probe, projection)[name];
  const first = Array.isArray(projected) ? (projected[0] as JsonObject | undefined) : undefined;
  if (type === 'Group') {
    return { withMembers: first !== undefined, memberDisplay: first?.['display'] !== undefined, withGroups: false };
  }
  return { withMembers: false, memberDisplay: false, withGroups: first !== undefined };
}

const names = (path: AttrPath, attribute: string): boolean => path.attribute.toLowerCase() === attribute;

function filterNames(node: FilterNode, attribute: string): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return filterNames(node.left, attribute) || filterNames(node.right, attribute);
    case 'not':
      return filterNames(node.operand, attribute);
    case 'valuePath':
    case 'compare':
    case 'present':
      // Paths inside a valuePath's brackets are relative to it: only the outer path names a top-level attribute.
      return names(node.path, attribute);
  }
}

/** What evaluating `filter` and sorting by `sortBy` need built. */
export function evaluationNeeds(type: ResourceTypeName, search: { readonly filter?: FilterNode | undefined; readonly sortBy?: string | undefined }): Needs {
  const attribute = type === 'Group' ? 'members' : 'groups';
  let needed = search.filter !== undefined && filterNames(search.filter, attribute);
  if (!needed && search.sortBy !== undefined) needed = names(parseAttrPath(search.sortBy, ScimError.invalidPath), attribute);
  if (!needed) return NOTHING;
  return type === 'Group' ? { withMembers: true, memberDisplay: true, withGroups: false } : { ...NOTHING, withGroups: true };
}
