/*
 * Cross-check: the reference RP signs a user in through an independent OpenID Provider — panva's oidc-provider 9
 * configured plainly here (no preset, not the mock IdP) — over real HTTP on loopback: discovery, the code flow
 * with PKCE, the ID token checked against the OP's JWKS, userinfo for the profile claims (this OP keeps them out
 * of the ID token), JIT and group sync, refresh, the Test Connection JSON, and RP-initiated logout — for a tenant
 * that signs in with OpenID Connect only, whose SAML routes answer 404 tenant/no-saml.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './test-support/browser.ts';
import { closeServer, type RunningRp, startRp, unusedSaml } from './test-support/rp.ts';

const CLIENT_ID = 'sonarqube-cloud';
const CLIENT_SECRET = 'a-secret-of-the-web-application';

let rp: RunningRp;
let opUrl: string;
let opServer: ReturnType<typeof createServer>;

beforeAll(async () => {
  opServer = createServer();
  await new Promise<void>((resolve) => opServer.listen(0, '127.0.0.1', resolve));
  opUrl = `http://127.0.0.1:${(opServer.address() as { port: number }).port}`;
  rp = await startRp(() => [
    {
      // OpenID Connect only, as a SonarQube Cloud organization set up with Okta OIDC (../config/oidc-only.ts).
      id: 'sonar',
      profile: 'sonarqube',
      oidc: {
        issuer: { discoveryUrl: opUrl },
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        requireEmailVerified: true,
        groupSync: { organizations: [{ key: 'OrgA', groups: ['developers'] }] },
      },
    },
    {
      id: 'post',
      saml: unusedSaml(),
      oidc: {
        issuer: { discoveryUrl: `${opUrl}/.well-known/openid-configuration` },
        clientId: 'post-client',
        clientSecret: CLIENT_SECRET,
        tokenEndpointAuthMethod: 'client_secret_post',
      },
    },
  ]);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(opUrl, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${rp.baseUrl}/oidc/sonar/callback`],
        post_logout_redirect_uris: [`${rp.baseUrl}/oidc/sonar/logged-out`],
        grant_types: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: 'post-client',
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${rp.baseUrl}/oidc/post/callback`],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'op-1', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['a-cookie-key-of-the-test-op'] },
    scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'], groups: ['groups'] },
    features: { devInteractions: { enabled: false } },
    issueRefreshToken: async () => true,
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({
        sub,
        preferred_username: `${sub}@example.com`,
        email: `${sub}@example.com`,
        email_verified: true,
        name: 'Alice Doe',
        groups: ['developers', 'Unknown-Team'],
      }),
    }),
  });
  provider.on('server_error', () => undefined);
  const callback = provider.callback();
  // The interaction: the user "alice" signs in and consents to what the client asked for.
  opServer.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') return provider.interactionFinished(req, res, { login: { accountId: 'alice' } }, { mergeWithLastSubmission: false });
    const grant = new provider.Grant({ accountId: String(details.session?.accountId), clientId: String(details.params['client_id']) });
    grant.addOIDCScope(String(details.params['scope']));
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  });
});

afterAll(async () => {
  await rp?.close();
  if (opServer) await closeServer(opServer);
});

const atCallback = (url: string) => new URL(url).pathname.endsWith('/callback') && url.startsWith(rp.baseUrl);

describe('the reference RP against a plain oidc-provider', () => {
  const browser = new TestBrowser();

  it('signs alice in with the code flow and PKCE, creates her (JIT) and syncs only existing groups', async () => {
    const hop = await browser.follow(`${rp.baseUrl}/oidc/sonar/login`, atCallback, 'application/json');
    const authorize = new URL(hop.url);
    expect(authorize.pathname).toBe('/oidc/sonar/callback');
    expect(hop.res.status).toBe(200);
    const body = (await hop.res.json()) as { user: { userName: string; groups: string[] }; created: boolean; subject: string; groupSync: { ignored: string[] } };
    expect(body.user.userName).toBe('alice@example.com');
    expect(body.created).toBe(true);
    expect(body.subject).toBe('alice');
    expect(body.user.groups).toEqual(['developers']);
    expect(body.groupSync.ignored).toEqual(['Unknown-Team']);
  });

  it("lists the tenant's OIDC sign-in and Callback URL on the landing page", async () => {
    const res = await fetch(`${rp.baseUrl}/`, { headers: { accept: 'application/json' } });
    const { tenants } = (await res.json()) as { tenants: { id: string; oidc: { login: string; callback: string } | null }[] };
    expect(tenants.find((t) => t.id === 'sonar')?.oidc).toMatchObject({ login: `${rp.baseUrl}/oidc/sonar/login`, callback: `${rp.baseUrl}/oidc/sonar/callback` });
  });

  it('answers the signed-in user and the Test Connection JSON (email and groups from userinfo)', async () => {
    const me = await browser.request(`${rp.baseUrl}/oidc/sonar/me`, { accept: 'application/json' });
    expect(me.status).toBe(200);
    const test = await browser.request(`${rp.baseUrl}/oidc/sonar/test-connection`, { accept: 'application/json' });
    expect(await test.json()).toMatchObject({
      tenant: 'sonar',
      protocol: 'oidc',
      login: 'alice@example.com',
      email: 'alice@example.com',
      name: 'Alice Doe',
      groups: ['developers', 'Unknown-Team'],
      subject: 'alice',
    });
  });

  it('refreshes with the stored refresh token and answers the new ID token claims', async () => {
    const res = await browser.request(`${rp.baseUrl}/oidc/sonar/refresh`, { method: 'POST', accept: 'application/json' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { subject: string; idTokenRefreshed: boolean; claims: { sub: string } };
    expect(body).toMatchObject({ subject: 'alice', idTokenRefreshed: true, claims: { sub: 'alice' } });
  });

  it('logs out at the OP with id_token_hint and post_logout_redirect_uri, and the OP accepts them', async () => {
    const res = await browser.request(`${rp.baseUrl}/oidc/sonar/logout`, { method: 'POST', accept: 'application/json' });
    const { endSessionUrl } = (await res.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(opUrl);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${rp.baseUrl}/oidc/sonar/logged-out`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    const confirm = await browser.request(endSessionUrl);
    expect(confirm.status).toBe(200); // the OP's logout confirmation: it accepted the hint and the redirect URI
    const me = await browser.request(`${rp.baseUrl}/oidc/sonar/me`, { accept: 'application/json' });
    expect((await me.json()) as { error: string }).toMatchObject({ error: 'session/none' });
  });

  it("answers the OIDC-only tenant's SAML routes with 404 tenant/no-saml, and lists no SAML sign-in for it", async () => {
    const answers = await Promise.all(
      [
        ['GET', 'login'],
        ['GET', 'metadata'],
        ['POST', 'acs'],
        ['GET', 'test-connection'],
        ['GET', 'test-connection/start'],
        ['GET', 'logout'],
        ['GET', 'slo'],
      ].map(async ([method, route]) => {
        const res = await fetch(`${rp.baseUrl}/saml/sonar/${route}`, { method, headers: { accept: 'application/json' }, redirect: 'manual' });
        return [route, res.status, ((await res.json()) as { error: string }).error];
      }),
    );
    expect(answers.filter(([, status, error]) => status !== 404 || error !== 'tenant/no-saml')).toEqual([]);
    const { tenants } = (await (await fetch(`${rp.baseUrl}/`, { headers: { accept: 'application/json' } })).json()) as { tenants: { id: string; saml: boolean }[] };
    expect(tenants.map((t) => [t.id, t.saml])).toEqual([
      ['sonar', false],
      ['post', true],
    ]);
  });

  it('authenticates with client_secret_post when the tenant says so (generic profile: the user must exist)', async () => {
    const other = new TestBrowser();
    const hop = await other.follow(`${rp.baseUrl}/oidc/post/login`, atCallback, 'application/json');
    expect(hop.res.status).toBe(403);
    expect(((await hop.res.json()) as { error: string }).error).toBe('user/unknown');
  });
});
