/*
 * Test support: the mock IdP (both protocols) on a real loopback port, and a minimal browser (manual redirects,
 * a cookie jar) that walks an authorization request to the client's redirect URI. openid-client is the RP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { systemClock } from '../../clock.ts';
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import { createMockIdp, type MockIdp } from '../../server/create-mock-idp.ts';

export const alice: DirectoryUser = {
  id: 'a1b2c3',
  email: 'alice@example.com',
  givenName: 'Alice',
  surname: 'Liddell',
  displayName: 'Alice Liddell',
  login: 'alice@contoso.example',
  groups: ['Engineering', 'Dev-Eng', 'sonar-users'],
};
export const bob: DirectoryUser = { email: 'bob@example.com', givenName: 'Bob', surname: 'Builder', displayName: 'Bob Builder', login: 'bob@contoso.example', groups: [] };

export interface RunningOp {
  readonly idp: MockIdp;
  readonly base: string;
  close(): Promise<void>;
}

export async function startOp(options: { users?: DirectoryUser[]; dataDir?: string } = {}): Promise<RunningOp> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const idp = createMockIdp({ baseUrl: base, clock: systemClock, users: options.users ?? [alice, bob], dataDir: options.dataDir });
  server.on('request', idp.app);
  return { idp, base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A browser's cookie jar and redirect walk (no JavaScript). */
export class Browser {
  readonly jar = new Map<string, string>();

  async get(url: string): Promise<globalThis.Response> {
    return this.request(url, { method: 'GET' });
  }

  async request(url: string, init: RequestInit): Promise<globalThis.Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url` until one leaves for `stopAt` (the client's redirect URI); returns that URL, or the last page. */
  async walk(url: string, stopAt: string): Promise<{ callback?: URL; page?: globalThis.Response }> {
    let next = url;
    for (let i = 0; i < 10; i++) {
      if (next.startsWith(stopAt)) return { callback: new URL(next) };
      const res = await this.get(next);
      const loc = res.headers.get('location');
      if (!loc) return { page: res };
      next = new URL(loc, next).href;
    }
    throw new Error('too many redirects');
  }
}

export const REDIRECT = 'http://127.0.0.1:1/callback';

/** openid-client's Configuration for a client of the OP (discovery over plain http, allowed for loopback tests). */
export async function rp(issuer: string, clientId: string, secret?: string, method: 'basic' | 'post' = 'basic'): Promise<client.Configuration> {
  const auth = secret === undefined ? client.None() : method === 'basic' ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret);
  return client.discovery(new URL(issuer), clientId, { id_token_signed_response_alg: 'RS256' }, auth, { execute: [client.allowInsecureRequests] });
}

export interface Started {
  readonly url: URL;
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

export async function authorizationUrl(config: client.Configuration, extra: Record<string, string> = {}): Promise<Started> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}

/** One sign-in end to end with openid-client: authorization (queued user or IdP session), then the code grant. */
export async function signIn(config: client.Configuration, browser: Browser, extra: Record<string, string> = {}) {
  const started = await authorizationUrl(config, extra);
  const { callback } = await browser.walk(started.url.href, REDIRECT);
  if (!callback) throw new Error('the OP showed a page instead of redirecting back');
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
    expectedNonce: started.nonce,
    idTokenExpected: true,
  });
  return { tokens, started, callback };
}
