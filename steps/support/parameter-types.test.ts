/*
 * The parameter types as cucumber uses them, in a child process that loads the step library through tsx:
 * an undefined step's snippet keeps ordinary words as words (only values such as RSA-SHA256 or XSW3 become
 * parameters), and a near miss of a profile is a failed step, not an undefined one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ssoh-parameter-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs cucumber-js once on both scenarios with the step library (one support-code load, not one per test): the
 * snippets of undefined steps on stdout, the summary in a file.
 */
function cucumber(): Promise<{ snippets: string; summary: string }> {
  const feature = join(dir, 'parameter-types.feature');
  writeFileSync(
    feature,
    [
      'Feature: parameter types',
      '  Scenario: an undefined step',
      '    Then the widget answers uniqueness for the response of the generic Particle tenant with RSA-SHA256 and XSW3',
      '  Scenario: a near miss of a profile',
      '    Given the reference SP has a tenant "particle" with the particle profile',
      '',
    ].join('\n'),
  );
  const config = join(dir, 'cucumber.json');
  writeFileSync(config, JSON.stringify({ default: { import: ['steps/**/!(*.test).ts'] } }));
  const summary = join(dir, 'summary.txt');
  return new Promise((resolve) => {
    // cucumber reads --config relative to cwd, even an absolute path
    const args = [
      '--import',
      'tsx',
      'node_modules/@cucumber/cucumber/bin/cucumber.js',
      '--config',
      relative(root, config),
      '--format',
      'snippets',
      '--format',
      `summary:${summary}`,
      feature,
    ];
    execFile(process.execPath, args, { cwd: root }, (_error, stdout) => resolve({ snippets: stdout, summary: readFileSync(summary, 'utf8') }));
  });
}

let run: Promise<{ snippets: string; summary: string }>;
beforeAll(() => {
  run = cucumber();
});

describe('parameter types in cucumber', () => {
  it('keep ordinary words out of the snippet of an undefined step', async () => {
    const { snippets } = await run;
    expect(snippets).toContain("Then('the widget answers uniqueness for the response of the generic Particle tenant with {rsaAlgorithm} and {xsw}'");
  }, 60_000);

  it('fail a near miss of a profile instead of leaving the step undefined', async () => {
    const { summary } = await run;
    // One scenario failed (the near miss) and one is undefined (the widget step above), none passed.
    expect(summary).toContain('2 scenarios (1 failed, 1 undefined)');
    expect(summary).toContain('StepArgumentError');
  }, 60_000);
});
