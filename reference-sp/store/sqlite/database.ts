/*
 * The one connection every port module of the SQLite store shares: the clock, transactions and group commit.
 *
 * - Every multi-statement write runs in one transaction (`transaction`): nothing half-written.
 * - Group commit: with synchronous=FULL every COMMIT fsyncs the WAL. Group commit shares that fsync between
 *   the writes of one event-loop turn: the first write opens a batch (BEGIN IMMEDIATE), each transaction()
 *   inside it is a SAVEPOINT (its own all-or-nothing unit: a failure rolls back that savepoint only), and the
 *   batch commits on setImmediate. Callers acknowledge a write only after `durable()` resolves, so
 *   "acknowledged ⇒ on disk" still holds; reads wait too, so nobody is shown data that could still vanish.
 * - The fsync off the event loop (`walPath`): a file store commits with synchronous=NORMAL, which writes the
 *   WAL frames without syncing them, and the batch then fsyncs the WAL file on libuv's thread pool; the batch's
 *   promise resolves only after that fsync. Durability is the same as synchronous=FULL (the frames of every
 *   acknowledged commit are on stable storage; under NORMAL, SQLite still syncs the WAL before a checkpoint and
 *   the database after it, https://sqlite.org/pragma.html#pragma_synchronous), but the event loop no longer
 *   waits for the disk: under load, COMMIT's fsync was a fifth to a third of the SCIM server's samples.
 *   `durable()` also waits for an fsync still in flight, so a read never outruns the disk.
 */
import { fsync, openSync, closeSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock.ts';
import { migrate } from '../migrations.ts';

export class SqliteDatabase {
  readonly db: Database;
  readonly clock: Clock;
  readonly schemaVersion: number;
  readonly #groupCommit: boolean;
  readonly #walPath: string | undefined;
  #walFd: number | undefined;
  /** The latest fsync of the WAL that has not completed yet (resolves when it has). */
  #syncing: Promise<void> | undefined;
  #batch: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;

  constructor(db: Database, clock: Clock, options: { groupCommit?: boolean; walPath?: string | undefined } = {}) {
    this.db = db;
    this.clock = clock;
    this.#groupCommit = options.groupCommit ?? false;
    this.#walPath = this.#groupCommit ? options.walPath : undefined;
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
    return this.#batch?.promise ?? this.#syncing ?? Promise.resolve();
  }

  close(): void {
    if (!this.db.open) return;
    if (this.#batch) this.#commitBatch();
    this.db.close(); // a clean close checkpoints and syncs the database itself
    const fd = this.#walFd;
    this.#walFd = undefined;
    // The descriptor outlives an fsync still in flight on it.
    if (fd !== undefined) void (this.#syncing ?? Promise.resolve()).finally(() => closeSync(fd)).catch(() => undefined);
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
      if (this.#walPath === undefined) batch.resolve();
      else this.#syncWal().then(batch.resolve, batch.reject);
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      batch.reject(e);
    }
  }

  /** fsyncs the WAL file on the thread pool; every commit made before the call is on disk when it resolves. */
  #syncWal(): Promise<void> {
    const fd = (this.#walFd ??= openSync(this.#walPath!, 'r'));
    const done = new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
    const tracked = done.finally(() => {
      if (this.#syncing === tracked) this.#syncing = undefined;
    });
    tracked.catch(() => undefined); // observed through the batch and durable()
    this.#syncing = tracked;
    return done;
  }
}

export const isUniqueViolation = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
