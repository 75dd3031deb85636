/* The profile registry: dated names, family aliases to the newest, refusals naming the path and every choice. */
import { describe, expect, it } from 'vitest';
import { ProvisioningError } from '../errors.ts';
import type { ClientProfile } from './profile.ts';
import { profiles, ProfileRegistry } from './index.ts';

const fake = (name: string, family: string, date: string): ClientProfile => ({
  name,
  family,
  date,
  summary: name,
  sources: [],
  createClient: () => {
    throw new Error('not built in this test');
  },
});

describe('profile registry', () => {
  it('knows the dated Entra and Okta profiles, and each family alias means its newest profile', () => {
    expect(profiles.names).toEqual(expect.arrayContaining(['entra', 'okta', 'okta-aiw', 'entra-2024', 'entra-2025', 'okta-2024', 'okta-aiw-2024']));
    expect(profiles.resolve('entra').name).toBe('entra-2025');
    expect(profiles.resolve('okta').name).toBe('okta-2024');
    expect(profiles.resolve('OKTA-AIW').name).toBe('okta-aiw-2024');
    expect(profiles.resolve('entra-2024').defaultPatch).toBeUndefined();
    expect(profiles.resolve('entra-2025').defaultPatch).toBe('compliant');
  });

  it('cites at least one source for every profile, each documented or inferred', () => {
    for (const p of profiles.profiles) {
      expect(p.sources.length, p.name).toBeGreaterThan(0);
      for (const s of p.sources) expect(['documented', 'inferred']).toContain(s.kind);
    }
  });

  it('refuses an unknown name with config/invalid, naming the path and every accepted name', () => {
    let error: unknown;
    try {
      profiles.resolve('okta-1999', 'settings.client');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProvisioningError);
    expect((error as ProvisioningError).code).toBe('config/invalid');
    expect((error as ProvisioningError).problems[0]).toMatch(/^settings\.client must be one of entra, /);
  });

  it('a newer profile becomes the alias without touching the older one', () => {
    const r = new ProfileRegistry([fake('acme-2024', 'acme', '2024-01-01'), fake('acme-2026', 'acme', '2026-02-01')]);
    expect(r.resolve('acme').name).toBe('acme-2026');
    expect(r.resolve('acme-2024').name).toBe('acme-2024');
  });

  it('refuses a badly named or duplicated profile at start-up', () => {
    expect(() => new ProfileRegistry([fake('acme', 'acme', '2024-01-01')])).toThrow(/<family>-<year>/);
    expect(() => new ProfileRegistry([fake('acme-2024', 'acme', '2024-01-01'), fake('acme-2024', 'acme', '2024-01-01')])).toThrow(/twice/);
  });
});
