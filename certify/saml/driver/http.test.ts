import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedSp } from '../target.ts';
import { HttpDriver } from './http.ts';

// A tiny SP whose login answers with an HTTP-POST binding form (the reference SP uses HTTP-Redirect), sets a
// binding cookie, and after the ACS POST redirects within its own origin, where the session cookie lands.
const REQUEST = Buffer.from(
  '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_req1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" AssertionConsumerServiceURL="http://sp/acs"><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>',
).toString('base64');

let server: Server;
let origin: string;
const seenAtAcs: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/login') {
      res.writeHead(302, { location: '/start', 'set-cookie': 'bind=b1; Path=/; HttpOnly' }).end();
    } else if (req.url === '/start') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<html><body onload="document.forms[0].submit()"><form method="post" action="http://127.0.0.1:9/idp/sso"><input type="hidden" name="SAMLRequest" value="${REQUEST}"/><input type="hidden" name="RelayState" value="r&amp;1"/></form></body></html>`,
      );
    } else if (req.url === '/acs' && req.method === 'POST') {
      seenAtAcs.push(req.headers.cookie ?? '');
      res.writeHead(302, { location: '/home', 'set-cookie': 'session=s1; Path=/' }).end();
    } else if (req.url === '/home') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Welcome</h1>');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const sp = { authnRequestsSigned: false, signingCertPem: undefined } as unknown as ResolvedSp;

describe('HttpDriver', () => {
  it('follows the login URL to an HTTP-POST binding form and reads the AuthnRequest and RelayState', async () => {
    const driver = new HttpDriver(sp, 5000);
    const seen = await driver.startSignIn(`${origin}/login`);
    expect(seen).toMatchObject({ binding: 'post', relayState: 'r&1', destination: 'http://127.0.0.1:9/idp/sso' });
    expect(seen.info.id).toBe('_req1');
  });

  it('posts with the cookies the login set and follows same-origin redirects, noting the cookies set', async () => {
    const driver = new HttpDriver(sp, 5000);
    await driver.startSignIn(`${origin}/login`);
    const answer = await driver.postResponse(`${origin}/acs`, { SAMLResponse: 'eA==' });
    expect(seenAtAcs.at(-1)).toBe('bind=b1');
    expect(answer).toMatchObject({ status: 302, locations: ['/home'], setCookieNames: ['session'], excerpt: 'Welcome' });
  });

  it('says why when the login URL leads to no AuthnRequest, and when the SP cannot be reached', async () => {
    const driver = new HttpDriver(sp, 5000);
    await expect(driver.startSignIn(`${origin}/nothing`)).rejects.toMatchObject({ code: 'certify-saml/no-authn-request' });
    await expect(driver.postResponse('http://127.0.0.1:9/acs', { SAMLResponse: 'eA==' })).rejects.toMatchObject({ code: 'certify-saml/unreachable' });
  });
});

describe('excerpt', () => {
  it('keeps the words of a page: no markup, scripts, entities or control characters, at most 300 characters', async () => {
    const { excerpt } = await import('./driver.ts');
    expect(excerpt('<html><script>var x = 1;</script><p>Sign-in &amp; refused:\n\t<b>bad\u0007 issuer</b></p></html>')).toBe('Sign-in & refused: bad issuer');
    expect(excerpt('x'.repeat(500))).toHaveLength(300);
  });
});
