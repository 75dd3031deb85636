/*
 * The one replay store (migration 10): an ID is honoured once per kind and tenant until it expires, the kinds
 * never collide, the purge is bounded, and the IDs the two older tables held (accepted assertions, received
 * LogoutRequests) are still refused after a database of version 9 is migrated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from './migrations.ts';
import { openStore, storePathFor } from './open-store.ts';
import { SWEEP_BATCH } from './sp-state.ts';
import type { Store } from './types.ts';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe('the replay store', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('an ID of one kind does not make the same ID of another kind a replay', () => {
    expect(store.rememberOnce('saml-assertion', 'acme', '_id1', at(60), T0)).toBe(true);
    expect(store.rememberOnce('saml-logout-request', 'acme', '_id1', at(60), T0)).toBe(true);
    expect(store.rememberOnce('saml-assertion', 'acme', '_id1', at(60), at(1))).toBe(false);
    expect(store.rememberOnce('saml-logout-request', 'acme', '_id1', at(60), at(1))).toBe(false);
  });

  it('the purge sweeps expired IDs of every kind, a bounded batch per write', () => {
    store.transaction(() => {
      for (let i = 0; i < SWEEP_BATCH; i++) store.rememberOnce('saml-logout-request', 'acme', `_old${i}`, at(10), T0);
      for (let i = 0; i < SWEEP_BATCH; i++) store.rememberOnce('saml-assertion', 'acme', `_old${i}`, at(11), T0);
    });
    store.rememberOnce('saml-assertion', 'acme', '_new', at(1000), at(20)); // sweeps the logout IDs (earliest expiry)
    store.rememberOnce('saml-assertion', 'acme', '_new2', at(1000), at(20)); // then the assertion IDs
    expect(store.rememberOnce('saml-assertion', 'acme', `_old${SWEEP_BATCH - 1}`, at(1000), at(21))).toBe(true);
  });
});

describe('migration 10 moves the IDs of the two older tables into the replay store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sso-harness-replay-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an assertion and a LogoutRequest received before the upgrade are still refused after it', () => {
    const path = storePathFor(dir);
    const old = new Database(path);
    expect(
      migrate(
        old,
        migrations.filter((m) => m.version <= 9),
      ),
    ).toBe(9);
    old.prepare('INSERT INTO saml_assertion_ids (tenant_id, assertion_id, expires_at) VALUES (?, ?, ?)').run('acme', '_used', at(300).getTime());
    old.prepare('INSERT INTO saml_logout_received_ids (tenant_id, request_id, expires_at) VALUES (?, ?, ?)').run('acme', '_logout', at(300).getTime());
    old.close();

    const store = openStore({ path });
    try {
      expect(store.schemaVersion()).toBeGreaterThanOrEqual(10);
      expect(store.rememberOnce('saml-assertion', 'acme', '_used', at(300), at(10))).toBe(false);
      expect(store.rememberOnce('saml-logout-request', 'acme', '_logout', at(300), at(10))).toBe(false);
      expect(store.rememberOnce('saml-assertion', 'acme', '_logout', at(300), at(10))).toBe(true);
    } finally {
      store.close();
    }
  });
});
