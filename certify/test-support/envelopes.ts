/*
 * Test fixture: the cucumber messages (envelopes) a run emits, built by hand, for feeding CatalogCollector in the
 * report tests of both certifications.
 */
import type { Envelope } from '../catalog.ts';

export function pickleEnvelope(id: string, name: string, tags: readonly string[], where: { readonly uri: string; readonly line: number }): Envelope {
  return {
    pickle: { id, uri: where.uri, location: { line: where.line }, name, language: 'en', steps: [], astNodeIds: [], tags: tags.map((t) => ({ name: t, astNodeId: '' })) },
  } as unknown as Envelope;
}

/** The testCase and testCaseStarted of each pickle (test case `c<pickle>`, attempt `s<pickle>`). */
export function startedEnvelopes(pickleIds: readonly string[]): Envelope[] {
  return pickleIds.flatMap(
    (p) =>
      [
        { testCase: { id: `c${p}`, pickleId: p, testSteps: [] } },
        { testCaseStarted: { id: `s${p}`, testCaseId: `c${p}`, attempt: 0, timestamp: { seconds: 0, nanos: 0 } } },
      ] as unknown as Envelope[],
  );
}

export function stepEnvelope(started: string, status: string, message: string | undefined, durationMs: number): Envelope {
  return {
    testStepFinished: {
      testCaseStartedId: started,
      testStepId: 's',
      timestamp: { seconds: 0, nanos: 0 },
      testStepResult: { status, message, duration: { seconds: 0, nanos: durationMs * 1_000_000 } },
    },
  } as unknown as Envelope;
}

/** The testCaseFinished of each pickle's attempt. */
export function finishedEnvelopes(pickleIds: readonly string[]): Envelope[] {
  return pickleIds.map((p) => ({ testCaseFinished: { testCaseStartedId: `s${p}`, willBeRetried: false, timestamp: { seconds: 0, nanos: 0 } } }) as unknown as Envelope);
}
