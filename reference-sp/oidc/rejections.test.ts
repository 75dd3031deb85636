/*
 * Every refusal of the OIDC callback, each produced by exactly one deviation of a scripted OP
 * (./test-support/scripted-op.ts, tokens made with jose) over real HTTP, asserted by its code — and a good
 * sign-in first, so each refusal is the deviation's doing. A refusal never echoes token content.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './test-support/browser.ts';
import { type RunningRp, startRp, unusedSaml } from './test-support/rp.ts';
import { SCRIPTED_CLIENT, type Script, type ScriptedOp, startScriptedOp } from './test-support/scripted-op.ts';

let op: ScriptedOp;
let rp: RunningRp;

beforeAll(async () => {
  op = await startScriptedOp({ sub: 'alice', preferred_username: 'alice@example.com', email: 'alice@example.com', email_verified: true, name: 'Alice Doe' });
  rp = await startRp(() => [
    {
      id: 'acme',
      saml: unusedSaml(),
      oidc: { issuer: { discoveryUrl: op.issuer }, clientId: SCRIPTED_CLIENT.id, clientSecret: SCRIPTED_CLIENT.secret, requireEmailVerified: true, autoProvisioningEnabled: true },
    },
  ]);
});

afterAll(async () => {
  await rp?.close();
  await op?.close();
});

/** The callback URL the OP sends `browser` back to (login and authorize requested, the callback not yet). */
async function callbackUrl(browser: TestBrowser, script: Script = {}): Promise<string> {
  op.next = script;
  const login = await browser.request(`${rp.baseUrl}/oidc/acme/login`);
  const authorize = await browser.request(login.headers.get('location')!);
  return authorize.headers.get('location')!;
}

async function answer(browser: TestBrowser, url: string): Promise<{ status: number; error?: string; text: string }> {
  const res = await browser.request(url, { accept: 'application/json' });
  const text = await res.text();
  return { status: res.status, error: (JSON.parse(text) as { error?: string }).error, text };
}

const signIn = async (script: Script = {}) => {
  const browser = new TestBrowser();
  return answer(browser, await callbackUrl(browser, script));
};

const now = () => Math.floor(Date.now() / 1000);

describe('the OIDC callback', () => {
  it('signs alice in when nothing deviates', async () => {
    expect(await signIn()).toMatchObject({ status: 200, error: undefined });
  });

  describe('state (OIDC Core §3.1.2.7, RFC 6749 §10.12)', () => {
    it('refuses a response without state', async () => expect((await signIn({ dropState: true })).error).toBe('oidc/state'));

    it('refuses a state this SP never sent', async () => {
      const browser = new TestBrowser();
      const url = `${rp.baseUrl}/oidc/acme/callback?code=x&state=${randomBytes(32).toString('base64url')}`;
      expect(await answer(browser, url)).toMatchObject({ status: 400, error: 'oidc/state' });
    });

    it("refuses another browser's state, and leaves it to the right browser", async () => {
      const starter = new TestBrowser();
      const url = await callbackUrl(starter);
      expect((await answer(new TestBrowser(), url)).error).toBe('oidc/state');
      expect((await answer(starter, url)).status).toBe(200);
    });

    it('refuses a state used twice', async () => {
      const browser = new TestBrowser();
      const url = await callbackUrl(browser);
      expect((await answer(browser, url)).status).toBe(200);
      expect((await answer(browser, url)).error).toBe('oidc/state');
    });
  });

  it('refuses an authorization response from another issuer (RFC 9207 mix-up)', async () => {
    expect((await signIn({ responseIss: 'http://127.0.0.1:1/other-op' })).error).toBe('oidc/mix-up');
  });

  it("refuses the OP's error response, naming only its registered error code", async () => {
    const res = await signIn({ error: 'access_denied' });
    expect(res.error).toBe('oidc/idp-error');
    expect(JSON.parse(res.text).detail.actual).toBe('access_denied');
  });

  it('refuses when the token endpoint refuses the code (PKCE verifier mismatch)', async () => {
    expect((await signIn({ breakPkce: true })).error).toBe('oidc/token-refused');
  });

  describe('the ID token (OIDC Core §3.1.3.7)', () => {
    const cases: ReadonlyArray<[string, Script, string]> = [
      ['another issuer', { claims: { iss: 'http://evil.example' } }, 'oidc/iss-mismatch'],
      ['another audience', { claims: { aud: 'evil-client' } }, 'oidc/aud-mismatch'],
      ['extra audiences with another authorized party', { claims: { aud: [SCRIPTED_CLIENT.id, 'evil-client'], azp: 'evil-client' } }, 'oidc/azp'],
      ['expired', { claims: { iat: now() - 900, exp: now() - 600 } }, 'oidc/expired'],
      ['issued in the future', { claims: { iat: now() + 600, exp: now() + 900 } }, 'oidc/iat-future'],
      ['another nonce', { claims: { nonce: 'evil-nonce' } }, 'oidc/nonce'],
      ['no nonce', { omit: ['nonce'] }, 'oidc/nonce'],
      ['alg none', { alg: 'none' }, 'oidc/alg-refused'],
      ['HS256 keyed with the public key', { alg: 'HS256-public-key' }, 'oidc/alg-refused'],
      ['a bad signature', { badSignature: true }, 'oidc/signature-invalid'],
      ['email_verified false', { claims: { email_verified: false } }, 'oidc/email-unverified'],
      ['no login claim', { omit: ['preferred_username'] }, 'oidc/claims-missing'],
    ];
    it.each(cases)('refuses a token with %s', async (_what, script, code) => {
      const res = await signIn(script);
      expect(res.error).toBe(code);
      expect(res.text).not.toContain('evil');
    });
  });

  describe('the JWKS (OIDC Core §10.1.1)', () => {
    it('refuses an unknown kid after fetching the JWKS again exactly once', async () => {
      await signIn(); // the JWKS is kept from here
      const before = op.jwksFetches;
      expect((await signIn({ unpublishedKid: 'k9' })).error).toBe('oidc/unknown-kid');
      expect(op.jwksFetches - before).toBe(1);
    });

    it('signs in after a key rotation, with one JWKS fetch', async () => {
      await signIn();
      await op.rotate();
      const before = op.jwksFetches;
      expect((await signIn()).status).toBe(200);
      expect(op.jwksFetches - before).toBe(1);
    });
  });

  it('answers 404 tenant/unknown for a tenant without OIDC, never repeating its name', async () => {
    const res = await answer(new TestBrowser(), `${rp.baseUrl}/oidc/no-such-tenant/login`);
    expect(res).toMatchObject({ status: 404, error: 'tenant/unknown' });
    expect(res.text).not.toContain('no-such-tenant');
  });

  it('answers the refusal code of a Test Connection on the Test Connection route', async () => {
    const browser = new TestBrowser();
    op.next = { claims: { email_verified: false } };
    const start = await browser.request(`${rp.baseUrl}/oidc/acme/test-connection/start`);
    const authorize = await browser.request(start.headers.get('location')!);
    await answer(browser, authorize.headers.get('location')!);
    expect(await answer(browser, `${rp.baseUrl}/oidc/acme/test-connection`)).toMatchObject({ status: 403, error: 'oidc/email-unverified' });
  });
});
