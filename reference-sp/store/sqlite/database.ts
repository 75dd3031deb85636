/*
 * The one connection every port module of the SQLite store shares: the clock, transactions and group commit.
 *
 * - Every multi-statement write runs in one transaction (`transaction`): nothing half-written.
 * - Group commit: with synchronous=FULL every COMMIT fsyncs the WAL. Group commit shares that fsync between
 *   the writes of one event-loop turn: the first write opens a batch (BEGIN IMMEDIATE), each transaction()
 *   inside it is a SAVEPOINT (its own all-or-nothing unit: a failure rolls back that savepoint only), and the
 *   batch commits on setImmediate. Callers acknowledge a write only after `durable()` resolves, so
 *   "acknowledged ⇒ on disk" still holds; reads wait too, so nobody is shown data that could still vanish.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock.ts';
import { migrate } from '../migrations.ts';

export class SqliteDatabase {
  readonly db: Database;
  readonly clock: Clock;
  readonly schemaVersion: number;
  readonly #groupCommit: boolean;
  #batch: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;

  constructor(db: Database, clock: Clock, options: { groupCommit?: boolean } = {}) {
    this.db = db;
    this.clock = clock;
    this.#groupCommit = options.groupCommit ?? false;
    this.schemaVersion = migrate(db);
  }

  /** The clock's instant as stored in created/lastModified columns. */
  now(): string {
    return this.clock.now().toISOString();
  }

  transaction<T>(fn: () => T): T {
    if (this.#groupCommit && !this.db.inTransaction) this.#openBatch();
    return this.db.transaction(fn)();
  }

  durable(): Promise<void> {
    return this.#batch?.promise ?? Promise.resolve();
  }

  close(): void {
    if (!this.db.open) return;
    if (this.#batch) this.#commitBatch();
    this.db.close();
  }

  #openBatch(): void {
    this.db.exec('BEGIN IMMEDIATE');
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined); // observed through durable(); never an unhandled rejection
    this.#batch = { promise, resolve, reject };
    setImmediate(() => this.#commitBatch());
  }

  #commitBatch(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = undefined;
    try {
      if (!this.db.inTransaction) throw new Error('the batch was rolled back by SQLite');
      this.db.exec('COMMIT');
      batch.resolve();
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      batch.reject(e);
    }
  }
}

export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
