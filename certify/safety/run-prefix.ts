/*
 * The run prefix: every resource one certification run creates starts with it, in every process of the run.
 * - `ssoh-<8 hex>-`; the runner hands it to cucumber workers as SSOH_RUN_PREFIX, so all of them share it;
 * - without SSOH_RUN_PREFIX (a plain cucumber-js run) each process makes its own;
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

/** This run's prefix: SSOH_RUN_PREFIX when it is well-formed, else one made once for this process. */
export function runPrefix(): string {
  const fromEnv = process.env['SSOH_RUN_PREFIX'];
  if (fromEnv !== undefined && RUN_PREFIX_PATTERN.test(fromEnv)) return fromEnv;
  const g = globalThis as Global;
  g[KEY] ??= newRunPrefix();
  return g[KEY];
}
