/*
 * Okta's fidelity table, executed: for each request Okta prints its SCIM 2.0 client sending
 * (./fidelity/documented-requests.ts), the simulator (okta-2024) performs the same step (./fidelity/steps.ts) and the
 * request it sent must match the printed one — method, path, query and body, per-run ids aside — except where the
 * table lists a difference as deliberate; a deliberate difference that no longer exists fails too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge } from '../fidelity/compare.ts';
import { oktaDocumentedRequests } from './fidelity/documented-requests.ts';
import { runOktaStep } from './fidelity/steps.ts';

describe('Okta sends what Okta documents', () => {
  it('has one entry per id, each with a section and a reason for every deliberate difference, each listed in docs/provisioning.md', () => {
    const ids = oktaDocumentedRequests.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of oktaDocumentedRequests) for (const d of e.deliberate ?? []) expect(d.reason.length, `${e.id} ${d.at}`).toBeGreaterThan(20);
    const docs = readFileSync(new URL('../../../docs/provisioning.md', import.meta.url), 'utf8');
    expect(ids.filter((id) => !docs.includes(`\`${id}\``))).toEqual([]);
  });

  it.each(oktaDocumentedRequests.map((e) => [e.id, e] as const))('%s', async (_id, entry) => {
    const run = await runOktaStep(entry.step);
    const verdict = judge(entry, run.sent, run.ids);
    expect({ unexplained: verdict.unexplained, stale: verdict.stale }, JSON.stringify(run.all, null, 1)).toEqual({ unexplained: [], stale: [] });
  });
});
