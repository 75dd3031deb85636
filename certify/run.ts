/*
 * Runs the certification: the same Gherkin scenarios QA runs with cucumber-js (features/scim, features/certify),
 * in-process through cucumber's programmatic API, filtered by profile tags, and turns the message stream into a
 * catalog of outcomes (catalog.ts). The SCIM stage (steps/support/scim/stage.ts) reads its target from the
 * environment, so the target, token, concurrency and timeout are handed over as environment variables.
 */
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, runCucumber, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { CatalogCollector, type TestOutcome } from './catalog.ts';
import { PROFILE_TAGS, type CertifyProfile } from './options.ts';
import { summarise, type Summary } from './summary.ts';

/** The project root: features and steps are found relative to it, wherever the command is run from. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Step definitions and support code; unit tests living beside them (`*.test.ts`) are not support code. */
export const SUPPORT_IMPORTS = ['steps/**/*.steps.ts', 'steps/support/**/!(*.test).ts'];

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
  const stageEnv = stageEnvironment(input);
  const parallel = input.concurrency > 1 ? input.concurrency : 0;
  if (parallel === 0) await ensureTypeScriptLoader();

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
  const collector = new CatalogCollector(input.onTest);
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  // Serial runs share this process: the stage reads process.env, so the target is set for the run and restored.
  // Parallel workers are separate processes: they get the environment and the TypeScript loader explicitly.
  const saved = Object.fromEntries(Object.keys(stageEnv).map((k) => [k, process.env[k]]));
  Object.assign(process.env, stageEnv);
  const workerEnv = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() };
  let support: ISupportCodeLibrary;
  let runError: string | undefined;
  try {
    const result = await runCucumber(
      { ...runConfiguration, support: parallel === 0 && input.support ? input.support : runConfiguration.support },
      { cwd: PROJECT_ROOT, stdout: silent, stderr: silent, env: parallel ? workerEnv : process.env },
      collector.onMessage,
    );
    support = result.support;
    runError = collector.runError();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const unfinished = collector.unfinished();
  if (unfinished.length > 0) {
    runError = [runError, `${unfinished.length} test(s) never finished: ${unfinished.map((u) => u.name).join(', ')}`].filter(Boolean).join('; ');
  }
  const outcomes = collector.outcomes();
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    target: input.url ?? (stageEnv.SCIM_TARGET ?? process.env.SCIM_TARGET ? `in-process ${stageEnv.SCIM_TARGET ?? process.env.SCIM_TARGET} server` : 'bundled reference server'),
    profile: input.profile,
    tagExpression,
    outcomes,
    summary: summarise(outcomes),
    runError,
    support,
  };
}
