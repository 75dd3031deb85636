#!/usr/bin/env node
// The `sso-harness` command. The installed package ships only compiled JavaScript (dist/), which runs as it is.
// A clone of the repository has the TypeScript sources: they run through tsx (a devDependency), so `npm start`
// needs no build step and never runs a dist/ left over from an earlier build. Either way the CLI's `main` gets
// the arguments and returns the exit code.
import { existsSync } from 'node:fs';

const sources = new URL('../cli/main.ts', import.meta.url);
let cli;
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(sources.href);
} else {
  cli = await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
process.exitCode = await cli.main(process.argv.slice(2));
