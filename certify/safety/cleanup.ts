/*
 * Deleting what a run left behind (issue 5: "deleted at the end, also when a test fails or the run is
 * interrupted"), with the same manners as the tests: the one HTTP driver (http/send.ts: per-request timeout,
 * 429/503 Retry-After waited out) within the shared bound on requests in flight. Two passes:
 * 1. the ledger: every resource recorded as created and not yet deleted (./ledger.ts);
 * 2. the sweep, a safety net: `GET /Users?filter=userName sw "<run prefix>"` and
 *    `GET /Groups?filter=displayName sw "<run prefix>"` (RFC 7644 §3.4.2.2), deleting only resources whose
 *    name really starts with the run prefix — an endpoint that ignores the filter must not lose other data.
 * Groups are deleted before users. A 404 counts as deleted (someone else got there first). Nothing here throws:
 * every failure is reported.
 */
import { HttpError, sendHttp } from '../../http/send.ts';
import { sharedLimiter, type Semaphore } from './limiter.ts';
import { resourceLedger, type LedgerEntry, type LedgerKind } from './ledger.ts';
import { RUN_PREFIX_PATTERN } from './run-prefix.ts';

export interface SweepTarget {
  readonly baseUrl: string;
  readonly token: string;
}

export interface CleanupItem {
  readonly kind: LedgerKind;
  readonly id: string;
  readonly baseUrl: string;
  /** The userName or displayName when the sweep found it. */
  readonly name?: string;
  /** `ledger` or `sweep`: which pass found it. */
  readonly via: 'ledger' | 'sweep';
  readonly outcome: 'deleted' | 'already-gone' | 'failed';
  readonly detail?: string;
}

export interface CleanupResult {
  readonly items: readonly CleanupItem[];
  /** Problems that are not about one resource (a sweep list refused, an unreachable endpoint). */
  readonly problems: readonly string[];
}

export interface CleanupOptions {
  readonly timeoutMs: number;
  readonly limiter?: Semaphore;
}

const LIST_PAGE = 100;
const MAX_SWEEP_PAGES = 50;

async function request(method: string, url: string, token: string | null | undefined, options: CleanupOptions): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { accept: 'application/scim+json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const answer = await sendHttp({ method, url, headers }, { timeoutMs: options.timeoutMs, limiter: options.limiter ?? sharedLimiter() });
  return { status: answer.status, text: answer.text };
}

const reason = (error: unknown): string => (error instanceof HttpError ? error.reason : (error as Error).message);

async function deleteOne(entry: LedgerEntry, via: CleanupItem['via'], options: CleanupOptions, name?: string): Promise<CleanupItem> {
  const base = { kind: entry.kind, id: entry.id, baseUrl: entry.baseUrl, via, ...(name !== undefined ? { name } : {}) };
  try {
    const { status } = await request('DELETE', `${entry.baseUrl}/${entry.kind}/${encodeURIComponent(entry.id)}`, entry.token, options);
    if (status === 404) {
      resourceLedger().remove(entry);
      return { ...base, outcome: 'already-gone' };
    }
    if (status >= 200 && status < 300) {
      resourceLedger().remove(entry);
      return { ...base, outcome: 'deleted' };
    }
    return { ...base, outcome: 'failed', detail: `DELETE answered ${status}` };
  } catch (error) {
    return { ...base, outcome: 'failed', detail: reason(error) };
  }
}

/** Groups first (they reference users), then users; each wave bounded by the limiter. */
async function deleteAll(entries: readonly LedgerEntry[], via: CleanupItem['via'], options: CleanupOptions, names?: Map<LedgerEntry, string>): Promise<CleanupItem[]> {
  const items: CleanupItem[] = [];
  for (const kind of ['Groups', 'Users'] as const) {
    const wave = entries.filter((e) => e.kind === kind);
    items.push(...(await Promise.all(wave.map((e) => deleteOne(e, via, options, names?.get(e))))));
  }
  return items;
}

/** Deletes what the ledger (and any extra entries, e.g. from a worker journal) still holds. */
export async function deleteOutstanding(entries: readonly LedgerEntry[], options: CleanupOptions): Promise<CleanupResult> {
  return { items: await deleteAll(entries, 'ledger', options), problems: [] };
}

/** Lists this run's resources by its prefix and deletes them; only names starting with the prefix are touched. */
export async function sweepRunPrefix(target: SweepTarget, prefix: string, options: CleanupOptions): Promise<CleanupResult> {
  if (!RUN_PREFIX_PATTERN.test(prefix)) return { items: [], problems: [`refusing to sweep with "${prefix}": not a run prefix`] };
  const problems: string[] = [];
  const found: LedgerEntry[] = [];
  const names = new Map<LedgerEntry, string>();
  const searches = [
    { kind: 'Groups' as const, attribute: 'displayName' },
    { kind: 'Users' as const, attribute: 'userName' },
  ];
  for (const { kind, attribute } of searches) {
    const filter = encodeURIComponent(`${attribute} sw "${prefix}"`);
    for (let page = 0, startIndex = 1; page < MAX_SWEEP_PAGES; page++) {
      const url = `${target.baseUrl}/${kind}?filter=${filter}&attributes=${attribute}&startIndex=${startIndex}&count=${LIST_PAGE}`;
      let listed: { status: number; text: string };
      try {
        listed = await request('GET', url, target.token, options);
      } catch (error) {
        problems.push(`sweep of ${kind}: ${reason(error)}`);
        break;
      }
      if (listed.status !== 200) {
        problems.push(`sweep of ${kind}: the list answered ${listed.status}`);
        break;
      }
      let body: { Resources?: unknown; totalResults?: unknown };
      try {
        body = JSON.parse(listed.text) as typeof body;
      } catch {
        problems.push(`sweep of ${kind}: the list is not JSON`);
        break;
      }
      const resources = Array.isArray(body.Resources) ? (body.Resources as Array<Record<string, unknown>>) : [];
      for (const resource of resources) {
        const id = resource['id'];
        const name = Object.entries(resource).find(([k]) => k.toLowerCase() === attribute.toLowerCase())?.[1];
        // The filter is the endpoint's; the decision is ours: only a name that starts with the run prefix.
        if (typeof id !== 'string' || typeof name !== 'string' || !name.toLowerCase().startsWith(prefix)) continue;
        const entry: LedgerEntry = { kind, id, baseUrl: target.baseUrl, token: target.token };
        found.push(entry);
        names.set(entry, name);
      }
      const total = typeof body.totalResults === 'number' ? body.totalResults : 0;
      startIndex += resources.length;
      if (resources.length === 0 || startIndex > total) break;
    }
  }
  return { items: await deleteAll(found, 'sweep', options, names), problems };
}
