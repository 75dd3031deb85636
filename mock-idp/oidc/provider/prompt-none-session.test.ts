/*
 * prompt=none at the mock OpenID Provider (OIDC Core §3.1.2.1): answered without any page from the IdP session
 * the SAML side shares (a browser that signed in elsewhere), login_required without one, and login_required when
 * the session is older than max_age; the query rewrite itself leaves every other request alone.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as client from 'openid-client';
import { IDP_SESSION_COOKIE } from '../../server/idp-session.ts';
import { authorizationUrl, Browser, REDIRECT, type RunningOp, rp, startOp } from '../test-support/op-server.ts';
import { promptNoneFromIdpSession } from './prompt-none-session.ts';

let op: RunningOp;
let config: client.Configuration;
beforeAll(async () => {
  op = await startOp();
  op.idp.oidc.registerClient({ client_id: 'silent', client_secret: 'web-secret-123', redirect_uris: [REDIRECT] });
  config = await rp(op.base, 'silent', 'web-secret-123');
});
afterAll(() => op.close());
afterEach(() => vi.useRealTimers());

async function silently(browser: Browser, extra: Record<string, string> = {}) {
  const started = await authorizationUrl(config, { prompt: 'none', ...extra });
  const { callback, page } = await browser.walk(started.url.href, REDIRECT);
  return { callback, page, started };
}

describe('prompt=none', () => {
  it('signs in from an IdP session started elsewhere (SAML), without any page', async () => {
    const browser = new Browser();
    browser.jar.set(IDP_SESSION_COOKIE, op.idp.control.sessions.start('alice@contoso.example').id);
    const { callback, page, started } = await silently(browser);
    expect(page).toBeUndefined();
    const tokens = await client.authorizationCodeGrant(config, callback!, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce });
    expect(tokens.claims()!.sub).toBe('a1b2c3');
  });

  it('answers login_required at the redirect URI without an IdP session', async () => {
    const { callback, page } = await silently(new Browser());
    expect([page, callback?.searchParams.get('error')]).toEqual([undefined, 'login_required']);
  });

  it('answers login_required when the IdP session is older than max_age', async () => {
    const browser = new Browser();
    browser.jar.set(IDP_SESSION_COOKIE, op.idp.control.sessions.start('bob@contoso.example').id);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    const { callback, page } = await silently(browser, { max_age: '60' });
    expect([page, callback?.searchParams.get('error')]).toEqual([undefined, 'login_required']);
  });
});

describe('promptNoneFromIdpSession', () => {
  const live = () => true;
  it.each([
    ['?prompt=none&client_id=a', live, '?client_id=a'],
    ['?prompt=none&max_age=60', (m: number | undefined) => m === 60, '?max_age=60'],
    ['?prompt=none', () => false, '?prompt=none'],
    ['?prompt=login', live, '?prompt=login'],
    ['?prompt=none&prompt=none', live, '?prompt=none&prompt=none'],
    ['?prompt=none&max_age=x', live, '?prompt=none&max_age=x'],
    ['', live, ''],
  ])('%s', (query, session, expected) => {
    expect(promptNoneFromIdpSession(query, session)).toBe(expected);
  });
});
