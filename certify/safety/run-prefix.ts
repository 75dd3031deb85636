/*
 * The run prefix: every resource one certification run creates starts with it, in every process of the run.
 * - `ssoh-<8 hex>-`; the runner hands it to cucumber (and so to its workers) as `worldParameters.scim.runPrefix`
 *   (steps/support/scim/settings.ts), so every process of the run shares it;
 * - without it (a plain cucumber-js run) each process makes its own, `runPrefix()`;
 * - the SCIM stage names a scenario's resources `<run prefix><6 hex>-…`, the certify driver `<run prefix>cert-…`,
 *   so the end-of-run sweep (`userName sw "<run prefix>"`) finds exactly this run's resources and nothing else.
 */
import { randomBytes } from 'node:crypto';

export const RUN_PREFIX_PATTERN = /^ssoh-[0-9a-f]{8}-$/;

/** A fresh run prefix. */
export function newRunPrefix(): string {
  return `ssoh-${randomBytes(4).toString('hex')}-`;
}

const KEY = Symbol.for('sso-harness.run-prefix');
type Global = { [KEY]?: string };

/** This process's own run prefix, made once: what a run without `worldParameters.scim.runPrefix` uses. */
export function runPrefix(): string {
  const g = globalThis as Global;
  g[KEY] ??= newRunPrefix();
  return g[KEY];
}
