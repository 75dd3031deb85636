/*
 * Mutation test of the SAML attribute steps: cucumber runs the attribute features with one more support file that
 * takes every attribute step's effect away (SamlStage#changeIdpAttributes does nothing). Each attribute step must
 * then fail at least one scenario that uses it: a step whose removal no scenario notices tests nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ssoh-attribute-mutant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FEATURES = ['features/saml/attribute-statements.feature', 'features/seeds/particle-attributes.feature'];
/** The steps that change what the IdP sends (steps/saml-idp.steps.ts), by their sentence. */
const ATTRIBUTE_STEPS = /^the IdP (?:also )?sends the attributes? "/;

interface JsonStep {
  readonly name?: string;
  readonly match?: { readonly location?: string };
  readonly result: { readonly status: string };
}
interface JsonScenario {
  readonly name: string;
  readonly steps: readonly JsonStep[];
}

it('fails a scenario for every attribute step whose effect is taken away', async () => {
  // .mts: an ES module wherever it lies, so it patches the very SamlStage the step files import
  const mutant = join(dir, 'mutant.mts');
  const stageUrl = new URL('./stage.ts', import.meta.url).href;
  writeFileSync(mutant, `import { SamlStage } from '${stageUrl}';\nSamlStage.prototype.changeIdpAttributes = function () {};\n`);
  const config = join(dir, 'cucumber.json');
  const report = join(dir, 'report.json');
  writeFileSync(config, JSON.stringify({ default: { import: ['steps/**/!(*.test).ts', relative(root, mutant)], format: [`json:${report}`] } }));
  // cucumber reads --config relative to cwd, even an absolute path
  const args = ['--import', 'tsx', 'node_modules/@cucumber/cucumber/bin/cucumber.js', '--config', relative(root, config), ...FEATURES];
  await new Promise<void>((resolve) => execFile(process.execPath, args, { cwd: root }, () => resolve()));

  const scenarios = (JSON.parse(readFileSync(report, 'utf8')) as Array<{ elements: JsonScenario[] }>).flatMap((feature) => feature.elements);
  const caught = new Map<string, boolean>();
  for (const scenario of scenarios) {
    const failed = scenario.steps.some((step) => step.result.status === 'failed');
    for (const step of scenario.steps) {
      if (!step.name || !ATTRIBUTE_STEPS.test(step.name)) continue;
      const definition = step.match?.location ?? step.name;
      caught.set(definition, (caught.get(definition) ?? false) || failed);
    }
  }
  // renaming, keeping only some, NameFormat, values, adding one
  expect(caught.size).toBe(5);
  expect([...caught].filter(([, failed]) => !failed).map(([definition]) => definition)).toEqual([]);
}, 90_000);
