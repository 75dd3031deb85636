import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../mock-idp/index.ts';
import { browserSkipReason, CHROMIUM_PATH } from '../../../e2e/chromium.ts';
import { startReferenceSp, type InProcessReferenceSp } from '../../../steps/support/reference-sp-server.ts';
import { attemptSignIn, judge, type CertifyContext } from '../attempt.ts';
import { runBaseline } from '../baseline.ts';
import type { SamlCertifyTarget } from '../contract.ts';
import { certifyIdp } from '../idp.ts';
import { resolveSp } from '../target.ts';
import { BrowserDriver, closeSharedBrowser } from './browser.ts';

// The Chromium driver against the bundled reference SP: the baseline, an XSW attack and an off-site RelayState,
// each through a real browser (Debian's /usr/bin/chromium; skipped only where it is absent outside CI).
const skip = browserSkipReason();

describe.skipIf(skip !== undefined)('BrowserDriver (real Chromium)', () => {
  let sp: InProcessReferenceSp;
  let dataDir: string;
  let target: SamlCertifyTarget;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ssoh-browser-driver-'));
    const identities = { idp: { dataDir, port: 0 }, user: 'alice@example.com', victim: 'bob@example.com' };
    const idp = certifyIdp(identities);
    sp = await startReferenceSp({
      clock: systemClock,
      config: (origin) => ({ baseUrl: origin, tenants: [{ id: 'sso', saml: { idp: { metadataXml: idp.metadataXml() }, autoProvisioningEnabled: true } }] }),
    });
    const base = `${sp.origin}/saml/sso`;
    target = {
      ...identities,
      spMetadata: { url: `${base}/metadata` },
      loginUrl: `${base}/login`,
      whoami: { url: `${base}/me`, jsonPath: 'user.userName' },
      timeoutMs: 15_000,
      browser: { kind: 'chromium', executablePath: CHROMIUM_PATH },
    };
  });

  afterAll(async () => {
    await closeSharedBrowser();
    await sp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs the user in for the baseline, SP-initiated through the browser', async () => {
    const result = await runBaseline(target);
    expect(result.ok).toBe(true);
    expect(result.observation?.verdict).toEqual({ kind: 'accepted', as: 'alice@example.com', inferred: false });
  });

  async function attempt(deviations: Parameters<typeof attemptSignIn>[2]) {
    const resolved = await resolveSp(target);
    const ctx: CertifyContext = { target, sp: resolved, idp: certifyIdp(target, resolved) };
    const driver = new BrowserDriver(resolved, target.timeoutMs, ctx.idp.baseUrl, CHROMIUM_PATH);
    try {
      const made = await attemptSignIn(ctx, driver, deviations);
      return { made, judgement: await judge(ctx, driver, made.answer, { claimed: target.victim }) };
    } finally {
      await driver.close();
    }
  }

  it('reads who is signed in after an XSW3 attack: the victim is not', async () => {
    const { made, judgement } = await attempt({ deviations: [{ method: 'wrapSignature', args: ['XSW3', 'bob@example.com'] }] });
    expect(made.request?.binding).toBe('redirect');
    expect(made.answer?.status).toBe(403);
    expect(judgement.verdict).toEqual({ kind: 'refused', inferred: false });
  });

  it("records the SP's redirect to the RelayState after a sign-in", async () => {
    const { made, judgement } = await attempt({ relayState: '/saml/sso/me' });
    expect(made.answer?.status).toBe(303);
    expect(made.answer?.locations.map((l) => new URL(l, made.issued.action).pathname)).toEqual(['/saml/sso/me']);
    expect(judgement.verdict).toMatchObject({ kind: 'accepted-as-signed-identity', as: 'alice@example.com' });
  });
});
