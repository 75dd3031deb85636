/*
 * Honesty (issue 5): the certification must flag each defective server with the test made for its defect, and
 * with no unrelated MUST test. Each defect runs the whole catalog (all profiles) in-process through the defect
 * layer in front of a compliant server: the bundled reference server (so ETag defects are exercised too). A
 * baseline run through the layer with no defect must fail no MUST test. A second compliant server, scimmy +
 * scimmy-routers, must fail no MUST test beyond its documented gaps: a test that fails a compliant server is a
 * bug in the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { startBundledServer } from '../../steps/support/scim/bundled-server.ts';
import { SCIMMY_KNOWN_GAPS, startScimmyServer, type RunningScimServer } from '../../steps/support/scim/scimmy-server.ts';
import { runCertification, type Certification } from '../run.ts';
import { toDocument } from '../report/document.ts';
import { validateDocument } from '../report/write.ts';
import { allDefects, startDefectiveServer, type Defect } from './index.ts';

let upstream: RunningScimServer;
let support: ISupportCodeLibrary | undefined;
let baseline: Certification;
const failed = (run: Certification, level?: string): Set<string> =>
  new Set(run.outcomes.filter((o) => (o.verdict === 'fail' || o.verdict === 'error') && (!level || o.level === level)).map((o) => o.id));

async function certify(defect: Defect | undefined, server: RunningScimServer = upstream): Promise<Certification> {
  const proxy = await startDefectiveServer(server.baseUrl, defect);
  try {
    const run = await runCertification({
      url: proxy.baseUrl,
      token: server.token,
      profile: 'all',
      tags: undefined,
      concurrency: 1,
      timeoutMs: 10_000,
      ...(support ? { support } : {}),
    });
    support = run.support;
    return run;
  } finally {
    await proxy.close();
  }
}

beforeAll(async () => {
  const bundled = await startBundledServer();
  if (!bundled) throw new Error('the bundled reference server did not start');
  upstream = bundled;
  baseline = await certify(undefined);
}, 180_000);

afterAll(async () => {
  await upstream?.close();
});

describe('compliant servers', () => {
  it('the reference server behind the defect layer passes every MUST test', () => {
    expect(baseline.runError).toBeUndefined();
    expect(baseline.outcomes.length).toBeGreaterThan(50);
    expect(baseline.outcomes.filter((o) => !o.stableId).map((o) => o.name)).toEqual([]);
    expect([...failed(baseline, 'MUST')]).toEqual([]);
    expect(baseline.summary.certified).toBe(true);
  });

  it('scimmy + scimmy-routers fails no MUST test beyond its documented gaps', async () => {
    const scimmy = await startScimmyServer();
    try {
      const run = await certify(undefined, scimmy);
      expect(run.runError).toBeUndefined();
      expect([...failed(run, 'MUST')].filter((id) => !(id in SCIMMY_KNOWN_GAPS))).toEqual([]);
    } finally {
      await scimmy.close();
    }
  }, 180_000);

  it('produces a report that matches the JSON schema', async () => {
    expect(await validateDocument(toDocument(baseline, '0.0.0'))).toEqual([]);
  });
});

describe.each(allDefects('set in beforeAll').map((d) => [d.name, d] as const))('defect %s', (name) => {
  it('is flagged by the tests made for it, and by no unrelated MUST test', async (context) => {
    const defect = allDefects(upstream.token).find((d) => d.name === name)!;
    const run = await certify(defect);
    expect(run.runError).toBeUndefined();
    const dedicated = run.outcomes.filter((o) => defect.flaggedBy.includes(o.id));
    expect(dedicated.map((o) => o.id).sort()).toEqual([...defect.flaggedBy].sort());
    if (defect.needs && dedicated.every((o) => o.verdict === 'skip')) {
      // The compliant server does not advertise what the defect breaks: the tests are skipped, not passed.
      expect(dedicated.every((o) => o.skipReason?.includes(defect.needs!))).toBe(true);
      context.skip(`the compliant server does not advertise "${defect.needs}"`);
    }
    const before = failed(baseline);
    const newFailures = [...failed(run)].filter((id) => !before.has(id));
    expect(dedicated.filter((o) => o.verdict !== 'fail').map((o) => `${o.id}: ${o.verdict}`)).toEqual([]);
    const allowed = new Set([...defect.flaggedBy, ...defect.alsoAffects]);
    const mustFailures = [...failed(run, 'MUST')].filter((id) => !before.has(id));
    expect(mustFailures.filter((id) => !allowed.has(id))).toEqual([]);
    expect(newFailures.length).toBeGreaterThan(0);
    // A defect caught only by SHOULD tests is reported, yet the endpoint stays certified (no MUST failed).
    expect(run.summary.certified).toBe(!dedicated.some((o) => o.level === 'MUST'));
  }, 120_000);
});
