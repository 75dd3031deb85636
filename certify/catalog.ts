/*
 * Builds the certification catalog from cucumber's message stream, so the verdicts are exactly those cucumber-js
 * computes when QA runs the same features by hand:
 * - pickle → the test (its tags give ID, level, profile, section; docs/scenario-tags.md)
 * - testCase / testCaseStarted → which pickle an attempt belongs to; only the last attempt counts (retries)
 * - testStepFinished → verdict: any FAILED step fails; UNDEFINED, AMBIGUOUS or PENDING is a harness error;
 *   SKIPPED (a step or hook returned 'skipped', e.g. an optional feature not advertised) skips
 * - attachment → the request/response transcript; one named `skip-reason`, or a log line `skipped: …`, explains a skip
 * - after `interrupt()` (SIGINT/SIGTERM): a test that does not pass is `interrupted` (its failure may be the
 *   abort itself, or it was never started), and so is every planned test that never finished
 */
import type { runCucumber } from '@cucumber/cucumber/api';
import { readTags, type TestFacts } from './tags.ts';

/** One cucumber message; typed from the API so we don't depend on @cucumber/messages directly. */
export type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

export type Verdict = 'pass' | 'fail' | 'skip' | 'error' | 'interrupted';

/** Why an interrupted test has no verdict of its own. */
export const INTERRUPTED_REASON = 'the run was interrupted before this test could finish';

/** Attachment name a step or hook uses to say why a test was skipped (`this.attach(reason, 'skip-reason')`). */
export const SKIP_REASON_ATTACHMENT = 'skip-reason';

/** `this.log(…)` in a step or hook; the SCIM hooks log `skipped: <reason>` (steps/support/scim/hooks.ts). */
const LOG_MEDIA_TYPE = 'text/x.cucumber.log+plain';

export interface TranscriptEntry {
  readonly name: string;
  readonly mediaType: string;
  readonly text: string;
}

export interface TestOutcome extends TestFacts {
  readonly name: string;
  readonly uri: string;
  readonly line: number | undefined;
  readonly verdict: Verdict;
  readonly skipReason: string | undefined;
  /** First failing step's message (assertion text), for the report; never used to decide the verdict. */
  readonly failure: string | undefined;
  readonly durationMs: number;
  readonly transcript: readonly TranscriptEntry[];
}

interface Attempt {
  pickleId: string;
  statuses: string[];
  failure: string | undefined;
  durationNanos: number;
  attachments: TranscriptEntry[];
  willBeRetried: boolean;
}

export class CatalogCollector {
  readonly #pickles = new Map<string, { name: string; uri: string; line: number | undefined; tags: string[] }>();
  readonly #testCases = new Map<string, string>();
  readonly #attempts = new Map<string, Attempt>();
  readonly #done = new Map<string, TestOutcome>();
  readonly #order: string[] = [];
  readonly #onTest: ((outcome: TestOutcome) => void) | undefined;
  #runError: string | undefined;
  #interrupted: string | undefined;

  constructor(onTest?: (outcome: TestOutcome) => void) {
    this.#onTest = onTest;
  }

  readonly onMessage = (envelope: Envelope): void => {
    if (envelope.pickle) {
      const p = envelope.pickle;
      this.#pickles.set(p.id, { name: p.name, uri: p.uri, line: p.location?.line, tags: p.tags.map((t) => t.name) });
    } else if (envelope.testCase) {
      this.#testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    } else if (envelope.testCaseStarted) {
      const started = envelope.testCaseStarted;
      const pickleId = this.#testCases.get(started.testCaseId);
      if (pickleId === undefined) return;
      this.#attempts.set(started.id, { pickleId, statuses: [], failure: undefined, durationNanos: 0, attachments: [], willBeRetried: false });
    } else if (envelope.testStepFinished) {
      const attempt = this.#attempts.get(envelope.testStepFinished.testCaseStartedId);
      if (!attempt) return;
      const result = envelope.testStepFinished.testStepResult;
      attempt.statuses.push(result.status);
      attempt.durationNanos += result.duration.seconds * 1e9 + result.duration.nanos;
      if (result.status !== 'PASSED' && result.status !== 'SKIPPED' && attempt.failure === undefined) {
        // cucumber's formatted message drops an assertion's own message when it starts with "expected" and shows a
        // diff instead; the exception keeps it. Both go to the report, which makes one sentence of them.
        const own = result.exception?.message;
        attempt.failure =
          result.message !== undefined && own && !result.message.includes(own) ? `${own}\n${result.message}` : (result.message ?? own ?? `step ${result.status.toLowerCase()}`);
      }
    } else if (envelope.attachment) {
      const a = envelope.attachment;
      const attempt = a.testCaseStartedId ? this.#attempts.get(a.testCaseStartedId) : undefined;
      if (!attempt) return;
      const text = a.contentEncoding === 'BASE64' ? Buffer.from(a.body, 'base64').toString('utf8') : a.body;
      attempt.attachments.push({ name: a.fileName ?? `attachment ${attempt.attachments.length + 1}`, mediaType: a.mediaType, text });
    } else if (envelope.testCaseFinished) {
      const attempt = this.#attempts.get(envelope.testCaseFinished.testCaseStartedId);
      if (!attempt || envelope.testCaseFinished.willBeRetried) return;
      this.#finish(attempt);
    } else if (envelope.testRunFinished && !envelope.testRunFinished.success) {
      this.#runError = envelope.testRunFinished.exception?.message ?? envelope.testRunFinished.message;
    }
  };

  /** Outcomes in the order the tests ran. */
  outcomes(): TestOutcome[] {
    return this.#order.map((id) => this.#done.get(id)!);
  }

  /** Pickles that were planned but never finished (interrupted run, crashed worker). */
  unfinished(): Array<{ name: string; uri: string }> {
    return [...this.#pickles.entries()].filter(([id]) => !this.#done.has(id) && [...this.#testCases.values()].includes(id)).map(([, p]) => ({ name: p.name, uri: p.uri }));
  }

  /** From now on, a test that does not pass is reported as interrupted. */
  interrupt(reason: string): void {
    this.#interrupted ??= reason;
  }

  /**
   * Outcomes in the order the tests ran, then — for an interrupted run — every planned test that never
   * finished, as interrupted.
   */
  outcomesWithInterrupted(): TestOutcome[] {
    const outcomes = this.outcomes();
    if (this.#interrupted === undefined) return outcomes;
    const planned = new Set(this.#testCases.values());
    for (const [id, pickle] of this.#pickles) {
      if (this.#done.has(id) || !planned.has(id)) continue;
      outcomes.push({
        ...readTags(pickle.tags, pickle.name),
        name: pickle.name,
        uri: pickle.uri,
        line: pickle.line,
        verdict: 'interrupted',
        skipReason: undefined,
        failure: INTERRUPTED_REASON,
        durationMs: 0,
        transcript: [],
      });
    }
    return outcomes;
  }

  /** A run-level error (e.g. a BeforeAll hook failed), if cucumber reported one. */
  runError(): string | undefined {
    return this.#runError;
  }

  #finish(attempt: Attempt): void {
    const pickle = this.#pickles.get(attempt.pickleId)!;
    const skipReason =
      attempt.attachments.find((a) => a.name === SKIP_REASON_ATTACHMENT)?.text ??
      attempt.attachments.find((a) => a.mediaType === LOG_MEDIA_TYPE && /^skipped:/i.test(a.text))?.text.replace(/^skipped:\s*/i, '');
    const own = verdictOf(attempt.statuses);
    const verdict: Verdict = this.#interrupted !== undefined && own !== 'pass' ? 'interrupted' : own;
    const outcome: TestOutcome = {
      ...readTags(pickle.tags, pickle.name),
      name: pickle.name,
      uri: pickle.uri,
      line: pickle.line,
      verdict,
      skipReason: verdict === 'skip' ? (skipReason ?? 'skipped by the scenario') : undefined,
      failure: verdict === 'interrupted' ? [INTERRUPTED_REASON, attempt.failure].filter(Boolean).join(': ') : attempt.failure,
      durationMs: Math.round(attempt.durationNanos / 1e6),
      transcript: attempt.attachments.filter((a) => a.name !== SKIP_REASON_ATTACHMENT && !(a.mediaType === LOG_MEDIA_TYPE && /^(skipped|interrupted):/i.test(a.text))),
    };
    if (!this.#done.has(attempt.pickleId)) this.#order.push(attempt.pickleId);
    this.#done.set(attempt.pickleId, outcome);
    this.#onTest?.(outcome);
  }
}

/** Worst status wins: a failure anywhere fails the test, even after a skip. */
export function verdictOf(statuses: readonly string[]): Verdict {
  if (statuses.includes('FAILED')) return 'fail';
  if (statuses.some((s) => s === 'UNDEFINED' || s === 'AMBIGUOUS' || s === 'PENDING' || s === 'UNKNOWN')) return 'error';
  if (statuses.includes('SKIPPED')) return 'skip';
  return 'pass';
}
