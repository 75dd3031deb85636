/*
 * `idp token` and `idp oidc-discovery` in-process: the discovery document names the base URL's paths, the minted ID
 * token verifies against the JWKS the discovery document points at (jose), deviations show in the token, and bad
 * input ends with a stable code.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createMockIdp, systemClock } from '../../mock-idp/index.ts';
import { main } from '../main.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ssoh-idp-token-'));
const BASE = 'http://127.0.0.1:7000';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('sso-harness idp oidc-discovery', () => {
  it.each([
    ['generic', [], BASE, `${BASE}/oidc/jwks`],
    ['okta', [], `${BASE}/oauth2/default`, `${BASE}/oauth2/default/v1/keys`],
    ['entra', ['--tenant', 'contoso'], `${BASE}/contoso/v2.0`, `${BASE}/contoso/discovery/v2.0/keys`],
  ])('%s: the issuer and jwks_uri at the base URL', async (preset, extra, issuer, jwks) => {
    const r = await run(['idp', 'oidc-discovery', '--preset', preset, ...extra, '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect([doc['issuer'], doc['jwks_uri']]).toEqual([issuer, jwks]);
  });
});

describe('sso-harness idp token', () => {
  it('prints an ID token signed with the data directory’s key, for the client and user asked', async () => {
    const r = await run(['idp', 'token', '--issuer-preset', 'okta', '--client', '0oa-cli', '--user', 'alice@example.com', '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out) as { id_token: string; claims: Record<string, unknown> };
    const jwks = createMockIdp({ baseUrl: BASE, dataDir, clock: systemClock }).oidc.keys.jwks();
    const { payload } = await jwtVerify(printed.id_token, createLocalJWKSet(jwks), { issuer: `${BASE}/oauth2/default`, audience: '0oa-cli' });
    expect(payload['email']).toBe('alice@example.com');
    expect(payload['groups']).toEqual(['developers', 'admins']);
    expect(printed.claims).toEqual(payload);
  });

  it('--deviation changes the token as named', async () => {
    const r = await run([
      'idp',
      'token',
      '--issuer-preset',
      'generic',
      '--client',
      'c',
      '--user',
      'bob@example.com',
      '--deviation',
      'wrongAudience',
      '--deviation',
      'algNone',
      '--data-dir',
      dataDir,
    ]);
    const printed = JSON.parse(r.out) as { header: { alg: string }; claims: { aud: string } };
    expect([printed.header.alg, printed.claims.aud]).toEqual(['none', 'another-client']);
  });

  it('an unknown deviation is a usage error (exit 2, cli/invalid-value)', async () => {
    const r = await run(['idp', 'token', '--issuer-preset', 'okta', '--client', 'c', '--user', 'alice@example.com', '--deviation', 'wrongIsuer', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[cli/invalid-value]');
  });

  it('an unknown user ends with exit 1 and user/unknown', async () => {
    const r = await run(['idp', 'token', '--issuer-preset', 'okta', '--client', 'c', '--user', 'nobody@example.com', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[user/unknown]');
  });

  it('a code from another issuer is refused by the OP: exit 1, oidc/token-refused', async () => {
    const r = await run(['idp', 'token', '--issuer-preset', 'okta', '--client', 'c', '--user', 'alice@example.com', '--deviation', 'codeFromAnotherIssuer', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[oidc/token-refused]');
  });
});
