/*
 * openStore: the one way to get a Store.
 * - `path` is a database file (its directory is created) or ':memory:' (tests).
 * - WAL: a write acknowledged after `durable()` survives kill -9 and an OS crash. With group commit (a file) the
 *   COMMIT runs with synchronous=NORMAL and the WAL is fsynced off the event loop before `durable()` resolves
 *   (./sqlite/database.ts); without it, synchronous=FULL fsyncs inside COMMIT.
 * - foreign_keys on: memberships cascade when their group goes.
 * - a ':memory:' store may start from the image of a migrated, empty one (emptyStoreImage): no migrations run.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock, type Clock } from '../clock.ts';
import { createSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

export interface OpenStoreOptions {
  /** A file path, or ':memory:'. */
  readonly path: string;
  /** Drives created/lastModified timestamps; defaults to the system clock. */
  readonly clock?: Clock;
  /**
   * Share one fsync between the writes of an event-loop turn; callers await `store.durable()` before
   * acknowledging. Default: on for a file, off for ':memory:' (nothing to fsync).
   */
  readonly groupCommit?: boolean;
  /**
   * ':memory:' only: start from a copy of this image of a migrated, empty store (emptyStoreImage()) instead of
   * running every migration again — what the feature suite does for each scenario's store.
   */
  readonly image?: Buffer;
}

/** The database file inside a data directory; ':memory:' stays ':memory:'. */
export const storePathFor = (dataDir: string): string => (dataDir === ':memory:' ? ':memory:' : join(dataDir, 'reference-sp.sqlite'));

/**
 * The connection a store runs on, with its pragmas set (they are per connection: an image does not carry them).
 * `walPath`: where group commit fsyncs, when it is on.
 */
export function openDatabase(options: Omit<OpenStoreOptions, 'clock'>): { db: Database.Database; groupCommit: boolean; walPath: string | undefined } {
  const memory = options.path === ':memory:';
  if (options.image && !memory) throw new TypeError('openStore: an image opens only as a :memory: store');
  if (!memory) mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.image ?? options.path);
  try {
    if (!memory) db.pragma('journal_mode = WAL');
    const groupCommit = options.groupCommit ?? !memory;
    const walPath = !memory && groupCommit ? `${options.path}-wal` : undefined;
    db.pragma(walPath ? 'synchronous = NORMAL' : 'synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return { db, groupCommit, walPath };
  } catch (e) {
    db.close();
    throw e;
  }
}

export function openStore(options: OpenStoreOptions): Store {
  const { db, groupCommit, walPath } = openDatabase(options);
  try {
    // createSqliteStore migrates; on a current image that is only the version check.
    return createSqliteStore(db, options.clock ?? systemClock, { groupCommit, walPath });
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The image (Database#serialize) of a migrated, empty store, for openStore({ path: ':memory:', image }). */
export function emptyStoreImage(): Buffer {
  const { db } = openDatabase({ path: ':memory:' });
  try {
    createSqliteStore(db, systemClock);
    return db.serialize();
  } finally {
    db.close();
  }
}
