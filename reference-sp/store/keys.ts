/*
 * Folded lookup keys for attributes that are caseExact false (RFC 7643 §2.2: "caseExact ... false" means the
 * server compares them case-insensitively).
 *
 * - userName (RFC 7643 §4.1.1, caseExact false, uniqueness server): NFC then lower-case, Unicode-aware (SQLite's
 *   NOCASE folds ASCII only); the per-tenant UNIQUE index on user_name_key enforces uniqueness.
 * - Group displayName (RFC 7643 §4.2, caseExact false): lower-case exactly as the filter evaluator compares a
 *   caseExact-false string (reference-sp/scim/types/filter/evaluate.ts), so the rows an index probe finds are
 *   precisely the rows `displayName eq "x"` matches — the plan never changes a result, only the work.
 */

export const userNameKey = (userName: string): string => userName.normalize('NFC').toLowerCase();

export const displayNameKey = (displayName: string): string => displayName.toLowerCase();
