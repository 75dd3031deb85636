/*
 * The ledger of what this run created on an endpoint, process-wide: the SCIM stage and the certify
 * EndpointDriver record a resource when a create succeeds and drop it when it is deleted (or found gone).
 * Whatever is still in it when a run is interrupted is deleted by the runner (./cleanup.ts).
 * - keyed by endpoint base URL, kind and id; the token used to delete is kept in memory only;
 * - cucumber workers are other processes: given a journal (`worldParameters.scim.ledgerFile`), every change is
 *   also appended to it (JSON lines, no token), which the runner replays (`replayJournal`);
 * - an in-process server that is stopped takes its data with it: `forgetOrigin` drops its entries.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export type LedgerKind = 'Users' | 'Groups';

export interface LedgerEntry {
  readonly kind: LedgerKind;
  readonly id: string;
  /** SCIM base URL the resource lives under (no trailing slash). */
  readonly baseUrl: string;
  /** Bearer token to delete it with; absent for entries replayed from a worker's journal. */
  readonly token?: string | null;
}

type JournalLine =
  | { readonly op: 'add'; readonly kind: LedgerKind; readonly id: string; readonly baseUrl: string }
  | { readonly op: 'remove'; readonly kind: LedgerKind; readonly id: string; readonly baseUrl: string }
  | { readonly op: 'forget-origin'; readonly origin: string };

const keyOf = (e: Pick<LedgerEntry, 'kind' | 'id' | 'baseUrl'>): string => `${e.baseUrl.replace(/\/+$/, '')}\n${e.kind}\n${e.id}`;

export class ResourceLedger {
  readonly #entries = new Map<string, LedgerEntry>();

  constructor(readonly journal: string | undefined = undefined) {}

  record(entry: LedgerEntry): void {
    const normal = { ...entry, baseUrl: entry.baseUrl.replace(/\/+$/, '') };
    this.#entries.set(keyOf(normal), normal);
    this.#write({ op: 'add', kind: normal.kind, id: normal.id, baseUrl: normal.baseUrl });
  }

  remove(entry: Pick<LedgerEntry, 'kind' | 'id' | 'baseUrl'>): void {
    const baseUrl = entry.baseUrl.replace(/\/+$/, '');
    if (this.#entries.delete(keyOf({ ...entry, baseUrl }))) this.#write({ op: 'remove', kind: entry.kind, id: entry.id, baseUrl });
  }

  /** Drops every entry of a server that has been stopped (its in-memory data is gone with it). */
  forgetOrigin(origin: string): void {
    for (const [key, entry] of this.#entries) if (entry.baseUrl.startsWith(origin)) this.#entries.delete(key);
    this.#write({ op: 'forget-origin', origin });
  }

  /** What is still to be deleted, newest last. */
  outstanding(): LedgerEntry[] {
    return [...this.#entries.values()];
  }

  get size(): number {
    return this.#entries.size;
  }

  #write(line: JournalLine): void {
    if (this.journal === undefined) return;
    try {
      appendFileSync(this.journal, `${JSON.stringify(line)}\n`);
    } catch {
      // The journal is a safety net for workers; the sweep by run prefix still catches what it misses.
    }
  }
}

/** Entries a journal (written by cucumber worker processes) still holds; unparsable lines are ignored. */
export function replayJournal(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  const entries = new Map<string, LedgerEntry>();
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      continue;
    }
    if (line.op === 'add') entries.set(keyOf(line), { kind: line.kind, id: line.id, baseUrl: line.baseUrl });
    else if (line.op === 'remove') entries.delete(keyOf(line));
    else if (line.op === 'forget-origin') for (const [key, e] of entries) if (e.baseUrl.startsWith(line.origin)) entries.delete(key);
  }
  return [...entries.values()];
}

const KEY = Symbol.for('sso-harness.resource-ledger');
type Global = { [KEY]?: ResourceLedger };

/**
 * The process-wide ledger. Given a journal (the run's ledger file) it journals there from now on, keeping what it
 * holds; without one it is the ledger as it stands.
 */
export function resourceLedger(journal?: string): ResourceLedger {
  const g = globalThis as Global;
  if (!g[KEY] || (journal !== undefined && g[KEY].journal !== journal)) {
    const previous = g[KEY]?.outstanding() ?? [];
    g[KEY] = new ResourceLedger(journal);
    for (const entry of previous) g[KEY].record(entry);
  }
  return g[KEY];
}

/** Records a create or a delete seen on the wire: a 2xx create adds, a 2xx or 404 DELETE of /Users|/Groups/{id} removes. */
export function noteExchange(method: string, url: string, status: number, createdId: unknown, token: string | null, journal?: string): void {
  const ledger = resourceLedger(journal);
  const path = new URL(url);
  const match = /^(.*)\/(Users|Groups)(?:\/([^/]+))?\/?$/.exec(path.pathname);
  if (!match) return;
  const baseUrl = `${path.origin}${match[1]}`;
  const kind = match[2] as LedgerKind;
  if (method === 'POST' && match[3] === undefined && status >= 200 && status < 300 && typeof createdId === 'string' && createdId !== '') {
    ledger.record({ kind, id: createdId, baseUrl, token });
  } else if (method === 'DELETE' && match[3] !== undefined && ((status >= 200 && status < 300) || status === 404)) {
    ledger.remove({ kind, id: decodeURIComponent(match[3]), baseUrl });
  }
}
