import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePostForm } from '../../mock-idp/index.ts';
import { Browser } from '../../steps/support/saml/browser.ts';
import { startHarness, type RunningHarness } from './start-harness.ts';

const running: RunningHarness[] = [];
const dirs: string[] = [];

async function start(dataDir: string): Promise<RunningHarness> {
  const h = await startHarness({ idpPort: 0, spPort: 0, dataDir, log: () => undefined });
  running.push(h);
  return h;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ssoh-start-'));
  dirs.push(d);
  return d;
}

describe('startHarness (npm start)', () => {
  it('a sign-in through the IdP login page lands on the SP signed in', async () => {
    const h = await start(tempDir());
    const page = await (await fetch(`${h.idpUrl}/`)).text();
    const spEntityId = `${h.spUrl}/saml/acme/metadata`;
    expect(page).toContain(spEntityId);

    const login = await fetch(`${h.idpUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ sp: spEntityId, user: 'alice@example.com' }).toString(),
    });
    expect(login.status).toBe(200);
    const form = parsePostForm(await login.text());
    expect(form.action).toBe(`${h.spUrl}/saml/acme/acs`);

    const acs = await fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(form.fields as Record<string, string>).toString(),
    });
    expect(acs.status).toBe(200);
    expect(await acs.text()).toContain('data-user="alice@example.com"');
    const cookie = acs.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${h.spUrl}/saml/acme/me`, { headers: { cookie, accept: 'application/json' } });
    expect(((await me.json()) as { user: { userName: string } }).user.userName).toBe('alice@example.com');
  });

  it('a sign-in over OpenID Connect through the OP login page lands on the sonarqube-oidc tenant signed in, and Test Connection shows it', async () => {
    const h = await start(tempDir());
    const urls = h.oidc.find((o) => o.tenant === 'sonarqube-oidc')!;
    expect(urls.discovery).toBe(`${h.idpUrl}/oauth2/default/.well-known/openid-configuration`);
    const browser = new Browser('person');
    // The browser walks the redirects itself: SP login → OP authorize → the OP's login page.
    let response = await browser.fetch(urls.signIn, { redirect: 'manual' });
    let page = '';
    for (let hop = 0; hop < 10; hop++) {
      const location = response.headers.get('location');
      if (location === null) break;
      response = await browser.fetch(new URL(location, response.url), { redirect: 'manual', headers: { accept: 'text/html' } });
    }
    page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('alice@example.com');
    const action = new URL(/<form method="post" action="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&'), response.url);
    response = await browser.fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ user: 'alice@example.com' }).toString(),
    });
    // Back through the OP's resume to the SP's Callback URL, which signs the person in.
    let callback: URL | undefined;
    for (let hop = 0; hop < 10 && response.headers.get('location') !== null; hop++) {
      const next = new URL(response.headers.get('location')!, response.url);
      if (next.pathname === '/oidc/sonarqube-oidc/callback') callback = next;
      response = await browser.fetch(next, { redirect: 'manual', headers: { accept: 'text/html' } });
      if (callback) break;
    }
    expect(callback?.origin).toBe(h.spUrl);
    expect(response.status).toBeLessThan(400);
    const me = await browser.fetch(`${h.spUrl}/oidc/sonarqube-oidc/me`, { headers: { accept: 'application/json' } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { userName: string } }).user.userName).toBe('alice@example.com');
    // Okta's groups claim filter ".*" sent both groups; SonarQube syncs only into the organization's existing one.
    const user = h.store.findUserByUserName('sonarqube-oidc', 'alice@example.com')!;
    expect(user.groups).toEqual(['developers']);
    // The printed Test Connection URL shows what the OP sent: the email and every group the filter let through.
    const test = await browser.fetch(urls.testConnection, { headers: { accept: 'application/json' } });
    expect(test.status).toBe(200);
    expect(await test.json()).toMatchObject({ protocol: 'oidc', email: 'alice@example.com', groups: ['developers', 'admins'] });
    // OpenID Connect only, as SonarQube Cloud's Okta OIDC set-up: its SAML routes answer tenant/no-saml.
    expect(h.config.tenants.find((t) => t.id === 'sonarqube-oidc')?.oidcOnly).toBe(true);
    const saml = await fetch(`${h.spUrl}/saml/sonarqube-oidc/login`, { headers: { accept: 'application/json' }, redirect: 'manual' });
    expect([saml.status, ((await saml.json()) as { error: string }).error]).toEqual([404, 'tenant/no-saml']);
  });

  it('serves SCIM with the printed per-tenant token, and refuses it on another tenant', async () => {
    const h = await start(tempDir());
    const auth = { authorization: `Bearer ${h.scimTokens['acme']}` };
    expect((await fetch(`${h.spUrl}/scim/v2/acme/Users`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${h.spUrl}/scim/v2/particle/Users`, { headers: auth })).status).toBe(401);
  });

  it('keeps keys, tokens and users across a restart on the same data directory', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const cert = first.idp.keys.signing.certificatePem;
    const token = first.scimTokens['acme'];
    const created = await fetch(`${first.spUrl}/scim/v2/acme/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'persisted@example.com' }),
    });
    expect(created.status).toBe(201);
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start(dir);
    expect(second.idp.keys.signing.certificatePem).toBe(cert);
    expect(second.scimTokens['acme']).toBe(token);
    const found = await fetch(`${second.spUrl}/scim/v2/acme/Users?filter=${encodeURIComponent('userName eq "persisted@example.com"')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await found.json()) as { totalResults: number }).totalResults).toBe(1);
  });

  it('seeds the IdP demo users into tenants without JIT creation, once per data directory', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const logins = ['alice@example.com', 'bob@example.com', 'carol@example.com'];
    expect(first.seededUsers).toEqual({ particle: logins, datocms: logins, ninjaone: logins });
    const list = async (h: RunningHarness, tenant: string) =>
      (await (await fetch(`${h.spUrl}/scim/v2/${tenant}/Users`, { headers: { authorization: `Bearer ${h.scimTokens[tenant]}` } })).json()) as {
        totalResults: number;
        Resources: Array<{ id: string; userName: string }>;
      };
    const datocms = await list(first, 'datocms');
    expect(datocms.Resources.map((u) => u.userName).sort()).toEqual(logins);
    expect((await list(first, 'acme')).totalResults).toBe(0);
    const bob = datocms.Resources.find((u) => u.userName === 'bob@example.com')!;
    const deleted = await fetch(`${first.spUrl}/scim/v2/datocms/Users/${bob.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${first.scimTokens['datocms']}` } });
    expect(deleted.status).toBe(204);
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start(dir);
    expect(second.seededUsers).toEqual({});
    expect((await list(second, 'datocms')).totalResults).toBe(2);
  });

  it('keeps users added to the IdP through its control API across a restart', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const dave = { email: 'dave@example.com', login: 'dave@example.com', givenName: 'Dave', surname: 'D', displayName: 'Dave D', groups: [] };
    const added = await fetch(`${first.idpUrl}/control/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(dave) });
    expect(added.status).toBe(201);
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start(dir);
    expect(second.idp.control.findUser('dave@example.com')).toEqual(dave);
  });

  it('a start on a port in use fails with EADDRINUSE rather than half-starting', async () => {
    const h = await start(tempDir());
    const busyPort = Number(new URL(h.idpUrl).port);
    await expect(startHarness({ idpPort: busyPort, spPort: 0, dataDir: tempDir(), log: () => undefined })).rejects.toThrow(/EADDRINUSE/);
  });
});
