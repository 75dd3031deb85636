/*
 * The statements that read for a whole page at once (./sqlite/groups.ts membersOfGroups, groupRefsOfMembers,
 * memberTypes): one query per page instead of one per member.
 *
 * - The ids of a batch travel as one JSON array parameter read with json_each: one prepared statement for any
 *   batch size (no statement per IN-list length, no SQLITE_MAX_VARIABLE_NUMBER limit).
 * - `json_each(?) AS j CROSS JOIN …` makes the id list the outer loop: SQLite never reorders the operands of a
 *   CROSS JOIN. Without it (and without ANALYZE statistics) the planner prefers the (tenant_id, …) index and
 *   walks every membership or user of the tenant, filtering it by the list: a page would cost the tenant's size.
 *   ./batch-sql.test.ts checks each plan.
 * - Parameter order: the JSON id list first, then the tenant id (memberTypes: list, tenant, list, tenant).
 */

export const BATCH_SQL = {
  membersOfGroups: `SELECT m.group_id, m.member_id, m.member_type
    FROM json_each(?) AS j CROSS JOIN memberships AS m ON m.group_id = j.value
    WHERE m.tenant_id = ? ORDER BY j.key, m.seq`,

  /**
   * A member's display (RFC 7643 §4.2 members.display): a user's displayName when it is a string, else its
   * userName; a group's displayName.
   */
  membersOfGroupsWithDisplay: `SELECT m.group_id, m.member_id, m.member_type,
      CASE WHEN m.member_type = 'User'
        THEN CASE WHEN json_type(u.resource, '$.displayName') = 'text'
          THEN json_extract(u.resource, '$.displayName') ELSE u.user_name END
        ELSE g.display_name END AS display
    FROM json_each(?) AS j CROSS JOIN memberships AS m ON m.group_id = j.value
    LEFT JOIN users u ON m.member_type = 'User' AND u.id = m.member_id AND u.tenant_id = m.tenant_id
    LEFT JOIN groups g ON m.member_type = 'Group' AND g.id = m.member_id AND g.tenant_id = m.tenant_id
    WHERE m.tenant_id = ? ORDER BY j.key, m.seq`,

  groupRefsOfMembers: `SELECT m.member_id, g.id, g.display_name
    FROM json_each(?) AS j CROSS JOIN memberships AS m ON m.tenant_id = ? AND m.member_id = j.value
    JOIN groups g ON g.id = m.group_id ORDER BY g.seq`,

  memberTypes: `SELECT u.id, 'User' AS member_type FROM json_each(?) AS j CROSS JOIN users AS u ON u.id = j.value
      WHERE u.tenant_id = ?
    UNION ALL SELECT g.id, 'Group' AS member_type FROM json_each(?) AS j CROSS JOIN groups AS g ON g.id = j.value
      WHERE g.tenant_id = ?`,
} as const;
