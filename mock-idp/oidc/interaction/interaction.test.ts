/*
 * The OpenID Provider's login interaction over HTTP: the login page, the IdP session shared with the SAML side
 * (both ways), prompt=login and max_age forcing the page (OIDC Core §3.1.2.1), and the queued sign-in.
 */
import * as client from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDP_SESSION_COOKIE } from '../../server/idp-session.ts';
import { authorizationUrl, Browser, REDIRECT, type RunningOp, rp, startOp } from '../test-support/op-server.ts';

let op: RunningOp;
let config: client.Configuration;
beforeAll(async () => {
  op = await startOp();
  op.idp.oidc.registerClient({ preset: 'generic', client_id: 'web', client_secret: 'web-secret-123', redirect_uris: [REDIRECT] });
  config = await rp(op.base, 'web', 'web-secret-123');
});
afterAll(() => op.close());
afterEach(() => vi.useRealTimers());

/** Walks an authorization request; returns the login page's form action, or the callback when no page was shown. */
async function authorize(browser: Browser, extra: Record<string, string> = {}) {
  const started = await authorizationUrl(config, extra);
  const { callback, page } = await browser.walk(started.url.href, REDIRECT);
  const html = page ? await page.text() : undefined;
  const action = html ? /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') : undefined;
  return { started, callback, html, action };
}

async function submit(browser: Browser, action: string, user: string) {
  const res = await browser.request(new URL(action, op.base).href, {
    method: 'POST',
    body: new URLSearchParams({ user }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return browser.walk(new URL(res.headers.get('location')!, op.base).href, REDIRECT);
}

describe('the login page', () => {
  it('lists the directory users with the claims this client would get, and signing in there starts an IdP session', async () => {
    const browser = new Browser();
    const first = await authorize(browser);
    expect(first.callback).toBeUndefined();
    expect(first.html).toContain('data-login="alice@contoso.example"');
    expect(first.html).toContain('alice@example.com');
    const { callback } = await submit(browser, first.action!, 'alice@contoso.example');
    const tokens = await client.authorizationCodeGrant(config, callback!, {
      pkceCodeVerifier: first.started.verifier,
      expectedState: first.started.state,
      expectedNonce: first.started.nonce,
    });
    expect(tokens.claims()!.sub).toBe('a1b2c3');
    // the SAML side sees the same session: a SAML request from this browser is answered without the page
    expect(op.idp.control.sessions.find(browser.jar.get(IDP_SESSION_COOKIE))?.login).toBe('alice@contoso.example');
  });

  it('a browser signed in on the SAML login page is signed in for OIDC too, without the page', async () => {
    const browser = new Browser();
    const started = op.idp.control.sessions.start('bob@contoso.example');
    browser.jar.set(IDP_SESSION_COOKIE, started.id);
    const { callback } = await authorize(browser);
    expect(callback?.searchParams.get('code')).toBeTruthy();
  });

  it('prompt=login shows the page despite a live IdP session', async () => {
    const browser = new Browser();
    browser.jar.set(IDP_SESSION_COOKIE, op.idp.control.sessions.start('bob@contoso.example').id);
    const { callback, action } = await authorize(browser, { prompt: 'login' });
    expect([callback, typeof action]).toEqual([undefined, 'string']);
  });

  it('max_age older than the IdP session’s sign-in shows the page; a fresh enough one does not', async () => {
    const browser = new Browser();
    browser.jar.set(IDP_SESSION_COOKIE, op.idp.control.sessions.start('bob@contoso.example').id);
    expect((await authorize(browser, { max_age: '3600' })).callback).toBeDefined();
    const later = new Browser();
    later.jar.set(IDP_SESSION_COOKIE, browser.jar.get(IDP_SESSION_COOKIE)!);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    const stale = await authorize(later, { max_age: '60' });
    expect([stale.callback, typeof stale.action]).toEqual([undefined, 'string']);
  });

  it('a queued sign-in answers without the page, even in a browser with another user’s session', async () => {
    const browser = new Browser();
    browser.jar.set(IDP_SESSION_COOKIE, op.idp.control.sessions.start('bob@contoso.example').id);
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const { callback, started } = await authorize(browser);
    const tokens = await client.authorizationCodeGrant(config, callback!, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce });
    expect(tokens.claims()!.sub).toBe('a1b2c3');
    expect(op.idp.oidc.nextSignIn()).toBeNull();
  });

  it('RP-initiated logout: the confirm page posts at once, lands on the post-logout URI and ends the IdP session', async () => {
    op.idp.oidc.registerClient({ client_id: 'web2', client_secret: 'web-secret-123', redirect_uris: [REDIRECT], post_logout_redirect_uris: ['http://127.0.0.1:1/bye'] });
    const config2 = await rp(op.base, 'web2', 'web-secret-123');
    const browser = new Browser();
    browser.jar.set(IDP_SESSION_COOKIE, op.idp.control.sessions.start('bob@contoso.example').id);
    const started = await authorizationUrl(config2);
    const { callback } = await browser.walk(started.url.href, REDIRECT);
    const tokens = await client.authorizationCodeGrant(config2, callback!, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce });
    const end = client.buildEndSessionUrl(config2, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'http://127.0.0.1:1/bye' });
    const page = await (await browser.get(end.href)).text();
    const action = /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"|<form[^>]*action="([^"]+)"[^>]*id="op.logoutForm"/.exec(page);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    const res = await browser.request(action![1] ?? action![2]!, {
      method: 'POST',
      body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.headers.get('location')).toBe('http://127.0.0.1:1/bye');
    expect(op.idp.control.sessions.find(browser.jar.get(IDP_SESSION_COOKIE))).toBeUndefined();
  });

  it('an unknown or expired interaction is a refusal with a stable code, not a 500', async () => {
    const res = await fetch(`${op.base}/oidc/interaction/nope`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('oidc/interaction-unknown');
  });
});
