/*
 * Runs the certification: the same Gherkin scenarios QA runs with cucumber-js (features/scim, features/certify),
 * in-process through cucumber's programmatic API, filtered by profile tags, and turns the message stream into a
 * catalog of outcomes (catalog.ts). The SCIM stage (steps/support/scim/stage.ts) reads its target from the
 * environment, so the target, token, concurrency and timeout are handed over as environment variables.
 *
 * Behaviour toward the endpoint at the end of a run (issue 5; docs/certify.md):
 * - every process of the run shares one run prefix (SSOH_RUN_PREFIX); cucumber workers journal what they
 *   create (SSOH_LEDGER_FILE) and stop starting scenarios when the stop file (SSOH_STOP_FILE) appears;
 * - when `input.signal` aborts (SIGINT/SIGTERM), no new scenario starts, requests in flight are aborted, and the
 *   run returns once cucumber has stopped (or after a grace period), with unfinished tests `interrupted`;
 * - then, interrupted or not: whatever the ledger still holds is deleted, and against an external endpoint the
 *   run prefix is swept (`userName sw` / `displayName sw`), deleting only names that start with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { CODE_ROOT, COMPILED, MODULE_EXTENSION, PACKAGE_ROOT } from '../packaging/package-root.ts';
import { CatalogCollector, type TestOutcome } from './catalog.ts';
import { PROFILE_TAGS, type CertifyProfile } from './options.ts';
import { toCleanupReport, type CleanupReport } from './report/document.ts';
import { deleteOutstanding, sweepRunPrefix, type CleanupItem } from './safety/cleanup.ts';
import { interruptRun, resetInterrupt } from './safety/interrupt.ts';
import { replayJournal, resourceLedger, type LedgerEntry } from './safety/ledger.ts';
import { newRunPrefix } from './safety/run-prefix.ts';
import { summarise, type Summary } from './summary.ts';

/** The package root (the clone, or node_modules/sso-harness): features are found relative to it, wherever the command is run from. */
export const PROJECT_ROOT = PACKAGE_ROOT;

/** Step definitions and support code, from the sources or compiled (dist/); unit tests beside them are not support code. */
const STEPS_DIR = relative(PACKAGE_ROOT, join(CODE_ROOT, 'steps')).split(sep).join('/');
export const SUPPORT_IMPORTS = [`${STEPS_DIR}/**/*.steps${MODULE_EXTENSION}`, `${STEPS_DIR}/support/**/!(*.test)${MODULE_EXTENSION}`];

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
  /** Extra environment for the stage (e.g. SCIM_TARGET); set only for the duration of the run. */
  readonly env?: Readonly<Record<string, string>>;
  /** A support code library from an earlier run in this process (step files are only imported once). */
  readonly support?: ISupportCodeLibrary;
  readonly paths?: readonly string[];
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

/** Environment variables the SCIM stage reads (steps/support/scim/stage.ts). */
export function stageEnvironment(input: RunInput): Record<string, string> {
  const env: Record<string, string> = {
    SCIM_CONCURRENCY: String(input.concurrency),
    SCIM_TIMEOUT_MS: String(input.timeoutMs),
    ...input.env,
  };
  if (input.url !== undefined) env.SCIM_BASE_URL = input.url;
  if (input.token !== undefined) env.SCIM_TOKEN = input.token;
  return env;
}

let tsxRegistered = false;
/** Step files are TypeScript: make sure Node can import them in this process (bin/sso-harness.js already does). */
async function ensureTypeScriptLoader(): Promise<void> {
  if (tsxRegistered || (globalThis as Record<symbol, unknown>)[Symbol.for('sso-harness.tsx')]) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
  (globalThis as Record<symbol, unknown>)[Symbol.for('sso-harness.tsx')] = true;
}

export async function runCertification(input: RunInput): Promise<Certification> {
  const startedAt = new Date().toISOString();
  const external = input.url !== undefined;
  const tagExpression = tagExpressionFor(input.profile, external, input.tags);
  const runPrefix = input.env?.['SSOH_RUN_PREFIX'] ?? newRunPrefix();
  const scratch = mkdtempSync(join(tmpdir(), 'ssoh-certify-'));
  const stopFile = join(scratch, 'stop');
  const journal = join(scratch, 'ledger.jsonl');
  const stageEnv: Record<string, string> = { ...stageEnvironment(input), SSOH_RUN_PREFIX: runPrefix, SSOH_STOP_FILE: stopFile };
  const parallel = input.concurrency > 1 ? input.concurrency : 0;
  if (parallel === 0 && !COMPILED) await ensureTypeScriptLoader();

  const collector = new CatalogCollector(input.onTest);
  let interrupted: string | undefined;
  let wakeInterrupted: () => void = () => {};
  const interruption = new Promise<void>((resolve) => (wakeInterrupted = resolve));
  const onAbort = (): void => {
    interrupted = String(input.signal?.reason instanceof Error ? input.signal.reason.message : (input.signal?.reason ?? 'interrupted'));
    collector.interrupt(interrupted);
    interruptRun(interrupted);
    try {
      writeFileSync(stopFile, interrupted);
    } catch {
      // Workers then finish their queue; the ledger and the sweep still clean up after them.
    }
    wakeInterrupted();
  };
  if (input.signal?.aborted) onAbort();
  else input.signal?.addEventListener('abort', onAbort, { once: true });

  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  // Serial runs share this process: the stage reads process.env, so the target is set for the run and restored.
  // Parallel workers are separate processes: they get the environment and the TypeScript loader explicitly.
  const saved = Object.fromEntries(Object.keys(stageEnv).map((k) => [k, process.env[k]]));
  Object.assign(process.env, stageEnv);
  const workerEnv = { ...process.env, SSOH_LEDGER_FILE: journal, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''}${COMPILED ? '' : ' --import tsx'}`.trim() };
  let support: ISupportCodeLibrary | undefined = input.support;
  let runError: string | undefined;
  try {
    const { runConfiguration } = await loadConfiguration(
      {
        file: false,
        provided: {
          paths: [...(input.paths ?? CATALOG_PATHS)],
          import: [...SUPPORT_IMPORTS],
          tags: tagExpression,
          format: [],
          parallel,
          strict: true,
        },
      },
      { cwd: PROJECT_ROOT },
    );
    const running = runCucumber(
      { ...runConfiguration, support: parallel === 0 && input.support ? input.support : runConfiguration.support },
      { cwd: PROJECT_ROOT, stdout: silent, stderr: silent, env: parallel ? workerEnv : process.env },
      collector.onMessage,
    );
    const graceMs = input.graceMs ?? input.timeoutMs * 2 + 5_000;
    const gaveUp = interruption.then(() => new Promise<'gave-up'>((resolve) => setTimeout(() => resolve('gave-up'), graceMs).unref()));
    const result = await Promise.race([running, gaveUp]);
    if (result === 'gave-up') {
      running.catch(() => undefined);
      runError = `cucumber did not stop within ${graceMs} ms of the interrupt`;
    } else {
      support = result.support;
      runError = collector.runError();
    }
  } catch (error) {
    if (interrupted === undefined) throw error;
    runError = (error as Error).message;
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const unfinished = collector.unfinished();
  if (unfinished.length > 0 && interrupted === undefined) {
    runError = [runError, `${unfinished.length} test(s) never finished: ${unfinished.map((u) => u.name).join(', ')}`].filter(Boolean).join('; ');
  }
  const cleanup = await cleanUpAfterRun(input, runPrefix, journal);
  resetInterrupt();
  rmSync(scratch, { recursive: true, force: true });
  const outcomes = collector.outcomesWithInterrupted();
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    target: input.url ?? ((stageEnv.SCIM_TARGET ?? process.env.SCIM_TARGET) ? `in-process ${stageEnv.SCIM_TARGET ?? process.env.SCIM_TARGET} server` : 'bundled reference server'),
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
  const options = { timeoutMs: input.timeoutMs };
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
