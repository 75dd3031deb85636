import { describe, expect, it } from 'vitest';
import { finishedEnvelopes, pickleEnvelope, startedEnvelopes, stepEnvelope } from '../test-support/envelopes.ts';
import { CatalogCollector, verdictOf, type Envelope } from '../catalog.ts';
import { summarise } from '../summary.ts';
import type { Certification } from '../run.ts';
import { toDocument } from './document.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { validateDocument } from './write.ts';

/** Feeds the collector the envelopes cucumber emits for three scenarios: one passing, one failing, one skipped. */
function collect(): Certification {
  const collector = new CatalogCollector();
  const pickle = (id: string, name: string, tags: string[]): Envelope => pickleEnvelope(id, name, tags, { uri: 'features/certify/x.feature', line: 3 });
  const step = (started: string, status: string, message?: string): Envelope => stepEnvelope(started, status, message, 2);
  const messages: Envelope[] = [
    pickle('p1', 'Create <b>user</b>', ['@scim', '@core', '@id:CORE-USERS-01', '@must', '@rfc7644-3.3']),
    pickle('p2', 'Legacy shape', ['@scim', '@entra', '@legacy-shape', '@id:ENTRA-LEGACY-01', '@should']),
    pickle('p3', 'Bulk', ['@scim', '@core', '@id:CORE-BULK-01', '@must', '@requires:bulk']),
    ...startedEnvelopes(['p1', 'p2', 'p3']),
    {
      attachment: { testCaseStartedId: 'sp1', body: 'POST /Users → 201 <script>', contentEncoding: 'IDENTITY', mediaType: 'text/plain', fileName: '1. POST /Users' },
    } as unknown as Envelope,
    step('sp1', 'PASSED'),
    step('sp2', 'FAILED', 'a PATCH must answer 200 or 204, got 400'),
    {
      attachment: { testCaseStartedId: 'sp3', body: 'skipped: the endpoint does not advertise "bulk"', contentEncoding: 'IDENTITY', mediaType: 'text/x.cucumber.log+plain' },
    } as unknown as Envelope,
    step('sp3', 'SKIPPED'),
    ...finishedEnvelopes(['p1', 'p2', 'p3']),
  ];
  messages.forEach(collector.onMessage);
  const outcomes = collector.outcomes();
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    target: 'https://scim.example.test/v2',
    profile: 'all',
    tagExpression: '(@core or @entra or @okta)',
    outcomes,
    summary: summarise(outcomes),
    runError: undefined,
    interrupted: undefined,
    runPrefix: 'ssoh-0123abcd-',
    cleanup: undefined,
    support: {} as never,
  };
}

describe('verdictOf', () => {
  it.each([
    [['PASSED', 'PASSED'], 'pass'],
    [['PASSED', 'FAILED', 'SKIPPED'], 'fail'],
    [['SKIPPED', 'SKIPPED'], 'skip'],
    [['PASSED', 'UNDEFINED'], 'error'],
    [['AMBIGUOUS'], 'error'],
  ] as const)('%j → %s', (statuses, verdict) => expect(verdictOf(statuses)).toBe(verdict));
});

describe('the certification report', () => {
  const run = collect();
  const doc = toDocument(run, '0.1.0');

  it('collects verdicts, skip reasons and transcripts from the message stream', () => {
    expect(run.outcomes.map((o) => [o.id, o.verdict])).toEqual([
      ['CORE-USERS-01', 'pass'],
      ['ENTRA-LEGACY-01', 'fail'],
      ['CORE-BULK-01', 'skip'],
    ]);
    expect(run.outcomes[2]!.skipReason).toBe('the endpoint does not advertise "bulk"');
    expect(run.outcomes[0]!.transcript).toHaveLength(1);
    expect(run.summary).toMatchObject({ mustFailures: [], otherFailures: ['ENTRA-LEGACY-01'], certified: true });
    expect(doc.legacyShapes).toEqual([{ id: 'ENTRA-LEGACY-01', name: 'Legacy shape', accepted: false }]);
  });

  it('says each failure in one sentence, without the stack or a local path', async () => {
    const failing = {
      ...run.outcomes[1]!,
      failure: 'AssertionError [ERR_ASSERTION]: a PATCH must answer 200 or 204\n\n400 !== 200\n\n    at World.<anonymous> (/home/ci/repo/steps/x.steps.ts:3:9)',
    };
    const d = toDocument({ ...run, outcomes: [failing], runError: 'Error: hook crashed\n    at /home/ci/repo/steps/hooks.ts:1:1' }, '0.1.0');
    expect(d.tests[0]!.failure).toBe('got 400, expected 200: a PATCH must answer 200 or 204.');
    expect(d.runError).toBe('hook crashed');
    expect(await validateDocument(d)).toEqual([]);
  });

  it('matches its JSON schema', async () => {
    expect(await validateDocument(doc)).toEqual([]);
  });

  it.each([
    ['a missing summary', (d: Record<string, unknown>) => delete d['summary']],
    ['an unknown verdict', (d: Record<string, unknown>) => ((d['tests'] as Array<Record<string, unknown>>)[0]!['verdict'] = 'passed')],
    ['a skip without a reason', (d: Record<string, unknown>) => ((d['tests'] as Array<Record<string, unknown>>)[2]!['skipReason'] = null)],
    ['another major version', (d: Record<string, unknown>) => (d['reportVersion'] = '1.0.0')],
  ])('rejects %s', async (_name, spoil) => {
    const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    spoil(copy);
    expect((await validateDocument(copy)).length).toBeGreaterThan(0);
  });

  it('renders a self-contained HTML page with escaped content and transcripts in <details>', () => {
    const html = renderHtml(doc);
    expect(html).not.toMatch(/<(script|link)\b|src=|@import|https?:\/\/(?!scim\.example\.test)/);
    expect(html).toContain('Create &lt;b&gt;user&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<details><summary>1. POST /Users</summary>');
    expect(html).toContain('href="#t-ENTRA-LEGACY-01"');
    expect(html).toMatch(/ENTRA-LEGACY-01<\/a> Legacy shape: <strong>not accepted/);
  });

  it('writes junit with MUST failures as <failure> and SHOULD failures as reported skips', () => {
    const xml = renderJunit(doc);
    expect(xml).not.toContain('<failure');
    expect(xml).toContain('not met (SHOULD)');
    const failing = renderJunit({ ...doc, tests: doc.tests.map((t) => (t.id === 'ENTRA-LEGACY-01' ? { ...t, level: 'MUST' } : t)) });
    expect(failing.match(/<failure /g)).toHaveLength(1);
  });
});
