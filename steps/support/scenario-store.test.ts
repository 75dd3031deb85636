/*
 * A scenario's store copied from the migrated template behaves like a store openStore makes in memory, and shares
 * nothing with any other scenario's store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../reference-sp/clock.ts';
import { openStore, type Store } from '../../reference-sp/store/index.ts';
import { openDatabase } from '../../reference-sp/store/open-store.ts';
import { openScenarioStore, scenarioImage } from './scenario-store.ts';

const user = (userName: string) => ({
  userName,
  active: true,
  resource: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName },
});

describe('openScenarioStore', () => {
  const opened: Store[] = [];
  const open = (store: Store): Store => {
    opened.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });

  it('has every migration openStore applies', () => {
    expect(open(openScenarioStore(systemClock)).schemaVersion()).toBe(open(openStore({ path: ':memory:', clock: systemClock })).schemaVersion());
  });

  it('starts empty, whatever another scenario wrote', () => {
    const first = open(openScenarioStore(systemClock));
    first.ensureTenant('acme');
    first.insertUser('acme', user('alice@acme.test'));
    const second = open(openScenarioStore(systemClock));
    expect(second.getTenant('acme')).toBeUndefined();
    second.ensureTenant('acme');
    expect(second.countUsers('acme')).toBe(0);
    expect(first.countUsers('acme')).toBe(1);
  });

  it('sets the pragmas openStore sets on a memory store (pragmas do not travel in the image)', () => {
    const { db } = openDatabase({ path: ':memory:', image: scenarioImage() });
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });
});
