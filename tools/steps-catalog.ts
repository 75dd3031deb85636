/*
 * Writes docs/steps.md, the catalog of step sentences, from cucumber's own data: a dry run of every feature
 * (`runCucumber` with `dryRun`, no step body and no hook runs) emits the step definitions, the parameter types,
 * the pickles and which definition each step matched. For each sentence the catalog gives its parameter types
 * (with the allowed values of the enum types, steps/support/enum-parameter-type.ts), one example line from a
 * feature and the features that use it, grouped by domain (STEP_FILES below: every step file has one).
 *
 *   npm run steps:catalog              writes docs/steps.md
 *   node --import tsx tools/steps-catalog.ts --check   exits 1 when docs/steps.md is not what it would write
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { PARAMETER_TYPE_DESCRIPTIONS } from '../steps/support/enum-parameter-type.ts';

type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CATALOG_FILE = 'docs/steps.md';

/** The domain of each step file, in the order the catalog shows them. */
export const DOMAINS: ReadonlyArray<{ readonly title: string; readonly files: readonly string[] }> = [
  { title: 'SAML IdP', files: ['steps/saml-idp.steps.ts', 'steps/saml-independent-idp.steps.ts'] },
  { title: 'SAML SP', files: ['steps/saml-tenant.steps.ts', 'steps/saml-sign-in.steps.ts', 'steps/saml-scim-users.steps.ts', 'steps/saml-artifact.steps.ts'] },
  { title: 'SAML Single Logout', files: ['steps/saml-logout.steps.ts'] },
  { title: 'SAML metadata and key rollover', files: ['steps/saml-metadata.steps.ts'] },
  { title: 'SAML IdP sessions and AuthnRequest options', files: ['steps/saml-session.steps.ts'] },
  { title: 'SSO and SCIM on one user', files: ['steps/sso-scim.steps.ts'] },
  { title: 'Seed vendor flows end to end', files: ['steps/seed-flows.steps.ts'] },
  { title: 'SonarQube Cloud (seed 003)', files: ['steps/seed-sonarqube.steps.ts'] },
  {
    title: 'SCIM client',
    files: ['steps/scim-users.steps.ts', 'steps/scim-groups.steps.ts', 'steps/scim-lists.steps.ts', 'steps/scim-versioning.steps.ts', 'steps/scim-responses.steps.ts'],
  },
  { title: 'SCIM server', files: ['steps/scim-seeds.steps.ts', 'steps/scim-limits.steps.ts'] },
  { title: 'Entra', files: ['steps/entra-provisioning.steps.ts', 'steps/entra-requests.steps.ts', 'steps/entra-server.steps.ts'] },
  { title: 'Dated provisioning profiles and Okta', files: ['steps/provisioning-profiles.steps.ts', 'steps/provisioning-okta.steps.ts'] },
  { title: 'OneLogin and JumpCloud provisioning', files: ['steps/provisioning-onelogin-jumpcloud.steps.ts'] },
  {
    title: 'certify',
    files: [
      'steps/certify-endpoint.steps.ts',
      'steps/certify-entra.steps.ts',
      'steps/certify-okta.steps.ts',
      'steps/certify-onelogin.steps.ts',
      'steps/certify-jumpcloud.steps.ts',
    ],
  },
  { title: 'certify SAML', files: ['steps/certify-saml.steps.ts'] },
  {
    title: 'OpenID Connect',
    files: ['steps/oidc.steps.ts', 'steps/oidc-deviations.steps.ts', 'steps/oidc-session.steps.ts', 'steps/oidc-op.steps.ts', 'steps/oidc-sonarqube.steps.ts'],
  },
];

/** Cucumber's built-in parameter types, as a feature writes them. */
const BUILT_IN: Readonly<Record<string, string>> = {
  string: 'a quoted text: "…"',
  int: 'a whole number',
  float: 'a number',
  word: 'one word, no spaces',
  '': 'anything',
};

const KEYWORD_OF_TYPE: Readonly<Record<string, string>> = { Context: 'Given', Action: 'When', Outcome: 'Then' };

interface Usage {
  readonly uri: string;
  readonly line: number;
  readonly text: string;
}

interface Definition {
  readonly id: string;
  readonly source: string;
  readonly regular: boolean;
  readonly uri: string;
  readonly line: number;
  readonly usages: Usage[];
}

/** Every step definition with the feature steps that matched it, from a dry run of every feature. */
async function dryRun(): Promise<Definition[]> {
  const { runConfiguration } = await loadConfiguration(
    { file: false, provided: { paths: ['features/**/*.feature'], import: ['steps/**/!(*.test).ts'], dryRun: true, format: [], strict: false } },
    { cwd: ROOT },
  );
  const envelopes: Envelope[] = [];
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  await runCucumber(runConfiguration, { cwd: ROOT, stdout: silent, stderr: silent }, (envelope) => envelopes.push(envelope));

  const definitions = new Map<string, Definition>();
  const pickleSteps = new Map<string, { uri: string; text: string; keyword: string; astNodeId: string }>();
  const lines = new Map<string, { line: number; keyword: string }>();
  const collectLines = (steps: ReadonlyArray<{ id: string; keyword: string; location: { line: number } }> | undefined): void => {
    for (const step of steps ?? []) lines.set(step.id, { line: step.location.line, keyword: step.keyword.trim() });
  };
  for (const envelope of envelopes) {
    if (envelope.stepDefinition) {
      const { id, pattern, sourceReference } = envelope.stepDefinition;
      definitions.set(id, {
        id,
        source: pattern.source,
        regular: pattern.type === 'REGULAR_EXPRESSION',
        uri: sourceReference.uri ?? '',
        line: sourceReference.location?.line ?? 0,
        usages: [],
      });
    }
    const feature = envelope.gherkinDocument?.feature;
    for (const child of feature?.children ?? []) {
      collectLines(child.background?.steps);
      collectLines(child.scenario?.steps);
      for (const ruleChild of child.rule?.children ?? []) {
        collectLines(ruleChild.background?.steps);
        collectLines(ruleChild.scenario?.steps);
      }
    }
    if (envelope.pickle) {
      for (const step of envelope.pickle.steps) {
        pickleSteps.set(step.id, { uri: envelope.pickle.uri, text: step.text, keyword: KEYWORD_OF_TYPE[step.type ?? ''] ?? '', astNodeId: step.astNodeIds[0]! });
      }
    }
  }
  for (const envelope of envelopes) {
    for (const testStep of envelope.testCase?.testSteps ?? []) {
      const pickleStep = testStep.pickleStepId === undefined ? undefined : pickleSteps.get(testStep.pickleStepId);
      if (!pickleStep || testStep.stepDefinitionIds?.length !== 1) continue;
      const source = lines.get(pickleStep.astNodeId);
      const keyword = pickleStep.keyword || source?.keyword || '*';
      definitions.get(testStep.stepDefinitionIds[0]!)?.usages.push({ uri: pickleStep.uri, line: source?.line ?? 0, text: `${keyword} ${pickleStep.text}` });
    }
  }
  return [...definitions.values()];
}

function parameterNames(definition: Definition): string[] {
  if (definition.regular) return [];
  return [...new Set([...definition.source.matchAll(/(?<!\\)\{([^}]*)\}/g)].map((match) => match[1]!))];
}

function describeParameter(name: string): string {
  const custom = PARAMETER_TYPE_DESCRIPTIONS.get(name);
  if (custom) return `\`{${name}}\` ${custom.description}${custom.values ? `: ${custom.values.map((v) => `\`${v}\``).join(', ')}` : ''}`;
  const builtIn = BUILT_IN[name];
  if (builtIn === undefined) throw new Error(`parameter type {${name}} has no description: describe it with describeParameterType`);
  return `\`{${name}}\` ${builtIn}`;
}

function sentence(definition: Definition): string {
  return definition.regular ? `/${definition.source}/` : definition.source;
}

function renderDefinition(definition: Definition): string[] {
  const out = [`#### \`${sentence(definition)}\``, ''];
  const parameters = parameterNames(definition);
  if (definition.regular) out.push('- Parameters: the capture groups of the regular expression above');
  else if (parameters.length > 0) out.push(`- Parameters: ${parameters.map(describeParameter).join('; ')}`);
  const usages = [...definition.usages].sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line);
  if (usages.length === 0) {
    out.push('- Example: none: no feature uses this step yet');
  } else {
    out.push(`- Example: \`${usages[0]!.text}\``);
    const features = [...new Set(usages.map((u) => u.uri))];
    out.push(`- Used by: ${features.map((uri) => `[${uri.replace(/^features\//, '')}](../${uri})`).join(', ')}`);
  }
  out.push('');
  return out;
}

/** The catalog's Markdown, from a dry run of every feature against every step definition. */
export async function renderStepsCatalog(): Promise<string> {
  const definitions = await dryRun();
  const byFile = new Map<string, Definition[]>();
  for (const definition of definitions) byFile.set(definition.uri, [...(byFile.get(definition.uri) ?? []), definition]);
  const placed = new Set(DOMAINS.flatMap((d) => d.files));
  const unplaced = [...byFile.keys()].filter((uri) => !placed.has(uri));
  if (unplaced.length > 0) throw new Error(`step files without a domain in tools/steps-catalog.ts: ${unplaced.join(', ')}`);

  const out = [
    '# Step catalog',
    '',
    '<!-- Generated by `npm run steps:catalog` (tools/steps-catalog.ts) from the step definitions and the features; do not edit. -->',
    '',
    'Every step sentence the library defines, grouped by domain and step file: its parameters, one example line',
    'from a feature, and the features that use it. A parameter in braces is typed: a value outside its list fails',
    'the step before it runs (a near miss such as `particle` for `Particle` names the value meant).',
    '',
    `${definitions.length} step sentences:`,
    '',
    ...DOMAINS.map((d) => `- [${d.title}](#${d.title.toLowerCase().replace(/ /g, '-')}): ${d.files.reduce((n, f) => n + (byFile.get(f)?.length ?? 0), 0)}`),
    '- [Parameter types](#parameter-types)',
    '',
    '## Parameter types',
    '',
    '| Type | What it matches | Allowed values |',
    '| --- | --- | --- |',
    ...[...PARAMETER_TYPE_DESCRIPTIONS.values()]
      .filter((p) => definitions.some((d) => parameterNames(d).includes(p.name)))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => `| \`{${p.name}}\` | ${p.description} | ${p.values ? p.values.map((v) => `\`${v}\``).join(', ') : ''} |`),
    ...Object.entries(BUILT_IN)
      .filter(([name]) => name !== '')
      .map(([name, description]) => `| \`{${name}}\` | ${description} (cucumber's own) | |`),
    '',
  ];
  for (const domain of DOMAINS) {
    out.push(`## ${domain.title}`, '');
    for (const file of domain.files) {
      const inFile = (byFile.get(file) ?? []).sort((a, b) => a.line - b.line);
      if (inFile.length === 0) continue;
      out.push(`### [${file}](../${file})`, '');
      for (const definition of inFile) out.push(...renderDefinition(definition));
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function main(): Promise<void> {
  const rendered = await renderStepsCatalog();
  const file = `${ROOT}${CATALOG_FILE}`;
  if (process.argv.includes('--check')) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== rendered) {
      process.stderr.write(`${CATALOG_FILE} is stale: run npm run steps:catalog\n`);
      process.exitCode = 1;
    }
    return;
  }
  await writeFile(file, rendered);
  process.stdout.write(`wrote ${CATALOG_FILE}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
