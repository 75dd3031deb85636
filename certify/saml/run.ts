/*
 * Runs the SAML certification (`sso-harness certify saml`, issue 10): the Gherkin catalog in features/certify-saml —
 * the same files QA runs with cucumber-js — in-process through cucumber's programmatic API, against one SP.
 * - the SP under test travels as `worldParameters.samlCertify` (./contract.ts); without a target the stage
 *   certifies the bundled reference SP it starts in-process, and no baseline or IdP server is needed here;
 * - with a target: the mock IdP's metadata is served first (./idp.ts, on target.idp.port), so the SP can fetch
 *   what it trusts; then one legitimate sign-in (./baseline.ts) must sign the user in, else the run stops with the
 *   baseline's diagnosis and no test runs;
 * - serially (one SP session at a time: tests share the SP's replay cache and cookies), filtered by profile and
 *   tags; one callback per test as it finishes (the CLI's progress line);
 * - `input.signal` (SIGINT/SIGTERM): no new scenario starts, and the run returns once cucumber has stopped (or
 *   after a grace period), with the unfinished tests `interrupted`.
 * Verdicts come from certify/catalog.ts exactly as for SCIM; the SAML specifics (message, mutation, SP answer,
 * oracle verdict) travel as attachments the report reads (./report/facts.ts).
 */
import { basename, join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import { type IConfiguration, type ISupportCodeLibrary, loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { CODE_ROOT, COMPILED, MODULE_EXTENSION, PACKAGE_ROOT } from '../../packaging/package-root.ts';
import { CatalogCollector, type TestOutcome } from '../catalog.ts';
import { type CertifyProfile, PROFILE_TAGS } from '../options.ts';
import { interruptRun, resetInterrupt } from '../safety/interrupt.ts';
import { type Summary, summarise } from '../summary.ts';
import { type SamlCertifyTarget, WORLD_PARAMETER } from './contract.ts';

/** Feature files that make up the SAML catalog, relative to the package root. */
export const SAML_CATALOG_PATHS = ['features/certify-saml/**/*.feature'];

/** Step definitions and support code, from the sources or compiled (dist/); unit tests beside them are not support code. */
const STEPS_DIR = relative(PACKAGE_ROOT, join(CODE_ROOT, 'steps')).split(sep).join('/');
const SUPPORT_IMPORTS = [`${STEPS_DIR}/**/*.steps${MODULE_EXTENSION}`, `${STEPS_DIR}/support/**/!(*.test)${MODULE_EXTENSION}`];

export interface SamlRunInput {
  /** The SP under test; undefined certifies the bundled reference SP, started in-process by the stage. */
  readonly target?: SamlCertifyTarget | undefined;
  readonly profile: CertifyProfile;
  /** Extra cucumber tag expression, and-ed with the profile's. */
  readonly tags?: string | undefined;
  /** Feature files (default: the catalog); tests use a subset. */
  readonly paths?: readonly string[];
  /** A support code library from an earlier run in this process (step files are only imported once). */
  readonly support?: ISupportCodeLibrary;
  /** Called once the IdP's metadata is served, before anything is sent to the SP: the URL the SP must trust. */
  readonly onIdpReady?: (idp: { readonly metadataUrl: string; readonly entityId: string }) => void;
  /** Called as each test finishes. */
  readonly onTest?: (outcome: TestOutcome) => void;
  /** Aborted on SIGINT/SIGTERM: the run stops starting tests and returns, marked interrupted. */
  readonly signal?: AbortSignal;
  /** How long an interrupted run waits for cucumber to stop (default 2 × timeout + 5 s). */
  readonly graceMs?: number;
}

export interface SamlCertification {
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The SP certified, for the report: metadata URL, entity ID, or "bundled reference SP"; never a local path. */
  readonly target: string;
  readonly mode: 'sp-initiated' | 'idp-initiated';
  readonly oracle: 'whoami' | 'inferred';
  readonly driver: 'http' | 'chromium';
  readonly idp: { readonly entityId: string | undefined; readonly metadataUrl: string | undefined };
  readonly profile: CertifyProfile;
  readonly tagExpression: string;
  /** The legitimate sign-in before the catalog; undefined when none was made (the bundled SP). */
  readonly baseline: { readonly ok: boolean; readonly code?: string | undefined; readonly diagnosis: string | undefined } | undefined;
  readonly outcomes: readonly TestOutcome[];
  readonly summary: Summary;
  /** Set when the run itself broke (bad tag expression, hook crash, tests planned but never finished). */
  readonly runError: string | undefined;
  /** Why the run stopped early (SIGINT/SIGTERM); undefined when it ran to the end. */
  readonly interrupted: string | undefined;
  /** The support code library, when cucumber ran (reusable by a later run in this process). */
  readonly support: ISupportCodeLibrary | undefined;
}

/** The tag expression a run uses: the profile, never @wip, and the caller's extra expression. */
export function samlTagExpression(profile: CertifyProfile, extra: string | undefined): string {
  const parts = [`(${PROFILE_TAGS[profile]})`, 'not @wip'];
  if (extra && extra.trim() !== '') parts.push(`(${extra})`);
  return parts.join(' and ');
}

/** How the report names the SP: never a local file path (a metadata file is named by its base name). */
export function describeTarget(target: SamlCertifyTarget | undefined): string {
  if (target === undefined) return 'bundled reference SP';
  if (target.spMetadata?.url) return target.spMetadata.url;
  if (target.spEntityId) return target.spEntityId;
  if (target.spMetadata?.file) return `SP metadata file ${basename(target.spMetadata.file)}`;
  return 'SP from inline metadata';
}

const TSX = Symbol.for('sso-harness.tsx');
/** Step files are TypeScript: make sure Node can import them in this process (bin/sso-harness.js already does). */
async function ensureTypeScriptLoader(): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (COMPILED || g[TSX]) return;
  const { register } = await import('tsx/esm/api');
  register();
  g[TSX] = true;
}

export async function runSamlCertification(input: SamlRunInput): Promise<SamlCertification> {
  const startedAt = new Date().toISOString();
  const target = input.target;
  const tagExpression = samlTagExpression(input.profile, input.tags);
  const facts = {
    target: describeTarget(target),
    mode: target === undefined || target.loginUrl !== undefined ? ('sp-initiated' as const) : ('idp-initiated' as const),
    oracle: target === undefined || target.whoami !== undefined ? ('whoami' as const) : ('inferred' as const),
    driver: target?.browser ? ('chromium' as const) : ('http' as const),
    profile: input.profile,
    tagExpression,
  };
  const finish = (rest: Pick<SamlCertification, 'idp' | 'baseline' | 'outcomes' | 'runError' | 'interrupted' | 'support'>): SamlCertification => ({
    startedAt,
    finishedAt: new Date().toISOString(),
    ...facts,
    ...rest,
    summary: summarise(rest.outcomes),
  });

  let idp: SamlCertification['idp'] = { entityId: target?.idp.entityId, metadataUrl: undefined };
  let baseline: SamlCertification['baseline'];
  let stopIdp: (() => Promise<void>) | undefined;
  let served: SamlCertifyTarget | undefined = target;
  try {
    if (target !== undefined) {
      const [{ serveIdpMetadata }, { runBaseline }] = await Promise.all([import('./idp.ts'), import('./baseline.ts')]);
      const server = await serveIdpMetadata(target);
      stopIdp = server.close;
      idp = { entityId: server.entityId, metadataUrl: server.metadataUrl };
      // The port the IdP really listens on (0 picked one): the minting IdP and the diagnoses name the same URL.
      served = { ...target, idp: { ...target.idp, port: Number(new URL(server.metadataUrl).port), entityId: server.entityId } };
      input.onIdpReady?.({ metadataUrl: server.metadataUrl, entityId: server.entityId });
      if (input.signal?.aborted) return finish({ idp, baseline, outcomes: [], runError: undefined, interrupted: abortReason(input.signal), support: input.support });
      const result = await runBaseline(served);
      baseline = result.ok ? { ok: true, diagnosis: undefined } : { ok: false, code: result.code, diagnosis: result.diagnosis };
      if (!baseline.ok) return finish({ idp, baseline, outcomes: [], runError: undefined, interrupted: undefined, support: input.support });
      if (input.signal?.aborted) return finish({ idp, baseline, outcomes: [], runError: undefined, interrupted: abortReason(input.signal), support: input.support });
    }
    const ran = await runCatalog({ ...input, target: served }, tagExpression);
    return finish({ idp, baseline, ...ran });
  } finally {
    await stopIdp?.();
  }
}

function abortReason(signal: AbortSignal): string {
  return String(signal.reason instanceof Error ? signal.reason.message : (signal.reason ?? 'interrupted'));
}

/**
 * The step definitions this process loaded: ES modules are imported once, so a second run in the same process
 * (a test, the defect matrix) must reuse the first run's library or every step would be undefined.
 */
let loadedSupport: ISupportCodeLibrary | undefined;

async function runCatalog(input: SamlRunInput, tagExpression: string): Promise<Pick<SamlCertification, 'outcomes' | 'runError' | 'interrupted' | 'support'>> {
  await ensureTypeScriptLoader();
  const collector = new CatalogCollector(input.onTest);
  let interrupted: string | undefined;
  let wake: () => void = () => {};
  const interruption = new Promise<void>((resolve) => (wake = resolve));
  const onAbort = (): void => {
    interrupted = abortReason(input.signal!);
    collector.interrupt(interrupted);
    // The shared interrupt state (certify/safety/interrupt.ts): a Before hook that checks isInterrupted() starts no
    // new scenario, and requests that use interruptSignal() are aborted.
    interruptRun(interrupted);
    wake();
  };
  if (input.signal?.aborted) onAbort();
  else input.signal?.addEventListener('abort', onAbort, { once: true });

  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  let support = input.support ?? loadedSupport;
  let runError: string | undefined;
  try {
    const { runConfiguration } = await loadConfiguration(
      {
        file: false,
        provided: {
          paths: [...(input.paths ?? SAML_CATALOG_PATHS)],
          import: [...SUPPORT_IMPORTS],
          tags: tagExpression,
          format: [],
          parallel: 0,
          strict: true,
          // The target is JSON by contract (./contract.ts); cucumber hands worldParameters to every World as they are.
          worldParameters: (input.target === undefined ? {} : { [WORLD_PARAMETER]: input.target }) as unknown as IConfiguration['worldParameters'],
        },
      },
      { cwd: PACKAGE_ROOT },
    );
    const running = runCucumber(
      { ...runConfiguration, support: support ?? runConfiguration.support },
      { cwd: PACKAGE_ROOT, stdout: silent, stderr: silent, env: process.env },
      collector.onMessage,
    );
    const graceMs = input.graceMs ?? (input.target?.timeoutMs ?? 10_000) * 2 + 5_000;
    const gaveUp = interruption.then(() => new Promise<'gave-up'>((resolve) => setTimeout(() => resolve('gave-up'), graceMs).unref()));
    const result = await Promise.race([running, gaveUp]);
    if (result === 'gave-up') {
      running.catch(() => undefined);
      runError = `cucumber did not stop within ${graceMs} ms of the interrupt`;
    } else {
      support = result.support;
      loadedSupport = support;
      runError = collector.runError();
    }
  } catch (error) {
    if (interrupted === undefined) throw error;
    runError = (error as Error).message;
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
    resetInterrupt();
  }
  const unfinished = collector.unfinished();
  if (unfinished.length > 0 && interrupted === undefined) {
    runError = [runError, `${unfinished.length} test(s) never finished: ${unfinished.map((u) => u.name).join(', ')}`].filter(Boolean).join('; ');
  }
  return { outcomes: collector.outcomesWithInterrupted(), runError, interrupted, support };
}
