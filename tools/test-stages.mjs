#!/usr/bin/env node
/*
 * `npm test`: runs the suite's stages in order (each an npm script), stops at the first that fails, like `a && b`,
 * and prints how long each stage took, so the suite's wall time is measured on every run, in CI too (issue 15).
 * Plain JavaScript: it must run before anything is compiled or a loader is registered.
 */
import { spawnSync } from 'node:child_process';

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
  const result = spawnSync(npm, ['run', '--silent', stage], { stdio: 'inherit' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const status = result.status ?? (result.signal ? 128 : 1);
  timings.push({ stage, seconds, status });
  if (status !== 0) {
    exitCode = status;
    break;
  }
}
const total = Number(process.hrtime.bigint() - started) / 1e9;
const lines = ['', 'npm test — wall time per stage'];
for (const { stage, seconds, status } of timings) {
  lines.push(`  ${stage.padEnd(16)} ${seconds.toFixed(1).padStart(7)} s  ${status === 0 ? 'passed' : `FAILED (exit ${status})`}`);
}
for (const stage of stages.slice(timings.length)) lines.push(`  ${stage.padEnd(16)} ${'-'.padStart(7)}    not run`);
lines.push(`  ${'total'.padEnd(16)} ${total.toFixed(1).padStart(7)} s`, '');
process.stdout.write(lines.join('\n'));
process.exit(exitCode);
