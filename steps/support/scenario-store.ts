/*
 * Every scenario's in-memory SQLite store, fresh and empty, without running the schema migrations each time.
 * Opening a ':memory:' store runs every migration (reference-sp/store/migrations.ts) before the first query: in
 * the feature suite that was a tenth of a scenario's start-up, paid by every scenario. Here the migrations run
 * once per process, on a template database, and each scenario's store is opened by openStore from a copy of the
 * template's image (better-sqlite3 `new Database(buffer)`, SQLite's sqlite3_deserialize): the same schema and
 * pragmas, no rows, nothing shared with any other scenario's store.
 * Stores kept in a file (a restart) go through openStore as they are.
 */
import type { Clock } from '../../reference-sp/clock.ts';
import { emptyStoreImage, openStore, type Store } from '../../reference-sp/store/index.ts';

let image: Buffer | undefined;

/** A new, empty in-memory store for one scenario (what openStore({ path: ':memory:' }) gives, made faster). */
export function openScenarioStore(clock: Clock): Store {
  return openStore({ path: ':memory:', clock, image: scenarioImage() });
}

/** The image every scenario's store starts from (the migrated, empty schema), made once per process. */
export function scenarioImage(): Buffer {
  image ??= emptyStoreImage();
  return image;
}
