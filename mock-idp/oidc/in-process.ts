/*
 * The OpenID Provider driven in-process, for the CLI (`idp oidc-discovery`, `idp token`): the mock IdP's app on an
 * ephemeral loopback port, addressed as if it were at its base URL (X-Forwarded-Host/-Proto, which the Providers
 * trust), so every URL in what it answers names the base URL. `mintIdToken` runs one real authorization code flow
 * with PKCE for a queued user (and deviations) and redeems the code with client_secret_basic: the token printed is
 * exactly what a relying party would receive.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { MockIdp } from '../server/create-mock-idp.ts';
import type { OidcDeviationInput } from './deviations/registry.ts';
import { opError } from './errors.ts';
import type { IssuerInput } from './op.ts';

type Fetcher = (url: string, init?: RequestInit) => Promise<globalThis.Response>;

async function withServer<T>(idp: MockIdp, run: (fetcher: Fetcher) => Promise<T>): Promise<T> {
  const server = createServer(idp.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const actual = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = new URL(idp.baseUrl);
  const cookies = new Map<string, string>();
  const fetcher: Fetcher = async (url, init = {}) => {
    const target = url.startsWith(idp.baseUrl) ? actual + url.slice(idp.baseUrl.length) : url;
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-host', base.host);
    headers.set('x-forwarded-proto', base.protocol.slice(0, -1));
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return res;
  };
  try {
    return await run(fetcher);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/** The discovery document of an issuer, as served at `{issuer}/.well-known/openid-configuration`. */
export function oidcDiscovery(idp: MockIdp, ref: IssuerInput): Promise<Record<string, unknown>> {
  const url = idp.oidc.discoveryUrl(ref);
  return withServer(idp, async (f) => (await (await f(url)).json()) as Record<string, unknown>);
}

export interface MintedIdToken {
  readonly idToken: string;
  readonly header: ProtectedHeaderParameters;
  readonly claims: JWTPayload;
}

const CLI_REDIRECT = 'http://127.0.0.1/sso-harness/callback';

/**
 * One sign-in of `user` at the issuer for `clientId` (registered as a confidential client when it is not, with the
 * given groups filter for Okta), the deviations queued; resolves to the ID token as the client receives it.
 * Refusals: user/unknown, oidc/unknown-deviation, …; the OP refusing the code (codeFromAnotherIssuer) is
 * oidc/token-refused with the OAuth error.
 */
export async function mintIdToken(
  idp: MockIdp,
  args: { issuer: IssuerInput; clientId: string; user: string; deviations?: readonly OidcDeviationInput[]; scope?: string },
): Promise<MintedIdToken> {
  const ref = typeof args.issuer === 'string' ? { preset: args.issuer } : args.issuer;
  const secret = randomBytes(24).toString('base64url');
  idp.oidc.registerClient({
    preset: ref.preset,
    ...(ref.authorizationServer ? { authorization_server: ref.authorizationServer } : {}),
    ...(ref.tenantId ? { tenant_id: ref.tenantId } : {}),
    client_id: args.clientId,
    client_secret: secret,
    redirect_uris: [CLI_REDIRECT],
    ...(ref.preset === 'okta' ? { groups_claim: { name: 'groups', filter: 'regex', value: '.*' } } : {}),
  });
  idp.oidc.setNextSignIn({ user: args.user, deviations: args.deviations });
  const discovery = await oidcDiscovery(idp, ref);
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(String(discovery['authorization_endpoint']));
  authorize.search = new URLSearchParams({
    client_id: args.clientId,
    response_type: 'code',
    redirect_uri: CLI_REDIRECT,
    scope: args.scope ?? 'openid profile email',
    state: randomBytes(16).toString('base64url'),
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return withServer(idp, async (f) => {
    let next = authorize.href;
    for (let i = 0; i < 10 && !next.startsWith(CLI_REDIRECT); i++) {
      const loc = (await f(next)).headers.get('location');
      if (!loc) throw opError('oidc/token-refused', 'the OP did not redirect back to the client');
      next = new URL(loc, next).href;
    }
    const callback = new URL(next);
    const code = callback.searchParams.get('code');
    if (!code) throw opError('oidc/token-refused', `the OP answered ${callback.searchParams.get('error') ?? 'without a code'}`);
    const res = await f(String(discovery['token_endpoint']), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(args.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CLI_REDIRECT, code_verifier: verifier }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (typeof body['id_token'] !== 'string') throw opError('oidc/token-refused', `the token endpoint answered ${String(body['error'] ?? res.status)}`);
    const idToken = body['id_token'];
    return { idToken, header: decodeProtectedHeader(idToken), claims: decodeJwt(idToken) };
  });
}
