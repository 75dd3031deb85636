#!/usr/bin/env node
/*
 * `npm test`: runs the suite's stages in order (each an npm script), stops at the first that fails, like `a && b`,
 * and prints how long each stage took, so the suite's wall time is measured on every run, in CI too (issue 15).
 * Where the system reports it (Linux /proc), each stage's CPU time (user + system, of every process it ran) is
 * printed too: on a shared machine it varies less than the wall time, and CPU over wall shows how many cores the
 * stage kept busy.
 * Plain JavaScript: it must run before anything is compiled or a loader is registered.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU seconds of this process's finished, waited-for children (cutime + cstime), or undefined off Linux. */
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3: cutime is field 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

const stages = process.argv.slice(2);
if (stages.length === 0) {
  process.stderr.write('usage: node tools/test-stages.mjs <npm script>...\n');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const timings = [];
let exitCode = 0;
const started = process.hrtime.bigint();
for (const stage of stages) {
  const t0 = process.hrtime.bigint();
  const cpu0 = childrenCpuSeconds();
  const result = spawnSync(npm, ['run', '--silent', stage], { stdio: 'inherit' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childrenCpuSeconds();
  const cpu = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0;
  const status = result.status ?? (result.signal ? 128 : 1);
  timings.push({ stage, seconds, cpu, status });
  if (status !== 0) {
    exitCode = status;
    break;
  }
}
const total = Number(process.hrtime.bigint() - started) / 1e9;
const lines = ['', 'npm test — wall time per stage (and CPU time, user + system)'];
for (const { stage, seconds, cpu, status } of timings) {
  const cpuText = cpu === undefined ? '' : `  ${cpu.toFixed(1).padStart(7)} s CPU`;
  lines.push(`  ${stage.padEnd(16)} ${seconds.toFixed(1).padStart(7)} s${cpuText}  ${status === 0 ? 'passed' : `FAILED (exit ${status})`}`);
}
for (const stage of stages.slice(timings.length)) lines.push(`  ${stage.padEnd(16)} ${'-'.padStart(7)}    not run`);
lines.push(`  ${'total'.padEnd(16)} ${total.toFixed(1).padStart(7)} s`, '');
process.stdout.write(lines.join('\n'));
process.exit(exitCode);
