/*
 * The parameter types as cucumber uses them, in a child process that loads the step library through tsx:
 * an undefined step's snippet keeps ordinary words as words (only values such as RSA-SHA256 or XSW3 become
 * parameters), and a near miss of a profile is a failed step, not an undefined one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ssoh-parameter-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs cucumber-js on one scenario with the step library and no report output; resolves with stdout. */
function cucumber(steps: string, format: string): Promise<string> {
  const feature = join(dir, `${format}.feature`);
  writeFileSync(feature, `Feature: parameter types\n  Scenario: one step\n    ${steps}\n`);
  const config = join(dir, 'cucumber.json');
  writeFileSync(config, JSON.stringify({ default: { import: ['steps/**/!(*.test).ts'] } }));
  return new Promise((resolve) => {
    // cucumber reads --config relative to cwd, even an absolute path
    const args = ['--import', 'tsx', 'node_modules/@cucumber/cucumber/bin/cucumber.js', '--config', relative(root, config), '--format', format, feature];
    execFile(process.execPath, args, { cwd: root }, (_error, stdout) => resolve(stdout));
  });
}

describe('parameter types in cucumber', () => {
  it('keep ordinary words out of the snippet of an undefined step', async () => {
    const out = await cucumber('Then the widget answers uniqueness for the response of the generic Particle tenant with RSA-SHA256 and XSW3', 'snippets');
    expect(out).toContain("Then('the widget answers uniqueness for the response of the generic Particle tenant with {rsaAlgorithm} and {xsw}'");
  }, 60_000);

  it('fail a near miss of a profile instead of leaving the step undefined', async () => {
    const out = await cucumber('Given the reference SP has a tenant "particle" with the particle profile', 'summary');
    expect(out).toContain('1 scenario (1 failed)');
    expect(out).toContain('StepArgumentError');
  }, 60_000);
});
