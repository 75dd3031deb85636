/*
 * cucumber.json: running one feature runs one feature. The default profile names no `paths` (cucumber then reads
 * features/**, its own default), because cucumber adds a profile's paths to those on the command line; the named
 * profiles (-p saml|scim|entra) keep theirs, each a set of files.
 */
import { fileURLToPath } from 'node:url';
import { loadConfiguration } from '@cucumber/cucumber/api';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));

async function resolvedPaths(profiles: string[], paths: string[]): Promise<string[]> {
  const { runConfiguration } = await loadConfiguration({ profiles, provided: { paths } }, { cwd });
  return runConfiguration.sources.paths;
}

describe('cucumber.json', () => {
  it('runs only the feature named on the command line', async () => {
    expect(await resolvedPaths([], ['features/saml/signatures.feature'])).toEqual(['features/saml/signatures.feature']);
  });

  it('runs every feature when none is named', async () => {
    const { runConfiguration } = await loadConfiguration({ profiles: [] }, { cwd });
    // cucumber's own default: features/**/*.{feature,feature.md}
    expect(runConfiguration.sources.paths).toEqual([]);
    expect(runConfiguration.support.importPaths).toEqual(['steps/**/!(*.test).ts']);
  });

  it('runs the suite on two worker processes (issue 15: the feature stage on a 2-core machine)', async () => {
    const { runConfiguration } = await loadConfiguration({ profiles: [] }, { cwd });
    expect(runConfiguration.runtime.parallel).toBe(2);
  });

  it.each([
    ['saml', ['features/saml/**/*.feature', 'features/seeds/**/*.feature']],
    ['scim', ['features/scim/**/*.feature']],
    ['entra', ['features/entra/**/*.feature']],
  ])('keeps the %s profile a set of files', async (profile, paths) => {
    expect(await resolvedPaths([profile], [])).toEqual(paths);
  });
});
