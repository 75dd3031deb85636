import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IdpError } from '../errors.ts';
import { loadIdpKeys } from './key-store.ts';
import { fingerprint } from './signing-key-ring.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'idp-ring-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'done';
  } catch (e) {
    return e instanceof IdpError ? `${e.status} ${e.code}` : 'other';
  }
};

describe('SigningKeyRing: steady → rolling → activated → steady (saml-metadata §2.4.1.1)', () => {
  it('publishes the new key before signing with it, keeps the old one published after, then drops it', () => {
    const keys = loadIdpKeys({ keys: { signing: loadIdpKeys({ clock }).signing }, clock });
    const ring = keys.ring!;
    const old = keys.signing;
    expect(ring.state()).toMatchObject({ phase: 'steady', published: [{ role: 'active' }] });

    ring.rollover();
    const next = ring.published[1]!;
    expect(ring.phase).toBe('rolling');
    expect(keys.signing).toBe(old);
    expect(ring.published).toEqual([old, next]);

    ring.activate();
    expect(ring.phase).toBe('activated');
    expect(keys.signing).toBe(next);
    expect(ring.published).toEqual([next, old]);
    expect(ring.state().active).toBe(fingerprint(next.certificatePem));

    ring.retire();
    expect(ring.phase).toBe('steady');
    expect(ring.published).toEqual([next]);
    expect(ring.retired).toBe(old);
  });

  it('refuses an operation out of phase with a stable code (409)', () => {
    const ring = loadIdpKeys({ keys: { signing: loadIdpKeys({ clock }).signing }, clock }).ring!;
    expect(codeOf(() => ring.activate())).toBe('409 keys/nothing-to-activate');
    expect(codeOf(() => ring.retire())).toBe('409 keys/nothing-to-retire');
    ring.rollover();
    expect(codeOf(() => ring.rollover())).toBe('409 keys/rollover-in-progress');
    expect(codeOf(() => ring.retire())).toBe('409 keys/nothing-to-retire');
    ring.activate();
    expect(codeOf(() => ring.rollover())).toBe('409 keys/rollover-in-progress');
    expect(codeOf(() => ring.activate())).toBe('409 keys/nothing-to-activate');
  });

  it('keeps every phase in the data directory across a restart', () => {
    const dir = scratch();
    const first = loadIdpKeys({ dataDir: dir, clock });
    const original = first.signing;
    first.ring!.rollover();
    const rolling = loadIdpKeys({ dataDir: dir, clock });
    expect(rolling.ring!.phase).toBe('rolling');
    expect(rolling.signing).toEqual(original);
    const next = rolling.ring!.published[1]!;

    rolling.ring!.activate();
    const activated = loadIdpKeys({ dataDir: dir, clock });
    expect(activated.ring!.phase).toBe('activated');
    expect(activated.signing).toEqual(next);
    expect(readFileSync(join(dir, 'idp-signing.crt.pem'), 'utf8')).toBe(next.certificatePem);

    activated.ring!.retire();
    expect(existsSync(join(dir, 'idp-signing-previous.key.pem'))).toBe(false);
    expect(loadIdpKeys({ dataDir: dir, clock }).ring!.published).toEqual([next]);
  });

  it('finishes an activation interrupted between its two renames', () => {
    const dir = scratch();
    const keys = loadIdpKeys({ dataDir: dir, clock });
    keys.ring!.rollover();
    const next = keys.ring!.published[1]!;
    for (const part of ['key', 'crt']) renameSync(join(dir, `idp-signing.${part}.pem`), join(dir, `idp-signing-previous.${part}.pem`));
    const reloaded = loadIdpKeys({ dataDir: dir, clock });
    expect(reloaded.signing).toEqual(next);
    expect(reloaded.ring!.phase).toBe('activated');
  });
});
