/*
 * runCertification hands its target to the SCIM stage as cucumber worldParameters (never through process.env),
 * in this process and in cucumber's parallel workers: a run against the bundled reference server, started here
 * and named only by URL and token, passes; the environment is the same after the run as before; everything the
 * run created (named with its run prefix) is gone.
 */
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type RunningBundledServer } from '../steps/support/scim/bundled-server.ts';
import { PreflightError } from './preflight.ts';
import { runCertification, scimWorldParameters, type RunInput } from './run.ts';
import { newRunPrefix } from './safety/run-prefix.ts';

let server: RunningBundledServer;
/** Step files are imported once per process: a later run reuses the first run's support code library. */
let support: ISupportCodeLibrary | undefined;

beforeAll(async () => {
  const started = await startBundledServer();
  if (!started) throw new Error('the bundled reference server is not available');
  server = started;
});
afterAll(async () => server?.close());

async function leftovers(prefix: string): Promise<unknown[]> {
  const response = await fetch(`${server.baseUrl}/Users?filter=${encodeURIComponent(`userName sw "${prefix}"`)}`, {
    headers: { authorization: `Bearer ${server.token}`, accept: 'application/scim+json' },
  });
  return ((await response.json()) as { Resources?: unknown[] }).Resources ?? [];
}

const input = (concurrency: number, runPrefix: string): RunInput => ({
  url: server.baseUrl,
  token: server.token,
  profile: 'core',
  tags: '@id:CORE-USERS-01 or @id:CORE-USERS-05 or @id:CORE-USERS-06',
  concurrency,
  timeoutMs: 10_000,
  runPrefix,
  ...(support ? { support } : {}),
});

describe('runCertification and the SCIM stage', () => {
  it('hands the run to the stage as worldParameters.scim, JSON only', () => {
    const run = { runPrefix: 'ssoh-0123abcd-', stopFile: '/tmp/stop', ledgerFile: '/tmp/ledger' };
    const parameters = scimWorldParameters(input(2, run.runPrefix), run);
    expect(parameters).toEqual({ baseUrl: server.baseUrl, token: server.token, concurrency: 2, timeoutMs: 10_000, ...run });
    expect(JSON.parse(JSON.stringify(parameters))).toEqual(parameters);
    expect(scimWorldParameters({ ...input(1, run.runPrefix), url: undefined, token: undefined }, run)).toMatchObject({ server: 'bundled' });
  });

  it.each([
    ['in this process', 1],
    ['in cucumber worker processes', 2],
  ])(
    'certifies an endpoint named only by the run %s, leaves process.env alone and nothing behind',
    async (_where, concurrency) => {
      const before = { ...process.env };
      const prefix = newRunPrefix();
      const run = await runCertification(input(concurrency, prefix));
      support = run.support;
      expect(run.runError).toBeUndefined();
      expect(run.outcomes.map((o) => [o.id, o.verdict]).sort()).toEqual([
        ['CORE-USERS-01', 'pass'],
        ['CORE-USERS-05', 'pass'],
        ['CORE-USERS-06', 'pass'],
      ]);
      expect(run.runPrefix).toBe(prefix);
      // Each test talked to this server (not one a worker would start for itself) and named what it made with the run prefix.
      const transcripts = run.outcomes.map((o) => o.transcript.map((t) => t.text).join('\n'));
      for (const transcript of transcripts) expect(transcript).toContain(` ${server.baseUrl}/Users`);
      expect(transcripts.filter((t) => t.includes(`"userName":"${prefix}`))).toHaveLength(2);
      expect(process.env).toEqual(before);
      expect(await leftovers(prefix)).toEqual([]);
    },
    120_000,
  );

  it.each([
    ['a token it refuses', 'certify/token-refused', () => ({ token: 'not-the-token' })],
    ['nothing listening', 'certify/unreachable', () => ({ url: `${new URL(server.baseUrl).origin.replace(/:\d+$/, ':1')}/scim/v2` })],
  ])('checks the endpoint once before the catalog: %s is one PreflightError, and no test starts', async (_what, code, change) => {
    let started = false;
    const error = await runCertification({ ...input(1, newRunPrefix()), ...change(), onStart: () => (started = true) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect({ code: (error as PreflightError).code, started }).toEqual({ code, started: false });
    expect((error as Error).message).not.toContain('not-the-token');
  });
});
