import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../mock-idp/index.ts';
import { startReferenceSp, type InProcessReferenceSp } from '../../steps/support/reference-sp-server.ts';
import type { CertifyContext } from './attempt.ts';
import type { SamlCertifyTarget } from './contract.ts';
import { driverFor } from './driver/factory.ts';
import { certifyIdp } from './idp.ts';
import { probeAttackSigning } from './signature-placement.ts';
import { resolveSp } from './target.ts';

// One reference SP that trusts the certify IdP: `lenient` accepts an assertion signed alone, `strict` requires a
// signed Response as well (wantResponseSigned).
let sp: InProcessReferenceSp;
let dataDir: string;
const identities = () => ({ idp: { dataDir, port: 0 }, user: 'alice@example.com', victim: 'bob@example.com' });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ssoh-placement-test-'));
  const idp = certifyIdp(identities());
  const saml = { idp: { metadataXml: idp.metadataXml() }, autoProvisioningEnabled: true };
  sp = await startReferenceSp({
    clock: systemClock,
    config: (origin) => ({
      baseUrl: origin,
      tenants: [
        { id: 'lenient', saml },
        { id: 'strict', saml: { ...saml, wantResponseSigned: true } },
      ],
    }),
  });
});

afterAll(async () => {
  await sp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function context(tenant: string): Promise<CertifyContext> {
  const base = `${sp.origin}/saml/${tenant}`;
  const target: SamlCertifyTarget = {
    ...identities(),
    spMetadata: { url: `${base}/metadata` },
    loginUrl: `${base}/login`,
    whoami: { url: `${base}/me`, jsonPath: 'user.userName' },
    timeoutMs: 10_000,
  };
  const resolved = await resolveSp(target);
  return { target, sp: resolved, idp: certifyIdp(target, resolved) };
}

describe('probeAttackSigning', () => {
  it('strips the Response signature when the SP signs in a response whose assertion alone is signed', async () => {
    const ctx = await context('lenient');
    const signing = await probeAttackSigning(ctx, () => driverFor(ctx.target, ctx.sp, ctx.idp.baseUrl), undefined);
    expect(signing.placement).toBe('assertion');
  });

  it('keeps both signatures when the SP requires a signed Response', async () => {
    const ctx = await context('strict');
    const signing = await probeAttackSigning(ctx, () => driverFor(ctx.target, ctx.sp, ctx.idp.baseUrl), undefined);
    expect(signing.placement).toBe('both');
  });
});
