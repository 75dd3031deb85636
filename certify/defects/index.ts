/*
 * The defective SCIM servers the project's own tests certify (issue 5 "Honesty"): each is the compliant server
 * behind the defect layer (./proxy.ts) with exactly one defect. `flaggedBy` names the tests made for the
 * defect (each must fail); `alsoAffects` the other tests that rely on the broken behaviour and may fail too.
 * No other MUST test may fail. The table is documented in docs/certify.md.
 */
import { authIgnored } from './auth-ignored.ts';
import { caseSensitiveUserName } from './case-sensitive-username.ts';
import { createReturns200 } from './create-returns-200.ts';
import { duplicateUserNameAllowed } from './duplicate-username-allowed.ts';
import { etagIgnored } from './etag-ignored.ts';
import { filterIgnored } from './filter-ignored.ts';
import { inactiveUsersHidden } from './inactive-users-hidden.ts';
import { memberRemovalIgnored } from './member-removal-ignored.ts';
import { membersKeptAfterUserDelete } from './members-kept-after-user-delete.ts';
import { nonScimErrorBodies } from './non-scim-error-bodies.ts';
import type { Defect } from './proxy.ts';
import { groupWithMembersUndeletable } from './group-with-members-undeletable.ts';
import { patchIgnored } from './patch-ignored.ts';
import { readonlyGroupsRefused } from './readonly-groups-refused.ts';
import { unfilteredGroupListEmpty } from './unfiltered-group-list-empty.ts';
import { wrongPaginationTotals } from './wrong-pagination-totals.ts';

export type { Defect } from './proxy.ts';
export { startDefectiveServer } from './proxy.ts';

/** Fresh defect instances (some keep state) for an upstream whose bearer token is `upstreamToken`. */
export function allDefects(upstreamToken: string): Defect[] {
  return [
    createReturns200(),
    duplicateUserNameAllowed(),
    filterIgnored(),
    patchIgnored(),
    inactiveUsersHidden(),
    nonScimErrorBodies(),
    wrongPaginationTotals(),
    caseSensitiveUserName(),
    memberRemovalIgnored(),
    membersKeptAfterUserDelete(),
    authIgnored(upstreamToken),
    etagIgnored(),
    readonlyGroupsRefused(),
    unfilteredGroupListEmpty(),
    groupWithMembersUndeletable(),
  ];
}
