// One load sign-in against a scripted SP on loopback (real HTTP, real AuthnRequests and minted responses): each
// way a sign-in can stop gives its stable code, and the virtual user's cookies carry from the login to the ACS.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SamlCertifyTarget } from '../../certify/saml/contract.ts';
import { certifyIdp } from '../../certify/saml/idp.ts';
import { resolveSp } from '../../certify/saml/target.ts';
import { signIn, type LoadContext } from './sign-in.ts';
import { connectionPool, VirtualUser } from './virtual-user.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;
let handler: Handler = (_req, res) => res.end();
let server: Server;
let origin: string;
const dataDir = mkdtempSync(join(tmpdir(), 'ssoh-load-sign-in-'));
const pool = connectionPool(2, 500);
const stop = new AbortController();

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, new URL(req.url ?? '/', origin)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await pool.destroy();
  server.closeAllConnections();
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function authnRequest(): string {
  return `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${Date.now()}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${origin}/acs"><saml:Issuer>${origin}/sp</saml:Issuer></samlp:AuthnRequest>`;
}

const redirectToIdp = (res: ServerResponse, xml = authnRequest()) =>
  res
    .writeHead(302, {
      location: `http://idp.invalid/sso?SAMLRequest=${encodeURIComponent(deflateRawSync(xml).toString('base64'))}&RelayState=r1`,
      'set-cookie': 'state=s1; Path=/',
    })
    .end();

async function context(loginPath = '/login'): Promise<LoadContext> {
  const target: SamlCertifyTarget = {
    spEntityId: `${origin}/sp`,
    acsUrls: [`${origin}/acs`],
    user: 'alice@example.com',
    victim: 'bob@example.com',
    idp: { dataDir, port: 0 },
    timeoutMs: 500,
  };
  const sp = await resolveSp(target);
  return { target: { ...target, loginUrl: `${origin}${loginPath}` }, sp, idp: certifyIdp(target, sp) };
}

const attempt = async (ctx: LoadContext) => signIn(ctx, new VirtualUser(pool, 500, stop.signal));

describe('a load sign-in', () => {
  it('follows the login to the AuthnRequest, posts the minted response with the RelayState and the cookies, and is ok', async () => {
    let posted: { cookie: string | undefined; relayState: string | null; hasResponse: boolean } | undefined;
    handler = (req, res, url) => {
      if (url.pathname === '/login') res.writeHead(302, { location: '/login/step2' }).end();
      else if (url.pathname === '/login/step2') redirectToIdp(res);
      else if (url.pathname !== '/acs') res.end('welcome');
      else {
        let body = '';
        req.on('data', (c: Buffer) => (body += c));
        req.on('end', () => {
          const form = new URLSearchParams(body);
          posted = { cookie: req.headers.cookie, relayState: form.get('RelayState'), hasResponse: form.has('SAMLResponse') };
          res.writeHead(302, { location: '/home' }).end();
        });
      }
    };
    const result = await attempt(await context());
    expect(result.outcome).toBe('ok');
    expect(posted).toEqual({ cookie: 'state=s1', relayState: 'r1', hasResponse: true });
    expect(Object.keys(result.legs).sort()).toEqual(['acs', 'login', 'mint', 'signIn']);
  });

  it('reads an HTTP-POST AuthnRequest from the login page', async () => {
    handler = (_req, res, url) => {
      const value = Buffer.from(authnRequest()).toString('base64');
      if (url.pathname === '/login') res.end(`<form method="post" action="http://idp.invalid/sso"><input type="hidden" name="SAMLRequest" value="${value}"></form>`);
      else res.writeHead(url.pathname === '/acs' ? 200 : 404).end();
    };
    expect((await attempt(await context())).outcome).toBe('ok');
  });

  it.each([
    ['load/http-500', ((_req, res) => res.writeHead(500).end()) as Handler],
    ['load/no-authn-request', ((_req, res) => res.end('<p>hello</p>')) as Handler],
    ['load/no-authn-request', ((_req, res) => res.end('<form action="http://[x"><input name="SAMLRequest" value="x"></form>')) as Handler],
    ['load/bad-authn-request', ((_req, res) => redirectToIdp(res, '<not-an-authn-request/>')) as Handler],
    ['load/timeout', (() => undefined) as Handler],
    ['load/acs-refused', ((_req, res, url) => (url.pathname === '/acs' ? res.writeHead(403).end() : redirectToIdp(res))) as Handler],
    ['load/acs-refused', ((_req, res, url) => (url.pathname === '/acs' ? redirectToIdp(res) : redirectToIdp(res))) as Handler],
    ['load/http-502', ((_req, res, url) => (url.pathname === '/acs' ? res.writeHead(502).end() : redirectToIdp(res))) as Handler],
    ['load/http-302', ((_req, res) => res.writeHead(302, { location: 'http://[not-a-host/' }).end()) as Handler],
    ['load/http-303', ((_req, res, url) => (url.pathname === '/acs' ? res.writeHead(303, { location: 'http://[::1' }).end() : redirectToIdp(res))) as Handler],
  ])('%s', async (code, h) => {
    handler = h;
    expect((await attempt(await context())).outcome).toBe(code);
  });

  it('load/connect when the login URL refuses connections', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    closed.close();
    const ctx = await context();
    const result = await attempt({ ...ctx, target: { ...ctx.target, loginUrl: `http://127.0.0.1:${port}/login` } });
    expect(result.outcome).toBe('load/connect');
  });
});
