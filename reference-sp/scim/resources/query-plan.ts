/*
 * Which rows a filter needs to look at.
 *
 * - `userName eq "x"` (caseExact false, RFC 7643 §4.1.1), `externalId eq "x"` and `id eq "x"` (both caseExact,
 *   RFC 7643 §3.1) are answered from an index: at most a few candidate rows, whatever the tenant's size.
 * - On Groups, `displayName eq "x"` (caseExact false, RFC 7643 §4.2) is answered from the folded
 *   display_name_key index (reference-sp/store/keys.ts): Entra's group matching query
 *   `displayName eq "…"` costs one probe, not a scan of every group.
 * - `A and B` where either side is indexable narrows to that side's candidates; the full filter is still
 *   evaluated on them, so the plan never changes the result, only the work.
 * - Anything else scans the tenant's rows (and is evaluated in JS), which ./service.ts refuses with 400 tooMany
 *   once the tenant holds more than its `maxScan` resources of the type.
 * - The filters Entra and Okta send are all served by an index: `userName eq`, `externalId eq`, Groups'
 *   `displayName eq`, and Entra's membership check `id eq "…" and members[value eq "…"]` (the id side).
 */
import type { CompareNode, FilterNode } from '../types/filter/ast.ts';

export type IndexKey = 'id' | 'userName' | 'externalId' | 'displayName';

export interface IndexProbe {
  readonly key: IndexKey;
  readonly value: string;
}

const CORE = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group)$/i;

function probeOf(n: CompareNode, resourceType: 'User' | 'Group'): IndexProbe | undefined {
  if (n.op !== 'eq' || typeof n.value !== 'string' || n.path.subAttribute !== undefined) return undefined;
  if (n.path.schema !== undefined && !CORE.test(n.path.schema)) return undefined;
  const name = n.path.attribute.toLowerCase();
  if (name === 'id') return { key: 'id', value: n.value };
  if (name === 'externalid') return { key: 'externalId', value: n.value };
  if (resourceType === 'User' && name === 'username') return { key: 'userName', value: n.value };
  if (resourceType === 'Group' && name === 'displayname') return { key: 'displayName', value: n.value };
  // User displayName has no index: it scans.
  return undefined;
}

export function planFilter(node: FilterNode | undefined, resourceType: 'User' | 'Group'): IndexProbe | undefined {
  if (!node) return undefined;
  switch (node.kind) {
    case 'compare':
      return probeOf(node, resourceType);
    case 'and':
      return planFilter(node.left, resourceType) ?? planFilter(node.right, resourceType);
    default:
      return undefined;
  }
}
