/*
 * The machine-readable certification (certification.json). Its shape is certify/report-schema.json; bump
 * REPORT_VERSION (and the schema's $id) on any incompatible change, so consumers can tell versions apart.
 * 2.0: the verdict `interrupted`, `interrupted` (why the run stopped) and `cleanup` (what was deleted at the end).
 * `failure` and `runError` are readable sentences (./failure-message.ts), never stack traces or local paths.
 */
import type { SummaryDocument } from './html-parts.ts';
import type { CleanupItem } from '../safety/cleanup.ts';
import { readableFailure, readableRunError } from './failure-message.ts';
import type { Certification } from '../run.ts';

export const REPORT_VERSION = '2.0.0';
export const REPORT_SCHEMA_ID = 'https://sso-harness.dev/schemas/certification-2.0.json';

/** What the end of the run deleted: the ledger's leftovers and the sweep by run prefix. */
export interface CleanupReport {
  readonly runPrefix: string;
  readonly deleted: ReadonlyArray<{ readonly kind: string; readonly id: string; readonly name: string | null; readonly via: string }>;
  readonly alreadyGone: number;
  readonly failed: ReadonlyArray<{ readonly kind: string; readonly id: string; readonly via: string; readonly detail: string }>;
  readonly problems: readonly string[];
}

export function toCleanupReport(runPrefix: string, items: readonly CleanupItem[], problems: readonly string[]): CleanupReport {
  return {
    runPrefix,
    deleted: items.filter((i) => i.outcome === 'deleted').map((i) => ({ kind: i.kind, id: i.id, name: i.name ?? null, via: i.via })),
    alreadyGone: items.filter((i) => i.outcome === 'already-gone').length,
    failed: items.filter((i) => i.outcome === 'failed').map((i) => ({ kind: i.kind, id: i.id, via: i.via, detail: i.detail ?? 'failed' })),
    problems,
  };
}

export interface CertificationDocument {
  readonly $schema: string;
  readonly reportVersion: string;
  readonly tool: { readonly name: 'sso-harness'; readonly version: string };
  readonly target: string;
  readonly profile: string;
  readonly tagExpression: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly certified: boolean;
  readonly runError: string | null;
  /** Why the run stopped early (SIGINT/SIGTERM), or null when it ran to the end. */
  readonly interrupted: string | null;
  readonly cleanup: CleanupReport | null;
  readonly summary: SummaryDocument;
  /** Entra legacy PATCH shapes (`@legacy-shape`) and whether the endpoint accepts each. */
  readonly legacyShapes: ReadonlyArray<{ readonly id: string; readonly name: string; readonly accepted: boolean | null }>;
  readonly tests: ReadonlyArray<{
    readonly id: string;
    readonly stableId: boolean;
    readonly name: string;
    readonly profile: string;
    readonly level: string;
    readonly sections: readonly string[];
    readonly requires: readonly string[];
    readonly verdict: string;
    readonly skipReason: string | null;
    readonly failure: string | null;
    readonly durationMs: number;
    readonly source: string;
    readonly tags: readonly string[];
    readonly transcript: ReadonlyArray<{ readonly name: string; readonly mediaType: string; readonly text: string }>;
  }>;
}

export function toDocument(run: Certification, toolVersion: string): CertificationDocument {
  const s = run.summary;
  return {
    $schema: REPORT_SCHEMA_ID,
    reportVersion: REPORT_VERSION,
    tool: { name: 'sso-harness', version: toolVersion },
    target: run.target,
    profile: run.profile,
    tagExpression: run.tagExpression,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    certified: s.certified && run.runError === undefined && run.interrupted === undefined,
    runError: readableRunError(run.runError) ?? null,
    interrupted: run.interrupted ?? null,
    cleanup: run.cleanup ?? null,
    summary: { total: s.total, ...s.byVerdict, mustFailures: s.mustFailures, otherFailures: s.otherFailures },
    legacyShapes: run.outcomes
      .filter((o) => o.tags.includes('@legacy-shape'))
      .map((o) => ({ id: o.id, name: o.name, accepted: o.verdict === 'pass' ? true : o.verdict === 'fail' ? false : null })),
    tests: run.outcomes.map((o) => ({
      id: o.id,
      stableId: o.stableId,
      name: o.name,
      profile: o.profile,
      level: o.level,
      sections: o.sections,
      requires: o.requires,
      verdict: o.verdict,
      skipReason: o.skipReason ?? null,
      // One sentence with the request and the response; no stack frames, no local paths (./failure-message.ts).
      failure: readableFailure(o.failure, o.transcript) ?? null,
      durationMs: o.durationMs,
      source: o.line === undefined ? o.uri : `${o.uri}:${o.line}`,
      tags: o.tags,
      transcript: o.transcript.map((t) => ({ name: t.name, mediaType: t.mediaType, text: t.text })),
    })),
  };
}
