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
import { basename } from 'node:path';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import type { TestOutcome } from '../catalog.ts';
import { type CertifyProfile, PROFILE_TAGS } from '../options.ts';
import { abortReason, runFeatures } from '../run-features.ts';
import { resetInterrupt } from '../safety/interrupt.ts';
import { type Summary, summarise } from '../summary.ts';
import { type SamlCertifyTarget, WORLD_PARAMETER } from './contract.ts';

/** Feature files that make up the SAML catalog, relative to the package root. */
export const SAML_CATALOG_PATHS = ['features/certify-saml/**/*.feature'];

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

async function runCatalog(input: SamlRunInput, tagExpression: string): Promise<Pick<SamlCertification, 'outcomes' | 'runError' | 'interrupted' | 'support'>> {
  try {
    return await runFeatures({
      paths: input.paths ?? SAML_CATALOG_PATHS,
      tagExpression,
      // The target is JSON by contract (./contract.ts).
      worldParameters: input.target === undefined ? {} : { [WORLD_PARAMETER]: input.target },
      parallel: 0,
      support: input.support,
      onTest: input.onTest,
      signal: input.signal,
      graceMs: input.graceMs ?? (input.target?.timeoutMs ?? 10_000) * 2 + 5_000,
    });
  } finally {
    resetInterrupt();
  }
}
