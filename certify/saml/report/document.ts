/*
 * The machine-readable SAML certification (certification-saml.json). Its shape is certify/saml/report-schema.json;
 * bump SAML_REPORT_VERSION (and the schema's $id) on any incompatible change, so consumers can tell versions apart.
 * - per test: the verdict cucumber computed (pass/fail/…), the SP's answer as the oracle read it (spVerdict), the
 *   message posted and what the attack changed, the real-world family and a one-line remediation (../families.ts);
 * - `failure`, `runError`, the SP's answer and the baseline's diagnosis are readable text without stack frames or
 *   local paths (certify/report/failure-message.ts); the target is named by URL or entity ID, never by a file path;
 * - a message longer than MESSAGE_LIMIT characters (the 2 MB body test) is cut, saying how much was left out.
 */
import type { SummaryDocument } from '../../report/html-parts.ts';
import { readableFailure, readableRunError } from '../../report/failure-message.ts';
import type { SamlVerdict } from '../contract.ts';
import { SAML_FAMILIES } from '../families.ts';
import type { SamlCertification } from '../run.ts';
import { areaOf, type Mutation, samlEvidence, samlSections, sanitise } from './facts.ts';

export const SAML_REPORT_VERSION = '1.0.0';
export const SAML_REPORT_SCHEMA_ID = 'https://sso-harness.dev/schemas/certification-saml-1.0.json';

/** Characters of a posted message kept in the report. */
export const MESSAGE_LIMIT = 64 * 1024;

export interface SamlTestRecord {
  readonly id: string;
  readonly stableId: boolean;
  readonly name: string;
  readonly area: string;
  readonly profile: string;
  readonly level: string;
  readonly sections: readonly string[];
  readonly verdict: string;
  readonly skipReason: string | null;
  readonly failure: string | null;
  readonly durationMs: number;
  readonly source: string;
  readonly tags: readonly string[];
  /** The real-world family (CVE, paper) the test belongs to, and how to fix a failure. */
  readonly family: string | null;
  readonly remediation: string | null;
  /** What the SP did with the decisive message, as the oracle read it. */
  readonly spVerdict: SamlVerdict | null;
  /** The decoded message as posted (XML), possibly cut at MESSAGE_LIMIT. */
  readonly message: string | null;
  readonly messageTruncated: boolean;
  readonly mutation: Mutation | null;
  /** "HTTP 302\nLocation: …" plus the start of the body. */
  readonly spAnswer: string | null;
  /** Every other attachment of the test. */
  readonly transcript: ReadonlyArray<{ readonly name: string; readonly mediaType: string; readonly text: string }>;
}

export interface SamlCertificationDocument {
  readonly $schema: string;
  readonly reportVersion: string;
  readonly tool: { readonly name: 'sso-harness'; readonly version: string };
  readonly target: {
    /** The SP certified: its metadata URL or entity ID, or "bundled reference SP". */
    readonly sp: string;
    readonly mode: 'sp-initiated' | 'idp-initiated';
    /** whoami: verdicts read from the SP's whoami URL; inferred: compared with the baseline, every verdict marked so. */
    readonly oracle: 'whoami' | 'inferred';
    readonly driver: 'http' | 'chromium';
    readonly idpEntityId: string | null;
    readonly idpMetadataUrl: string | null;
  };
  readonly profile: string;
  readonly tagExpression: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly certified: boolean;
  readonly runError: string | null;
  readonly interrupted: string | null;
  /** The legitimate sign-in that runs before the catalog; null when the run did not make one (the bundled SP). */
  readonly baseline: { readonly ok: boolean; readonly code: string | null; readonly diagnosis: string | null } | null;
  readonly summary: SummaryDocument;
  readonly tests: readonly SamlTestRecord[];
}

function cut(text: string): { text: string; truncated: boolean } {
  if (text.length <= MESSAGE_LIMIT) return { text, truncated: false };
  return { text: `${text.slice(0, MESSAGE_LIMIT)}\n[… ${text.length - MESSAGE_LIMIT} more characters not shown]`, truncated: true };
}

export function toSamlDocument(run: SamlCertification, toolVersion: string): SamlCertificationDocument {
  const s = run.summary;
  const baselineFailed = run.baseline !== undefined && !run.baseline.ok;
  return {
    $schema: SAML_REPORT_SCHEMA_ID,
    reportVersion: SAML_REPORT_VERSION,
    tool: { name: 'sso-harness', version: toolVersion },
    target: {
      sp: run.target,
      mode: run.mode,
      oracle: run.oracle,
      driver: run.driver,
      idpEntityId: run.idp.entityId ?? null,
      idpMetadataUrl: run.idp.metadataUrl ?? null,
    },
    profile: run.profile,
    tagExpression: run.tagExpression,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    certified: s.certified && !baselineFailed && run.runError === undefined && run.interrupted === undefined,
    runError: readableRunError(run.runError) ?? null,
    interrupted: run.interrupted ?? null,
    baseline:
      run.baseline === undefined
        ? null
        : { ok: run.baseline.ok, code: run.baseline.code ?? null, diagnosis: run.baseline.diagnosis === undefined ? null : sanitise(run.baseline.diagnosis) },
    summary: { total: s.total, ...s.byVerdict, mustFailures: s.mustFailures, otherFailures: s.otherFailures },
    tests: run.outcomes.map((o) => {
      const evidence = samlEvidence(o.transcript);
      const message = evidence.message === undefined ? undefined : cut(evidence.message);
      const family = SAML_FAMILIES[o.id];
      return {
        id: o.id,
        stableId: o.stableId,
        name: o.name,
        area: areaOf(o.id),
        profile: o.profile,
        level: o.level,
        sections: samlSections(o.tags),
        verdict: o.verdict,
        skipReason: o.skipReason ?? null,
        failure: readableFailure(o.failure) ?? null,
        durationMs: o.durationMs,
        source: o.line === undefined ? o.uri : `${o.uri}:${o.line}`,
        tags: o.tags,
        family: family?.family ?? null,
        remediation: family?.remediation ?? null,
        spVerdict: evidence.verdict ?? null,
        message: message?.text ?? null,
        messageTruncated: message?.truncated ?? false,
        mutation: evidence.mutation ?? null,
        spAnswer: evidence.spAnswer ?? null,
        transcript: evidence.rest.map((t) => ({ name: t.name, mediaType: t.mediaType, text: sanitise(cut(t.text).text) })),
      };
    }),
  };
}
