/*
 * Every scenario's in-memory SQLite store, fresh and empty, without running the schema migrations each time.
 * Opening a ':memory:' store runs every migration (reference-sp/store/migrations.ts) before the first query: in
 * the feature suite that was a tenth of a scenario's start-up, paid by every scenario. Here the migrations run
 * once per process, on a template database, and each scenario gets its own copy, deserialized from the
 * template's image (better-sqlite3 `new Database(buffer)`, SQLite's sqlite3_deserialize): the same schema, no
 * rows, nothing shared with any other scenario's store.
 * The copy's connection gets the pragmas openStore sets on a ':memory:' store (pragmas are per connection, they do
 * not travel in the image), and createSqliteStore still checks the schema version (a no-op on a current image).
 * Stores kept in a file (a restart) still go through openStore.
 */
import Database from 'better-sqlite3';
import type { Clock } from '../../reference-sp/clock.ts';
import { createSqliteStore } from '../../reference-sp/store/sqlite-store.ts';
import type { Store } from '../../reference-sp/store/index.ts';

let image: Buffer | undefined;

/** The migrated, empty schema, made once per process. */
function templateImage(clock: Clock): Buffer {
  if (!image) {
    const template = new Database(':memory:');
    try {
      createSqliteStore(template, clock);
      image = template.serialize();
    } finally {
      template.close();
    }
  }
  return image;
}

/** A connection to a new copy of the template, with the pragmas openStore sets on a ':memory:' store. */
export function scenarioDatabase(clock: Clock): Database.Database {
  const db = new Database(templateImage(clock));
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A new, empty in-memory store for one scenario (what openStore({ path: ':memory:' }) gives, made faster). */
export function openScenarioStore(clock: Clock): Store {
  const db = scenarioDatabase(clock);
  try {
    return createSqliteStore(db, clock, { groupCommit: false });
  } catch (error) {
    db.close();
    throw error;
  }
}
