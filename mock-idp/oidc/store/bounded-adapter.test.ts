/* The OP's storage adapter: artefacts expire with their TTL, the store never grows past its bound, grants revoke their members. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundedStore, MAX_ENTRIES } from './bounded-adapter.ts';

afterEach(() => vi.useRealTimers());

describe('BoundedStore', () => {
  it('forgets an artefact once its expiresIn has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const codes = new BoundedStore(() => undefined).adapterFor('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g' }, 60);
    expect(await codes.find('c1')).toBeDefined();
    vi.setSystemTime(Date.now() + 61_000);
    expect(await codes.find('c1')).toBeUndefined();
  });

  it(`keeps at most ${MAX_ENTRIES} entries, dropping the oldest`, async () => {
    const store = new BoundedStore(() => undefined);
    const sessions = store.adapterFor('Interaction');
    for (let i = 0; i < MAX_ENTRIES + 50; i++) await sessions.upsert(`i${i}`, {}, 600);
    expect(store.size).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(await sessions.find('i0')).toBeUndefined();
    expect(await sessions.find(`i${MAX_ENTRIES + 49}`)).toBeDefined();
  });

  it('revokeByGrantId drops every artefact of the grant; clients come from the registry', async () => {
    const store = new BoundedStore((id) => (id === 'known' ? { client_id: 'known' } : undefined));
    const tokens = store.adapterFor('RefreshToken');
    await tokens.upsert('t1', { grantId: 'g1' }, 600);
    await tokens.upsert('t2', { grantId: 'g2' }, 600);
    await tokens.revokeByGrantId('g1');
    expect([await tokens.find('t1'), await tokens.find('t2')].map(Boolean)).toEqual([false, true]);
    expect(await store.adapterFor('Client').find('known')).toEqual({ client_id: 'known' });
    expect(await store.adapterFor('Client').find('other')).toBeUndefined();
  });
});
