/*
 * Runs the certification: the same Gherkin scenarios QA runs with cucumber-js (features/scim, features/certify),
 * in-process through cucumber's programmatic API, filtered by profile tags, and turns the message stream into a
 * catalog of outcomes (catalog.ts). The target, token, concurrency, timeout, run prefix, stop file and ledger
 * file reach the SCIM stage as cucumber `worldParameters.scim` (steps/support/scim/settings.ts), in this process
 * and in cucumber's parallel workers alike; the run never writes process.env.
 *
 * Against an external endpoint one pre-flight request comes first (./preflight.ts), for API callers and the CLI
 * alike: an endpoint that cannot be reached or refuses the token is one PreflightError, not a FAIL per test.
 *
 * Behaviour toward the endpoint at the end of a run (issue 5; docs/certify.md):
 * - every process of the run shares one run prefix; cucumber workers journal what they create (the ledger
 *   file) and stop starting scenarios when the stop file appears;
 * - when `input.signal` aborts (SIGINT/SIGTERM), no new scenario starts, requests in flight are aborted, and the
 *   run returns once cucumber has stopped (or after a grace period), with unfinished tests `interrupted`;
 * - then, interrupted or not: whatever the ledger still holds is deleted, and against an external endpoint the
 *   run prefix is swept (`userName sw` / `displayName sw`), deleting only names that start with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { PACKAGE_ROOT } from '../packaging/package-root.ts';
import { SCIM_WORLD_PARAMETER, type ScimParameters, type ScimServer } from '../steps/support/scim/settings.ts';
import type { TestOutcome } from './catalog.ts';
import { CertifyOptionsError, PROFILE_TAGS, type CertifyProfile } from './options.ts';
import { preflight } from './preflight.ts';
import { runFeatures, SUPPORT_IMPORTS } from './run-features.ts';
import { toCleanupReport, type CleanupReport } from './report/document.ts';
import { deleteOutstanding, sweepRunPrefix, type CleanupItem } from './safety/cleanup.ts';
import { resetInterrupt } from './safety/interrupt.ts';
import { sharedLimiter } from './safety/limiter.ts';
import { replayJournal, resourceLedger, type LedgerEntry } from './safety/ledger.ts';
import { newRunPrefix } from './safety/run-prefix.ts';
import { summarise, type Summary } from './summary.ts';

/** The package root (the clone, or node_modules/sso-harness): features are found relative to it, wherever the command is run from. */
export const PROJECT_ROOT = PACKAGE_ROOT;

export { SUPPORT_IMPORTS };

/** Feature files that make up the certification catalog. */
export const CATALOG_PATHS = ['features/scim/**/*.feature', 'features/certify/**/*.feature'];

export interface RunInput {
  /** SCIM base URL; undefined runs against whatever the stage targets by default (the bundled server). */
  readonly url: string | undefined;
  readonly token: string | undefined;
  readonly profile: CertifyProfile;
  /** Extra cucumber tag expression, and-ed with the profile's. */
  readonly tags: string | undefined;
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** Without `url`: which server to start in-process, the bundled reference server (default) or scimmy. */
  readonly server?: ScimServer;
  /** The run prefix (`ssoh-<8 hex>-`) everything created starts with; default a fresh one. */
  readonly runPrefix?: string;
  /** A support code library from an earlier run in this process (step files are only imported once). */
  readonly support?: ISupportCodeLibrary;
  readonly paths?: readonly string[];
  /** Called once the pre-flight check passed, before the first test starts. */
  readonly onStart?: (run: { readonly target: string; readonly runPrefix: string }) => void;
  readonly onTest?: (outcome: TestOutcome) => void;
  /** Aborted on SIGINT/SIGTERM: the run stops starting tests, cleans up and returns, marked interrupted. */
  readonly signal?: AbortSignal;
  /** How long an interrupted run waits for cucumber to stop before it cleans up anyway (default 2 × timeout + 5 s). */
  readonly graceMs?: number;
}

export interface Certification {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly target: string;
  readonly profile: CertifyProfile;
  readonly tagExpression: string;
  readonly outcomes: readonly TestOutcome[];
  readonly summary: Summary;
  /** Set when the run itself broke (bad tag expression, hook crash, tests planned but never finished). */
  readonly runError: string | undefined;
  /** Why the run stopped early (SIGINT/SIGTERM); undefined when it ran to the end. */
  readonly interrupted: string | undefined;
  /** Everything this run created starts with it. */
  readonly runPrefix: string;
  /** What the end of the run deleted; undefined when no clean-up pass ran (an in-process server, nothing left). */
  readonly cleanup: CleanupReport | undefined;
  /** The support code library, when cucumber finished (reusable by a later run in this process). */
  readonly support: ISupportCodeLibrary;
}

/** The tag expression a run uses: profile, never @wip, and @bundled-only only against the bundled server. */
export function tagExpressionFor(profile: CertifyProfile, external: boolean, extra: string | undefined): string {
  const parts = [`(${PROFILE_TAGS[profile]})`, 'not @wip'];
  parts.push(external ? 'not @bundled-only' : 'not @external-only');
  if (extra && extra.trim() !== '') parts.push(`(${extra})`);
  return parts.join(' and ');
}

/** `worldParameters.scim` for a run: everything the SCIM stage needs, JSON only (steps/support/scim/settings.ts). */
export function scimWorldParameters(input: RunInput, run: { runPrefix: string; stopFile: string; ledgerFile: string }): ScimParameters {
  return {
    ...(input.url !== undefined ? { baseUrl: input.url } : { server: input.server ?? 'bundled' }),
    ...(input.token !== undefined ? { token: input.token } : {}),
    concurrency: input.concurrency,
    timeoutMs: input.timeoutMs,
    ...run,
  };
}

/**
 * Certifies the endpoint. Against an external URL the pre-flight check (./preflight.ts: reachable, token
 * accepted, a SCIM base URL) runs first, once: when it fails, nothing is run and its PreflightError
 * (`certify/unreachable`, `certify/token-refused`, `certify/not-scim`) is thrown.
 */
export async function runCertification(input: RunInput): Promise<Certification> {
  const startedAt = new Date().toISOString();
  const external = input.url !== undefined;
  if (external) {
    if (input.token === undefined) throw new CertifyOptionsError(['token is required with url: give the bearer token of that endpoint']);
    await preflight({ url: input.url.replace(/\/+$/, ''), token: input.token, timeoutMs: input.timeoutMs, ...(input.signal ? { signal: input.signal } : {}) });
  }
  const tagExpression = tagExpressionFor(input.profile, external, input.tags);
  const runPrefix = input.runPrefix ?? newRunPrefix();
  const target = input.url ?? (input.server === 'scimmy' ? 'in-process scimmy server' : 'bundled reference server');
  input.onStart?.({ target, runPrefix });
  const scratch = mkdtempSync(join(tmpdir(), 'ssoh-certify-'));
  const stopFile = join(scratch, 'stop');
  const journal = join(scratch, 'ledger.jsonl');
  const worldParameters = { [SCIM_WORLD_PARAMETER]: scimWorldParameters(input, { runPrefix, stopFile, ledgerFile: journal }) };
  const ran = await runFeatures({
    paths: input.paths ?? CATALOG_PATHS,
    tagExpression,
    worldParameters,
    parallel: input.concurrency > 1 ? input.concurrency : 0,
    support: input.support,
    onTest: input.onTest,
    signal: input.signal,
    graceMs: input.graceMs ?? input.timeoutMs * 2 + 5_000,
    onInterrupt: (reason) => {
      try {
        writeFileSync(stopFile, reason);
      } catch {
        // Workers then finish their queue; the ledger and the sweep still clean up after them.
      }
    },
  });
  const { runError, interrupted, support } = ran;
  const cleanup = await cleanUpAfterRun(input, runPrefix, journal);
  resetInterrupt();
  rmSync(scratch, { recursive: true, force: true });
  const outcomes = ran.outcomes;
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    target,
    profile: input.profile,
    tagExpression,
    outcomes,
    summary: summarise(outcomes),
    runError,
    interrupted,
    runPrefix,
    cleanup,
    support: support as ISupportCodeLibrary,
  };
}

/**
 * The end of a run, interrupted or not: delete what the ledger (this process's, and the workers' journal) still
 * holds, then — against an external endpoint — sweep the run prefix. In-process servers take their data with
 * them; their entries left the ledger when they stopped.
 */
async function cleanUpAfterRun(input: RunInput, runPrefix: string, journal: string): Promise<CleanupReport | undefined> {
  const options = { timeoutMs: input.timeoutMs, limiter: sharedLimiter(input.concurrency) };
  const base = input.url?.replace(/\/+$/, '');
  const leftovers = new Map<string, LedgerEntry>();
  for (const entry of [...replayJournal(journal), ...resourceLedger().outstanding()]) {
    const token = entry.token ?? (base !== undefined && entry.baseUrl.startsWith(base) ? input.token : undefined);
    leftovers.set(`${entry.baseUrl} ${entry.kind} ${entry.id}`, { ...entry, token: token ?? null });
  }
  const items: CleanupItem[] = [];
  const problems: string[] = [];
  const deletable = [...leftovers.values()].filter((entry) => {
    if (entry.token) return true;
    problems.push(`${entry.baseUrl}/${entry.kind}/${entry.id}: no token to delete it with`);
    return false;
  });
  if (deletable.length > 0) items.push(...(await deleteOutstanding(deletable, options)).items);
  if (base !== undefined && input.token !== undefined) {
    const swept = await sweepRunPrefix({ baseUrl: base, token: input.token }, runPrefix, options);
    items.push(...swept.items);
    problems.push(...swept.problems);
  }
  if (base === undefined && items.length === 0 && problems.length === 0) return undefined;
  return toCleanupReport(runPrefix, items, problems);
}
