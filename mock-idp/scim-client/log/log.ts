/*
 * The provisioning log: every request and response (the bearer token never written), and each object's
 * outcome per cycle, like the "Provisioning logs" blade of Entra. Written as JSON and as HTML (every value
 * escaped) to a reports directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type ObjectType = 'user' | 'group';
export type Outcome = 'created' | 'updated' | 'disabled' | 'deleted' | 'unchanged' | 'skipped' | 'failed';

export interface ObjectRef {
  type: ObjectType;
  /** Source objectId. */
  sourceId: string;
  /** userPrincipalName or group displayName, for humans. */
  name: string;
}

export interface Exchange {
  seq: number;
  cycle: number;
  object?: ObjectRef;
  method: string;
  url: string;
  requestBody?: unknown;
  /** 0 when nothing was received (transport error) or the request was not sent (dry run). */
  status: number;
  responseBody?: unknown;
  retryAfter?: string;
  attempt: number;
  dryRun?: boolean;
  error?: string;
}

export interface ObjectOutcome {
  cycle: number;
  object: ObjectRef;
  outcome: Outcome;
  /** Why: out of scope, unassigned, soft-deleted, the error code of a failure, … */
  reason?: string;
  code?: string;
  targetId?: string;
}

export class ProvisioningLog {
  readonly exchanges: Exchange[] = [];
  readonly outcomes: ObjectOutcome[] = [];
  private seq = 0;
  /** Optional live listener (the CLI prints progress from it). */
  onOutcome?: (o: ObjectOutcome) => void;

  exchange(e: Omit<Exchange, 'seq'>): Exchange {
    const full = { seq: ++this.seq, ...e };
    this.exchanges.push(full);
    return full;
  }

  outcome(o: ObjectOutcome): void {
    this.outcomes.push(o);
    this.onOutcome?.(o);
  }

  /** Counts per outcome for one cycle (or all cycles). */
  summary(cycle?: number): Record<Outcome, number> {
    const s: Record<Outcome, number> = { created: 0, updated: 0, disabled: 0, deleted: 0, unchanged: 0, skipped: 0, failed: 0 };
    for (const o of this.outcomes) if (cycle === undefined || o.cycle === cycle) s[o.outcome]++;
    return s;
  }

  toJSON(): { exchanges: Exchange[]; outcomes: ObjectOutcome[]; summary: Record<Outcome, number> } {
    return { exchanges: this.exchanges, outcomes: this.outcomes, summary: this.summary() };
  }

  /** Writes provisioning-log.json and provisioning-log.html into `dir`; returns their paths. */
  writeReports(dir: string, title = 'Provisioning log'): { json: string; html: string } {
    mkdirSync(dir, { recursive: true });
    const json = join(dir, 'provisioning-log.json');
    const html = join(dir, 'provisioning-log.html');
    writeFileSync(json, `${JSON.stringify(this.toJSON(), null, 2)}\n`);
    writeFileSync(html, renderHtml(this, title));
    return { json, html };
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const body = (b: unknown) => (b === undefined ? '' : `<pre>${escapeHtml(typeof b === 'string' ? b : JSON.stringify(b, null, 2))}</pre>`);

export function renderHtml(log: ProvisioningLog, title: string): string {
  const s = log.summary();
  const outcomes = log.outcomes
    .map(
      (o) =>
        `<tr class="${o.outcome}"><td>${o.cycle}</td><td>${o.object.type}</td><td>${escapeHtml(o.object.name)}</td><td>${o.outcome}</td><td>${escapeHtml(o.code ?? '')}</td><td>${escapeHtml(o.reason ?? '')}</td><td>${escapeHtml(o.targetId ?? '')}</td></tr>`,
    )
    .join('\n');
  const exchanges = log.exchanges
    .map(
      (e) =>
        `<tr><td>${e.seq}</td><td>${e.cycle}</td><td>${escapeHtml(e.object?.name ?? '')}</td><td>${escapeHtml(e.method)}</td><td><code>${escapeHtml(decodeURIComponent(e.url))}</code></td><td>${e.dryRun ? 'dry run' : e.status || escapeHtml(e.error ?? '')}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}</td><td>${body(e.requestBody)}</td><td>${body(e.responseBody)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1f24}table{border-collapse:collapse;width:100%;margin-bottom:2rem;table-layout:fixed}
td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem}
code{overflow-wrap:anywhere}col.narrow{width:4rem}col.mid{width:6.5rem}table.requests col.url{width:20%}
tr.failed{background:#fdd}tr.created{background:#dfd}tr.disabled,tr.deleted{background:#ffd}</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${Object.entries(s)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ')}</p>
<h2>Objects</h2>
<table class="objects"><colgroup><col class="narrow"><col class="narrow"><col><col class="mid"><col><col><col></colgroup><thead><tr><th>Cycle</th><th>Type</th><th>Object</th><th>Outcome</th><th>Code</th><th>Reason</th><th>Target id</th></tr></thead><tbody>
${outcomes}
</tbody></table>
<h2>Requests</h2>
<table class="requests"><colgroup><col class="narrow"><col class="narrow"><col><col class="mid"><col class="url"><col class="mid"><col><col></colgroup><thead><tr><th>#</th><th>Cycle</th><th>Object</th><th>Method</th><th>URL</th><th>Status</th><th>Request</th><th>Response</th></tr></thead><tbody>
${exchanges}
</tbody></table>
</body></html>
`;
}
