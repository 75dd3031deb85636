/*
 * Runs catalog features through cucumber's programmatic API and collects their outcomes (./catalog.ts): the one
 * loop behind `certify scim` (./run.ts) and `certify saml` (./saml/run.ts), so both read verdicts exactly as
 * cucumber-js computes them when QA runs the same features by hand.
 * - the support code (step definitions, hooks, World) is this package's, from the sources or compiled (dist/);
 *   ES modules are imported once per process, so the library the first run loaded is kept and reused by every later
 *   run, SCIM or SAML, serial or parallel (otherwise every step of a second run is undefined);
 * - the target reaches the steps as cucumber `worldParameters` (JSON), never through process.env;
 * - parallel workers are separate processes: cucumber hands them the worldParameters, and the TypeScript loader
 *   they need to import the step files is given in their environment (this process's own is not changed);
 * - when `signal` aborts (SIGINT/SIGTERM): no new scenario starts (certify/safety/interrupt.ts), requests in flight
 *   are aborted, `onInterrupt` runs once, and the run returns when cucumber has stopped or after `graceMs`, with
 *   unfinished tests `interrupted`. The caller resets the interrupt state when its own clean-up is done.
 */
import { join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import { type IConfiguration, type ISupportCodeLibrary, loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { CODE_ROOT, COMPILED, MODULE_EXTENSION, PACKAGE_ROOT } from '../packaging/package-root.ts';
import { CatalogCollector, type TestOutcome } from './catalog.ts';
import { interruptRun } from './safety/interrupt.ts';

/** Step definitions and support code, from the sources or compiled (dist/); unit tests beside them are not support code. */
const STEPS_DIR = relative(PACKAGE_ROOT, join(CODE_ROOT, 'steps')).split(sep).join('/');
export const SUPPORT_IMPORTS = [`${STEPS_DIR}/**/*.steps${MODULE_EXTENSION}`, `${STEPS_DIR}/support/**/!(*.test)${MODULE_EXTENSION}`];

export interface FeatureRunInput {
  /** Feature globs, relative to the package root. */
  readonly paths: readonly string[];
  readonly tagExpression: string;
  /** JSON only: cucumber hands it to every World as it is. */
  readonly worldParameters: Readonly<Record<string, unknown>>;
  /** Worker processes; 0 runs the scenarios in this process, one at a time. */
  readonly parallel: number;
  /** A support code library from an earlier run (else the one this process loaded first, else loaded now). */
  readonly support?: ISupportCodeLibrary | undefined;
  readonly onTest?: ((outcome: TestOutcome) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** How long an interrupted run waits for cucumber to stop. */
  readonly graceMs: number;
  /** Called once, when the run is interrupted (e.g. to tell parallel workers through a stop file). */
  readonly onInterrupt?: ((reason: string) => void) | undefined;
}

export interface FeatureRun {
  /** In the order the tests ran, then (interrupted) every planned test that never finished. */
  readonly outcomes: readonly TestOutcome[];
  /** Set when the run itself broke (bad tag expression, hook crash, tests planned but never finished). */
  readonly runError: string | undefined;
  /** Why the run stopped early; undefined when it ran to the end. */
  readonly interrupted: string | undefined;
  readonly support: ISupportCodeLibrary | undefined;
}

const TSX = Symbol.for('sso-harness.tsx');
/** Step files are TypeScript when run from the sources: make sure Node can import them in this process. */
async function ensureTypeScriptLoader(): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (COMPILED || g[TSX]) return;
  const { register } = await import('tsx/esm/api');
  register();
  g[TSX] = true;
}

/** The support code library this process loaded first (see the opening comment). */
let loadedSupport: ISupportCodeLibrary | undefined;

export function abortReason(signal: AbortSignal): string {
  return String(signal.reason instanceof Error ? signal.reason.message : (signal.reason ?? 'interrupted'));
}

export async function runFeatures(input: FeatureRunInput): Promise<FeatureRun> {
  await ensureTypeScriptLoader();
  const collector = new CatalogCollector(input.onTest);
  let interrupted: string | undefined;
  let wake: () => void = () => {};
  const interruption = new Promise<void>((resolve) => (wake = resolve));
  const onAbort = (): void => {
    interrupted = abortReason(input.signal!);
    collector.interrupt(interrupted);
    interruptRun(interrupted);
    input.onInterrupt?.(interrupted);
    wake();
  };
  if (input.signal?.aborted) onAbort();
  else input.signal?.addEventListener('abort', onAbort, { once: true });

  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const workerEnv = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''}${COMPILED ? '' : ' --import tsx'}`.trim() };
  let support = input.support ?? loadedSupport;
  let runError: string | undefined;
  try {
    const { runConfiguration } = await loadConfiguration(
      {
        file: false,
        provided: {
          paths: [...input.paths],
          import: [...SUPPORT_IMPORTS],
          tags: input.tagExpression,
          format: [],
          parallel: input.parallel,
          strict: true,
          worldParameters: input.worldParameters as IConfiguration['worldParameters'],
        },
      },
      { cwd: PACKAGE_ROOT },
    );
    const running = runCucumber(
      { ...runConfiguration, support: support ?? runConfiguration.support },
      { cwd: PACKAGE_ROOT, stdout: silent, stderr: silent, env: input.parallel > 0 ? workerEnv : process.env },
      collector.onMessage,
    );
    const gaveUp = interruption.then(() => new Promise<'gave-up'>((resolve) => setTimeout(() => resolve('gave-up'), input.graceMs).unref()));
    const result = await Promise.race([running, gaveUp]);
    if (result === 'gave-up') {
      running.catch(() => undefined);
      runError = `cucumber did not stop within ${input.graceMs} ms of the interrupt`;
    } else {
      support = result.support;
      loadedSupport ??= support;
      runError = collector.runError();
    }
  } catch (error) {
    if (interrupted === undefined) throw error;
    runError = (error as Error).message;
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
  }
  const unfinished = collector.unfinished();
  if (unfinished.length > 0 && interrupted === undefined) {
    runError = [runError, `${unfinished.length} test(s) never finished: ${unfinished.map((u) => u.name).join(', ')}`].filter(Boolean).join('; ');
  }
  return { outcomes: collector.outcomesWithInterrupted(), runError, interrupted, support };
}
