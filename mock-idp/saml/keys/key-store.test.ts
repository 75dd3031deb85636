import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { assertKeyPair, loadIdpKeys } from './key-store.ts';
import { IdpError } from '../errors.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const dir = mkdtempSync(join(tmpdir(), 'idp-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadIdpKeys', () => {
  it('generates keys into the data directory on first start and reuses them afterwards', () => {
    const first = loadIdpKeys({ dataDir: dir, clock });
    expect(readFileSync(join(dir, 'idp-signing.key.pem'), 'utf8')).toBe(first.signing.privateKeyPem);
    expect(readFileSync(join(dir, 'idp-signing.crt.pem'), 'utf8')).toBe(first.signing.certificatePem);
    const second = loadIdpKeys({ dataDir: dir, clock });
    expect(second.signing).toEqual(first.signing);
    expect(second.rogue).toEqual(first.rogue);
  });

  it('makes a 2048-bit self-signed certificate valid at the clock time, and a rogue pair that differs', () => {
    const keys = loadIdpKeys({ clock });
    const cert = new X509Certificate(keys.signing.certificatePem);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(new Date(cert.validFrom).getTime()).toBeLessThan(clock.now().getTime());
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(keys.rogue.certificatePem).not.toBe(keys.signing.certificatePem);
  });

  it('accepts supplied PEMs and refuses a certificate that does not belong to the key', () => {
    const keys = loadIdpKeys({ clock });
    expect(loadIdpKeys({ keys: { signing: keys.signing }, clock }).signing).toBe(keys.signing);
    const mismatched = { privateKeyPem: keys.signing.privateKeyPem, certificatePem: keys.rogue.certificatePem };
    expect(() => assertKeyPair(mismatched, 'x')).toThrow(IdpError);
    expect(() => loadIdpKeys({ keys: { signing: mismatched }, clock })).toThrow(expect.objectContaining({ code: 'keys/bad-pem' }));
  });
});
