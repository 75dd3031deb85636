/*
 * A defect SP is the strict mini SP (./mini-sp/) with exactly ONE rule replaced by its vulnerable version (or, for
 * the interoperability tests, a version that refuses what it should accept), so a certification that flags it
 * proves its verdict for that one rule (issue 10, "Proof that the verdicts are right").
 * - flaggedBy: the catalog tests made for the defect (features/certify-saml, `@id:` tags); each must fail
 * - alsoAffects: other tests that exercise the broken rule by another route and may fail too
 * No other MUST test may fail: that would be a false alarm (defects.test.ts).
 */
import type { RuleReplacement } from './mini-sp/rules.ts';

export interface SamlDefect {
  readonly name: string;
  readonly description: string;
  readonly flaggedBy: readonly string[];
  readonly alsoAffects: readonly string[];
  readonly replacement: RuleReplacement;
  /**
   * Set when the catalog cannot flag the defect yet, saying why (a gap in the catalog, not in the defect). The
   * matrix then checks the gap is still there, so the marker goes when the catalog is fixed.
   */
  readonly catalogGap?: string;
}
