/*
 * The provisioning log: every request and response (the bearer token never written), and each object's
 * outcome per cycle, like the "Provisioning logs" blade of Entra. Written as JSON and as HTML (every value
 * escaped) to a reports directory.
 * - bounded: counts, per-cycle summaries and failures are kept whole; the exchanges and outcomes themselves only as
 *   a window of the most recent `keep` (default 10,000), so a 100,000-user run does not hold every body;
 * - `streamTo` appends every exchange to a JSON Lines file as it happens, for a whole-run record on disk.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

export interface ProvisioningLogOptions {
  /**
   * How many of the most recent exchanges (and, separately, object outcomes) the log keeps in memory and writes to
   * its reports; the counts, per-cycle summaries and failures are kept whole. Default 10,000: every scenario keeps
   * all of its exchanges; a 100,000-user run keeps a window instead of every request and response body.
   */
  keep?: number;
  /** Also append every exchange, as one JSON line each, to this file (the whole run, nothing held in memory). */
  streamTo?: string;
}

/** Failures kept per cycle (the count is exact; the list stops growing here). */
const FAILURES_KEPT = 10_000;
const EMPTY_SUMMARY: Readonly<Record<Outcome, number>> = Object.freeze({ created: 0, updated: 0, disabled: 0, deleted: 0, unchanged: 0, skipped: 0, failed: 0 });

/** Drops the oldest entries once a window holds `keep` plus a slack of `keep / 4` (amortised O(1) per entry). */
function trim<T>(list: T[], keep: number): void {
  if (list.length > keep + Math.max(1, keep >> 2)) list.splice(0, list.length - keep);
}

export class ProvisioningLog {
  /** The most recent exchanges (all of them up to `keep`); `requestCount` counts every one. */
  readonly exchanges: Exchange[] = [];
  /** The most recent object outcomes (all of them up to `keep`); `summary()` counts every one. */
  readonly outcomes: ObjectOutcome[] = [];
  readonly keep: number;
  private seq = 0;
  private readonly perCycle = new Map<number, Record<Outcome, number>>();
  private readonly failedPerCycle = new Map<number, ObjectOutcome[]>();
  private readonly methods = new Map<string, number>();
  private stream: number | undefined;
  /** Optional live listener (the CLI prints progress from it). */
  onOutcome?: (o: ObjectOutcome) => void;

  constructor(options: ProvisioningLogOptions = {}) {
    this.keep = Math.max(1, options.keep ?? 10_000);
    if (options.streamTo) {
      mkdirSync(dirname(options.streamTo), { recursive: true });
      this.stream = openSync(options.streamTo, 'w');
    }
  }

  /** Every exchange logged so far (attempts included), kept in the window or not. */
  get requestCount(): number {
    return this.seq;
  }

  /** Exchanges per HTTP method over the whole run. */
  requestsByMethod(): Record<string, number> {
    return Object.fromEntries(this.methods);
  }

  exchange(e: Omit<Exchange, 'seq'>): Exchange {
    const full = { seq: ++this.seq, ...e };
    this.methods.set(e.method, (this.methods.get(e.method) ?? 0) + 1);
    this.exchanges.push(full);
    trim(this.exchanges, this.keep);
    if (this.stream !== undefined) writeSync(this.stream, `${JSON.stringify(full)}\n`);
    return full;
  }

  outcome(o: ObjectOutcome): void {
    let counts = this.perCycle.get(o.cycle);
    if (!counts) this.perCycle.set(o.cycle, (counts = { ...EMPTY_SUMMARY }));
    counts[o.outcome]++;
    if (o.outcome === 'failed') {
      let failed = this.failedPerCycle.get(o.cycle);
      if (!failed) this.failedPerCycle.set(o.cycle, (failed = []));
      if (failed.length < FAILURES_KEPT) failed.push(o);
    }
    this.outcomes.push(o);
    trim(this.outcomes, this.keep);
    this.onOutcome?.(o);
  }

  /** Counts per outcome for one cycle (or all cycles), over every outcome logged. */
  summary(cycle?: number): Record<Outcome, number> {
    const s: Record<Outcome, number> = { ...EMPTY_SUMMARY };
    for (const [c, counts] of this.perCycle) {
      if (cycle !== undefined && c !== cycle) continue;
      for (const k of Object.keys(s) as Outcome[]) s[k] += counts[k];
    }
    return s;
  }

  /** The failed outcomes of one cycle (the first 10,000; `summary(cycle).failed` is the count). */
  failures(cycle: number): ObjectOutcome[] {
    return [...(this.failedPerCycle.get(cycle) ?? [])];
  }

  /** Closes the exchange stream, if any. */
  close(): void {
    if (this.stream !== undefined) closeSync(this.stream);
    this.stream = undefined;
  }

  toJSON(): { exchanges: Exchange[]; outcomes: ObjectOutcome[]; summary: Record<Outcome, number>; requests: number; requestsByMethod: Record<string, number> } {
    return { exchanges: this.exchanges, outcomes: this.outcomes, summary: this.summary(), requests: this.requestCount, requestsByMethod: this.requestsByMethod() };
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
  const outcomeCount = Object.values(s).reduce((n, v) => n + v, 0);
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
${outcomeCount > log.outcomes.length ? `<p>The last ${log.outcomes.length} of ${outcomeCount} outcomes.</p>\n` : ''}<table class="objects"><colgroup><col class="narrow"><col class="narrow"><col><col class="mid"><col><col><col></colgroup><thead><tr><th>Cycle</th><th>Type</th><th>Object</th><th>Outcome</th><th>Code</th><th>Reason</th><th>Target id</th></tr></thead><tbody>
${outcomes}
</tbody></table>
<h2>Requests</h2>
${log.requestCount > log.exchanges.length ? `<p>The last ${log.exchanges.length} of ${log.requestCount} requests.</p>\n` : ''}<table class="requests"><colgroup><col class="narrow"><col class="narrow"><col><col class="mid"><col class="url"><col class="mid"><col><col></colgroup><thead><tr><th>#</th><th>Cycle</th><th>Object</th><th>Method</th><th>URL</th><th>Status</th><th>Request</th><th>Response</th></tr></thead><tbody>
${exchanges}
</tbody></table>
</body></html>
`;
}
