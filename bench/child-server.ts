/*
 * A benchmark's SCIM server in its own process (bench/scim-servers.ts), so the load generator or the provisioning
 * client does not share its event loop: on this 2-core machine, one core each, as a real IdP and SP never share
 * a process either.
 *
 * BENCH_SERVER_PROF=DIR profiles the server: the child runs with --cpu-prof and writes its .cpuprofile into DIR
 * when stopped (open it in Chrome DevTools, or sum self time per function from its nodes and samples).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type BenchServerKind = 'reference' | 'scimmy' | 'bare';

export interface BenchServer {
  readonly baseUrl: string;
  readonly token: string;
  readonly child: ChildProcess;
  /**
   * What the server spent between listening and being stopped: CPU time (user + system) and event-loop busy
   * time. Per request, CPU is the steady figure on a shared machine (wall time also counts waiting for a core).
   * Resolves once the server has exited (undefined if it died without reporting).
   */
  readonly stats: Promise<ServerStats | undefined>;
}

export interface ServerStats {
  readonly cpuMs: number;
  /** Of cpuMs, the kernel's share (socket and file syscalls, fsync). */
  readonly systemMs: number;
  readonly busyMs: number;
}

export async function spawnBenchServer(kind: BenchServerKind, env: Record<string, string> = {}): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./scim-servers.ts', import.meta.url));
  const prof = process.env['BENCH_SERVER_PROF'];
  // One .cpuprofile per thread (tsx's loader runs in a worker on Node 20): the largest file is the server's.
  const profArgs = prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : [];
  const child = spawn(process.execPath, [...profArgs, '--import', 'tsx', script, kind], {
    env: { ...process.env, BENCH_STATS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's stderr passes through, except its BENCH_STATS line (bench/scim-servers.ts), which is kept.
  let stats: ServerStats | undefined;
  createInterface({ input: child.stderr! }).on('line', (l) => {
    if (l.startsWith('BENCH_STATS ')) stats = JSON.parse(l.slice('BENCH_STATS '.length)) as ServerStats;
    else process.stderr.write(`${l}\n`);
  });
  const closed = new Promise<ServerStats | undefined>((resolve) => child.once('close', () => resolve(stats)));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  const { baseUrl, token } = JSON.parse(line) as { baseUrl: string; token: string };
  return { baseUrl, token, child, stats: closed };
}

export async function stopBenchServer(s: BenchServer): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}
