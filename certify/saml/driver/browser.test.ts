import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, CHROMIUM_PATH } from '../../../e2e/chromium.ts';
import { attemptSignIn, judge, type CertifyContext } from '../attempt.ts';
import { runBaseline } from '../baseline.ts';
import type { SamlCertifyTarget } from '../contract.ts';
import { certifyIdp } from '../idp.ts';
import { resolveSp, type ResolvedSp } from '../target.ts';
import { startTrustingSp, type TrustingSp } from '../test-support/trusting-sp.ts';
import { BrowserDriver, closeSharedBrowser } from './browser.ts';

// The Chromium driver against the bundled reference SP: the baseline, an XSW attack and an off-site RelayState,
// each through a real browser (Debian's /usr/bin/chromium; skipped only where it is absent outside CI).
const skip = browserSkipReason();

describe.skipIf(skip !== undefined)('BrowserDriver (real Chromium)', () => {
  let sp: TrustingSp;
  let target: SamlCertifyTarget;

  beforeAll(async () => {
    sp = await startTrustingSp({ sso: {} });
    target = sp.target('sso', { timeoutMs: 15_000, browser: { kind: 'chromium', executablePath: CHROMIUM_PATH } });
  });

  afterAll(async () => {
    await closeSharedBrowser();
    await sp.close();
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

  it('reads an HTTP-POST binding AuthnRequest that the login page submits with JavaScript, without reaching the IdP', async () => {
    const request = Buffer.from(
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_post1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>',
    ).toString('base64');
    const page = `<html><body><form method="post" action="http://127.0.0.1:9/idp/sso"><input type="hidden" name="SAMLRequest" value="${request}"/><input type="hidden" name="RelayState" value="js"/></form><script>setTimeout(() => document.forms[0].submit(), 10)</script></body></html>`;
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const driver = new BrowserDriver({ authnRequestsSigned: false } as unknown as ResolvedSp, 10_000, 'http://127.0.0.1:7000', CHROMIUM_PATH);
    try {
      const seen = await driver.startSignIn(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/login`);
      expect(seen).toMatchObject({ binding: 'post', relayState: 'js', destination: 'http://127.0.0.1:9/idp/sso' });
      expect(seen.info.id).toBe('_post1');
    } finally {
      await driver.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("records the SP's redirect to the RelayState after a sign-in", async () => {
    const { made, judgement } = await attempt({ relayState: '/saml/sso/me' });
    expect(made.answer?.status).toBe(303);
    expect(made.answer?.locations.map((l) => new URL(l, made.issued.action).pathname)).toEqual(['/saml/sso/me']);
    expect(judgement.verdict).toMatchObject({ kind: 'accepted-as-signed-identity', as: 'alice@example.com' });
  });
});
