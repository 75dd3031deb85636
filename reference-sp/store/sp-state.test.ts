/*
 * The SAML side's state in SQLite (migration 4): AuthnRequests answered once and only by their browser,
 * assertion IDs refused until they expire, sessions found by the hash of their cookie; all of it still there
 * after the database is closed and reopened; expired rows swept a bounded batch at a time. Migration 6: each
 * request's purpose (sign-in or Test Connection) and the admin's Enable of a tenant's SSO.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, storePathFor } from './open-store.ts';
import { MAX_OUTSTANDING_REQUESTS_PER_TENANT, SWEEP_BATCH } from './sp-state.ts';
import type { Store } from './types.ts';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe('SP state in SQLite', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it("an AuthnRequest is answered with the purpose it was sent for, 'sign-in' unless said otherwise", () => {
    store.rememberAuthnRequest('acme', '_test', 'b', at(300), T0, 'test-connection');
    store.rememberAuthnRequest('acme', '_user', 'b', at(300), T0);
    expect(store.consumeAuthnRequest('acme', '_test', 'b', at(1))).toEqual({ match: 'consumed', purpose: 'test-connection' });
    expect(store.consumeAuthnRequest('acme', '_user', 'b', at(1))).toEqual({ match: 'consumed', purpose: 'sign-in' });
  });

  it("a tenant's SSO enablement is unset until the admin sets it, per tenant", () => {
    expect(store.getSsoEnabled('ninja')).toBeUndefined();
    store.setSsoEnabled('ninja', true, T0);
    expect(store.getSsoEnabled('ninja')).toBe(true);
    expect(store.getSsoEnabled('acme')).toBeUndefined();
    store.setSsoEnabled('ninja', false, at(1));
    expect(store.getSsoEnabled('ninja')).toBe(false);
  });

  it('an AuthnRequest is answered once, only with its binding, only before it expires', () => {
    store.rememberAuthnRequest('acme', '_r1', 'browser-a', at(300), T0);
    expect(store.consumeAuthnRequest('acme', '_r1', 'browser-b', at(1)).match).toBe('other-browser');
    expect(store.consumeAuthnRequest('acme', '_r1', null, at(1)).match).toBe('other-browser');
    expect(store.consumeAuthnRequest('globex', '_r1', 'browser-a', at(1)).match).toBe('unknown');
    expect(store.consumeAuthnRequest('acme', '_r1', 'browser-a', at(1)).match).toBe('consumed');
    expect(store.consumeAuthnRequest('acme', '_r1', 'browser-a', at(2)).match).toBe('unknown');
    store.rememberAuthnRequest('acme', '_r2', 'browser-a', at(300), T0);
    expect(store.consumeAuthnRequest('acme', '_r2', 'browser-a', at(300)).match).toBe('unknown');
  });

  it('an assertion ID is refused until its expiry, then may be recorded again', () => {
    expect(store.rememberOnce('saml-assertion', 'acme', '_a1', at(60), T0)).toBe(true);
    expect(store.rememberOnce('saml-assertion', 'acme', '_a1', at(60), at(59))).toBe(false);
    expect(store.rememberOnce('saml-assertion', 'globex', '_a1', at(60), at(1))).toBe(true);
    expect(store.rememberOnce('saml-assertion', 'acme', '_a1', at(120), at(60))).toBe(true);
  });

  it('a session is found by its id hash and tenant until it expires', () => {
    const session = {
      idHash: 'h1',
      tenantId: 'acme',
      userId: 'u1',
      userName: 'alice',
      attributes: { email: ['a@x'] },
      nameId: 'alice',
      createdAt: T0.toISOString(),
      expiresAt: at(3600).toISOString(),
    };
    store.saveSession(session, T0);
    expect(store.findSession('h1', 'acme', at(10))).toEqual(session);
    expect(store.findSession('h1', 'globex', at(10))).toBeUndefined();
    expect(store.findSession('h1', 'acme', at(3600))).toBeUndefined();
  });

  it('each write sweeps at most a bounded batch of expired rows', () => {
    store.transaction(() => {
      for (let i = 0; i < SWEEP_BATCH * 2; i++) store.rememberOnce('saml-assertion', 'acme', `_old${i}`, at(10), T0);
    });
    store.rememberOnce('saml-assertion', 'acme', '_new1', at(1000), at(20));
    // the first batch went; the second write sweeps the rest
    expect(store.rememberOnce('saml-assertion', 'acme', `_old${SWEEP_BATCH * 2 - 1}`, at(1000), at(21))).toBe(true);
  });

  it(`keeps at most ${MAX_OUTSTANDING_REQUESTS_PER_TENANT} outstanding AuthnRequests per tenant, forgetting the oldest`, () => {
    store.transaction(() => {
      for (let i = 0; i <= MAX_OUTSTANDING_REQUESTS_PER_TENANT; i++) store.rememberAuthnRequest('acme', `_r${i}`, 'b', at(300 + i), T0);
    });
    expect(store.consumeAuthnRequest('acme', '_r0', 'b', at(1)).match).toBe('unknown');
    expect(store.consumeAuthnRequest('acme', '_r1', 'b', at(1)).match).toBe('consumed');
    expect(store.consumeAuthnRequest('acme', `_r${MAX_OUTSTANDING_REQUESTS_PER_TENANT}`, 'b', at(1)).match).toBe('consumed');
  });
});

describe('SP state across a restart (close and reopen the same file)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sso-harness-sp-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps outstanding requests, accepted assertion IDs and sessions', async () => {
    const path = storePathFor(dir);
    const before = openStore({ path });
    before.rememberAuthnRequest('acme', '_pending', 'browser-a', at(300), T0, 'test-connection');
    before.setSsoEnabled('ninja', true, T0);
    before.rememberOnce('saml-assertion', 'acme', '_used', at(300), T0);
    before.saveSession(
      { idHash: 'h', tenantId: 'acme', userId: 'u', userName: 'alice', attributes: {}, nameId: undefined, createdAt: T0.toISOString(), expiresAt: at(3600).toISOString() },
      T0,
    );
    await before.durable();
    before.close();

    const after = openStore({ path });
    try {
      expect(after.rememberOnce('saml-assertion', 'acme', '_used', at(300), at(10))).toBe(false);
      expect(after.consumeAuthnRequest('acme', '_pending', 'browser-a', at(10))).toEqual({ match: 'consumed', purpose: 'test-connection' });
      expect(after.getSsoEnabled('ninja')).toBe(true);
      expect(after.findSession('h', 'acme', at(10))?.userName).toBe('alice');
    } finally {
      after.close();
    }
  });
});
