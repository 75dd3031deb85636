import { describe, expect, it } from 'vitest';
import { runPrefix } from '../../../certify/safety/run-prefix.ts';
import { scimSettings, ScimSettingsError, stopFileOf } from './settings.ts';

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimSettingsError) return error.problems.map((p) => p.split(' ')[0]!);
    throw error;
  }
  return [];
};

describe('SCIM settings from worldParameters.scim', () => {
  it('take every field from the parameters, and ignore the environment when they are present', () => {
    const env = { SCIM_BASE_URL: 'https://shell.example/scim/v2', SCIM_TOKEN: 'shell', SCIM_CONCURRENCY: '9', SCIM_TARGET: 'scimmy' };
    const settings = scimSettings(
      { scim: { baseUrl: 'https://x.test/scim/v2/', token: 't', concurrency: 3, timeoutMs: 2500, runPrefix: 'ssoh-0123abcd-', stopFile: '/tmp/s', ledgerFile: '/tmp/l' } },
      env,
    );
    expect(settings).toEqual({
      baseUrl: 'https://x.test/scim/v2',
      token: 't',
      server: 'bundled',
      concurrency: 3,
      timeoutMs: 2500,
      runPrefix: 'ssoh-0123abcd-',
      stopFile: '/tmp/s',
      ledgerFile: '/tmp/l',
    });
    expect(Object.isFrozen(settings)).toBe(true);
    // A run started through the API targets the bundled server even when the caller's shell names an endpoint.
    expect(scimSettings({ scim: {} }, env)).toMatchObject({ baseUrl: undefined, token: undefined, server: 'bundled', concurrency: 1, timeoutMs: 15_000 });
  });

  it('fall back to the environment only when worldParameters.scim is absent (cucumber-js run by hand)', () => {
    const env = { SCIM_BASE_URL: 'https://shell.example/scim/v2', SCIM_TOKEN: 'shell', SCIM_CONCURRENCY: '4', SCIM_TIMEOUT_MS: '700', SCIM_TARGET: 'scimmy' };
    expect(scimSettings({}, env)).toEqual({
      baseUrl: 'https://shell.example/scim/v2',
      token: 'shell',
      server: 'scimmy',
      concurrency: 4,
      timeoutMs: 700,
      runPrefix: runPrefix(),
      stopFile: undefined,
      ledgerFile: undefined,
    });
    expect(scimSettings(undefined, {})).toMatchObject({ baseUrl: undefined, server: 'bundled', concurrency: 1, timeoutMs: 15_000, runPrefix: runPrefix() });
  });

  it('collect every problem, each naming the parameter or its variable', () => {
    expect(problemsOf(() => scimSettings({ scim: { baseUrl: 'ftp://x', concurrency: 0, timeoutMs: '5s', server: 'azure', runPrefix: 'ssoh-', colour: 'red' } }, {}))).toEqual([
      'worldParameters.scim.baseUrl',
      'worldParameters.scim.token',
      'worldParameters.scim.server',
      'worldParameters.scim.concurrency',
      'worldParameters.scim.timeoutMs',
      'worldParameters.scim.runPrefix',
      'worldParameters.scim.colour',
    ]);
    expect(problemsOf(() => scimSettings(undefined, { SCIM_BASE_URL: 'https://x.test/scim/v2', SCIM_CONCURRENCY: 'many' }))).toEqual(['SCIM_TOKEN', 'SCIM_CONCURRENCY']);
    expect(problemsOf(() => scimSettings({ scim: 'https://x.test' }, {}))).toEqual(['worldParameters.scim']);
  });

  it('never echo a value it refuses (a token may be in it)', () => {
    try {
      scimSettings({ scim: { baseUrl: 'not a url secret-123', token: 't' } }, {});
      expect.unreachable();
    } catch (error) {
      expect((error as ScimSettingsError).code).toBe('scim/settings');
      expect((error as Error).message).not.toContain('secret-123');
    }
  });

  it('read the stop file alone, without resolving the rest', () => {
    expect(stopFileOf({ scim: { stopFile: '/tmp/stop', concurrency: 'bad' } })).toBe('/tmp/stop');
    expect(stopFileOf({})).toBeUndefined();
  });
});
