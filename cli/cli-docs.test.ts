/* docs/cli.md is the CLI's own help: this fails when a command or option changed and the file was not regenerated. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_DOCS_PATH, renderCliDocs } from './commands/shared/cli-docs.ts';

describe('docs/cli.md', () => {
  it('matches --help (regenerate: npx tsx cli/commands/shared/cli-docs.ts)', async () => {
    expect(readFileSync(CLI_DOCS_PATH, 'utf8')).toBe(await renderCliDocs());
  });
});
