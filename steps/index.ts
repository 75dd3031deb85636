/*
 * `sso-harness/steps`: the whole step library — every step definition, parameter type, hook and the World —
 * for a consumer's cucumber run. cucumber-js treats each entry of its `import` option as a file glob, not a
 * package name, so a consumer loads this entry from one support file of their own (`import 'sso-harness/steps';`,
 * see docs/packaging.md).
 *
 * It imports every module under steps/ except unit tests, in sorted order (the same set the repository's
 * cucumber.json imports), so a new step file is part of the package without being listed here. Modules are
 * cached by URL: a run that also imports them by path registers nothing twice.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type { HarnessWorld, Attach } from './support/world.ts';

const here = fileURLToPath(import.meta.url);
// `.ts` when run from the sources (tsx), `.js` in the compiled package, whose .d.ts and .map files are skipped.
const extension = here.slice(here.lastIndexOf('.'));

const modules = readdirSync(dirname(here), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith(extension) && !file.endsWith(`.test${extension}`))
  .map((file) => join(dirname(here), file))
  .filter((file) => file !== here)
  .sort();

for (const file of modules) await import(pathToFileURL(file).href);
