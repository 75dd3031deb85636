/*
 * The fidelity table, executed: for each request Microsoft documents Entra sending
 * (./fidelity/documented-requests.ts), the simulator performs the same step (./fidelity/steps.ts) and the request it
 * sent must match the documented one — method, path, query and body, per-run ids aside — except where the table
 * lists a difference as deliberate. A deliberate difference that no longer exists fails too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge } from '../fidelity/compare.ts';
import { entraDocumentedRequests } from './fidelity/documented-requests.ts';
import { runEntraStep } from './fidelity/steps.ts';

describe('Entra sends what Microsoft documents', () => {
  it('has one entry per id, each with a source and a reason for every deliberate difference', () => {
    const ids = entraDocumentedRequests.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entraDocumentedRequests) {
      expect(e.source.url, e.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(e.source.section.length, e.id).toBeGreaterThan(0);
      for (const d of e.deliberate ?? []) expect(d.reason.length, `${e.id} ${d.at}`).toBeGreaterThan(20);
    }
  });

  it('lists every entry in the table of docs/provisioning.md', () => {
    const docs = readFileSync(new URL('../../../docs/provisioning.md', import.meta.url), 'utf8');
    expect(entraDocumentedRequests.map((e) => e.id).filter((id) => !docs.includes(`\`${id}\``))).toEqual([]);
  });

  it.each(entraDocumentedRequests.map((e) => [e.id, e] as const))('%s', async (_id, entry) => {
    const run = await runEntraStep(entry.step, entry.behaviour, entry.params);
    const verdict = judge(entry, run.sent, run.ids);
    expect({ unexplained: verdict.unexplained, stale: verdict.stale }, JSON.stringify(run.all, null, 1)).toEqual({ unexplained: [], stale: [] });
  });
});
