/*
 * A benchmark's SCIM server in its own process (bench/scim-servers.ts), so the load generator or the provisioning
 * client does not share its event loop: on this 2-core machine, one core each, as a real IdP and SP never share
 * a process either.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type BenchServerKind = 'reference' | 'scimmy' | 'bare';

export interface BenchServer {
  readonly baseUrl: string;
  readonly token: string;
  readonly child: ChildProcess;
}

export async function spawnBenchServer(kind: BenchServerKind, env: Record<string, string> = {}): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./scim-servers.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  const { baseUrl, token } = JSON.parse(line) as { baseUrl: string; token: string };
  return { baseUrl, token, child };
}

export async function stopBenchServer(s: BenchServer): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}
