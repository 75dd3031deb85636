import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBaseline } from './baseline.ts';
import type { SamlCertifyTarget } from './contract.ts';
import { certifyIdp } from './idp.ts';
import { startTrustingSp, type TrustingSp } from './test-support/trusting-sp.ts';

// One reference SP with two tenants that trust the certify IdP: `sso` starts its own sign-ins, `unsolicited`
// also accepts IdP-initiated ones.
let sp: TrustingSp;
const target = (tenant: string, rest?: Partial<SamlCertifyTarget>): SamlCertifyTarget => sp.target(tenant, rest);

beforeAll(async () => {
  sp = await startTrustingSp({ sso: {}, unsolicited: { allowUnsolicited: true } });
});

afterAll(() => sp.close());

describe('runBaseline', () => {
  it('signs the user in SP-initiated, read by the whoami URL', async () => {
    const result = await runBaseline(target('sso'));
    expect(result.ok).toBe(true);
    expect(result.observation?.verdict).toEqual({ kind: 'accepted', as: 'alice@example.com', inferred: false });
  });

  it('signs the user in IdP-initiated when there is no login URL', async () => {
    const { loginUrl: _none, ...withoutLogin } = target('unsolicited');
    expect((await runBaseline(withoutLogin)).ok).toBe(true);
  });

  it('without a whoami URL, tells a sign-in from a garbage POST and marks the verdict inferred', async () => {
    const { whoami: _none, ...withoutWhoami } = target('sso');
    const result = await runBaseline(withoutWhoami);
    expect(result.ok).toBe(true);
    expect(result.observation?.verdict).toEqual({ kind: 'accepted', as: null, inferred: true });
    expect(result.observation?.signedIn.setCookieNames).not.toEqual(result.observation?.garbage.setCookieNames);
  });

  it('fails with a diagnosis when the SP does not trust the IdP that signs', async () => {
    const result = await runBaseline(target('sso', { idp: { dataDir: target('sso').idp.dataDir, port: 7999, entityId: 'https://not-the-trusted-idp.example/metadata' } }));
    expect(result).toMatchObject({ ok: false, code: 'certify-saml/baseline-failed' });
    expect(result.diagnosis).toContain('HTTP 403');
    expect(result.diagnosis).toContain('http://127.0.0.1:7999/metadata');
  });

  it('fails with a diagnosis when the login URL leads to no AuthnRequest', async () => {
    const result = await runBaseline(target('sso', { loginUrl: `${sp.origin}/` }));
    expect(result).toMatchObject({ ok: false, code: 'certify-saml/no-authn-request' });
  });

  it('fails when the AuthnRequest is not signed by the certificate the metadata publishes', async () => {
    const real = await (await fetch(`${sp.origin}/saml/sso/metadata`)).text();
    const stranger = certifyIdp({ ...target('sso'), idp: { dataDir: mkdtempSync(join(tmpdir(), 'ssoh-stranger-')), port: 0 } }).keys.signing.certificatePem;
    const body = stranger.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    const xml = real.replace(/(<md:KeyDescriptor use="signing">[\s\S]*?<ds:X509Certificate>)[^<]*/, `$1${body}`);
    expect(xml).not.toBe(real);
    const result = await runBaseline(target('sso', { spMetadata: { xml } }));
    expect(result).toMatchObject({ ok: false, code: 'certify-saml/bad-authn-request' });
  });

  it('refuses a target with bad options, naming each problem', async () => {
    await expect(runBaseline({ ...target('sso'), victim: 'alice@example.com', timeoutMs: 0 })).rejects.toMatchObject({ code: 'certify-saml/bad-target' });
  });
});
