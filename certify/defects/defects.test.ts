/*
 * Honesty (issue 5): the certification must flag each defective server with the test made for its defect, and
 * with no unrelated MUST test. Each defect runs the whole catalog (all profiles) in-process through the defect
 * layer in front of a compliant server. The compliant server is scimmy + scimmy-routers (the bundled reference
 * server is not in the tree yet); a baseline run through the layer with no defect records what the compliant
 * server itself does not satisfy (its known gaps), and those IDs are left out of each defect's comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
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

async function certify(defect: Defect | undefined): Promise<Certification> {
  const proxy = await startDefectiveServer(upstream.baseUrl, defect);
  try {
    const run = await runCertification({
      url: proxy.baseUrl, token: upstream.token, profile: 'all', tags: undefined, concurrency: 1, timeoutMs: 10_000,
      ...(support ? { support } : {}),
    });
    support = run.support;
    return run;
  } finally {
    await proxy.close();
  }
}

beforeAll(async () => {
  upstream = await startScimmyServer();
  baseline = await certify(undefined);
}, 180_000);

afterAll(async () => {
  await upstream?.close();
});

describe('the compliant server behind the defect layer', () => {
  it('runs the catalog and fails no MUST test beyond the known scimmy gaps', () => {
    expect(baseline.runError).toBeUndefined();
    expect(baseline.outcomes.length).toBeGreaterThan(50);
    expect(baseline.outcomes.filter((o) => !o.stableId).map((o) => o.name)).toEqual([]);
    expect([...failed(baseline, 'MUST')].filter((id) => !(id in SCIMMY_KNOWN_GAPS))).toEqual([]);
  });

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
    expect(run.summary.certified).toBe(false);
  }, 120_000);
});
