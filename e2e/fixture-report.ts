/*
 * A certification report with one test of every verdict the legend explains (pass, fail, error, not
 * supported, skip, interrupted), for opening in a browser without running the certify catalog.
 */
import type { CertificationDocument } from '../certify/report/document.ts';
import { REPORT_SCHEMA_ID, REPORT_VERSION } from '../certify/report/document.ts';

type Test = CertificationDocument['tests'][number];

const test = (id: string, verdict: string, level: string, extra: Partial<Test> = {}): Test => ({
  id,
  stableId: true,
  name: `${id} example`,
  profile: 'core',
  level,
  sections: ['RFC 7644 §3.3'],
  requires: [],
  verdict,
  skipReason: null,
  failure: null,
  durationMs: 3,
  source: 'features/scim/example.feature:3',
  tags: ['@scim', '@core'],
  transcript: [{ name: '1. POST /Users', mediaType: 'text/plain', text: 'POST /Users → 201' }],
  ...extra,
});

export function fixtureReport(target: string): CertificationDocument {
  const tests = [
    test('CORE-PASS-01', 'pass', 'MUST'),
    test('CORE-FAIL-01', 'fail', 'MUST', { failure: 'POST /Users answered 200; RFC 7644 §3.3 requires 201 Created.' }),
    test('CORE-ERROR-01', 'error', 'SHOULD', { failure: 'the step is undefined' }),
    test('CORE-MAY-01', 'fail', 'MAY', { failure: 'filtering by "co" is not supported' }),
    test('CORE-SKIP-01', 'skip', 'MUST', { skipReason: 'the endpoint does not advertise "bulk"' }),
    test('CORE-INT-01', 'interrupted', 'MUST'),
  ];
  return {
    $schema: REPORT_SCHEMA_ID,
    reportVersion: REPORT_VERSION,
    tool: { name: 'sso-harness', version: '0.0.0-e2e' },
    target,
    profile: 'core',
    tagExpression: '@core',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    certified: false,
    runError: null,
    interrupted: null,
    cleanup: null,
    summary: { total: 6, pass: 1, fail: 2, skip: 1, error: 1, interrupted: 1, mustFailures: ['CORE-FAIL-01'], otherFailures: ['CORE-MAY-01'] },
    legacyShapes: [],
    tests,
  };
}
