/*
 * docs/steps.md is what `npm run steps:catalog` writes today: the catalog is regenerated (in a child process,
 * where cucumber loads the TypeScript step definitions through tsx) and compared with the file.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('docs/steps.md', () => {
  it('is current (run npm run steps:catalog after changing a step or a feature)', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'tools/steps-catalog.ts', '--check'], { cwd: root });
    await expect(run).resolves.toBeDefined();
  }, 60_000);
});
