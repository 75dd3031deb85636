import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertifyContext } from './attempt.ts';
import { driverFor } from './driver/factory.ts';
import { certifyIdp } from './idp.ts';
import { probeAttackSigning } from './signature-placement.ts';
import { resolveSp } from './target.ts';
import { startTrustingSp, type TrustingSp } from './test-support/trusting-sp.ts';

// One reference SP that trusts the certify IdP: `lenient` accepts an assertion signed alone, `strict` requires a
// signed Response as well (wantResponseSigned).
let sp: TrustingSp;

beforeAll(async () => {
  sp = await startTrustingSp({ lenient: {}, strict: { wantResponseSigned: true } });
});

afterAll(() => sp.close());

async function context(tenant: string): Promise<CertifyContext> {
  const target = sp.target(tenant);
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
