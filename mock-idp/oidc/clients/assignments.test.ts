/*
 * Assignment at the mock OpenID Provider over HTTP (./assignments.ts): an unassigned user is answered with
 * access_denied at the redirect URI (RFC 6749 §4.1.2.1, Okta's answer), whether it signs in on the page, from the
 * IdP session, queued, or from an OP session the client had not seen; users assigned directly or through a group
 * are signed in; the control API validates its bodies (control/bad-body) and names unknown clients and users.
 */
import type * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDP_SESSION_COOKIE } from '../../server/idp-session.ts';
import { authorizationUrl, Browser, REDIRECT, type RunningOp, rp, startOp } from '../test-support/op-server.ts';

let op: RunningOp;
beforeAll(async () => {
  op = await startOp();
});
afterAll(() => op.close());

let n = 0;
/** A fresh client of the generic issuer (each test its own assignment list). */
async function freshClient(): Promise<{ id: string; config: client.Configuration }> {
  const id = `assigned-${++n}`;
  op.idp.oidc.registerClient({ client_id: id, client_secret: 'web-secret-123', redirect_uris: [REDIRECT] });
  return { id, config: await rp(op.base, id, 'web-secret-123') };
}

/** One authorization request in a browser with an IdP session of `login`; the authorization response. */
async function answerFor(config: client.Configuration, login: string, browser = new Browser()): Promise<URL> {
  if (!browser.jar.has(IDP_SESSION_COOKIE)) browser.jar.set(IDP_SESSION_COOKIE, op.idp.control.sessions.start(login).id);
  const started = await authorizationUrl(config);
  const { callback } = await browser.walk(started.url.href, REDIRECT);
  if (!callback) throw new Error('the OP showed a page');
  return callback;
}

describe('a client that requires assignment', () => {
  it('answers an unassigned user with access_denied at the redirect URI, and an assigned one with a code', async () => {
    const { id, config } = await freshClient();
    op.idp.oidc.requireAssignment('generic', id);
    const refused = await answerFor(config, 'bob@contoso.example');
    expect([refused.searchParams.get('error'), refused.searchParams.get('code')]).toEqual(['access_denied', null]);
    op.idp.oidc.assign('generic', id, { user: 'bob@example.com' });
    expect((await answerFor(config, 'bob@contoso.example')).searchParams.get('code')).toBeTruthy();
  });

  it('lets a user in through an assigned group (case-sensitive names), nobody else', async () => {
    const { id, config } = await freshClient();
    op.idp.oidc.assign('generic', id, { group: 'dev-eng' });
    expect((await answerFor(config, 'alice@contoso.example')).searchParams.get('error')).toBe('access_denied');
    op.idp.oidc.assign('generic', id, { group: 'Dev-Eng' });
    expect((await answerFor(config, 'alice@contoso.example')).searchParams.get('code')).toBeTruthy();
    expect((await answerFor(config, 'bob@contoso.example')).searchParams.get('error')).toBe('access_denied');
  });

  it('refuses a queued unassigned user, and an OP session of an unassigned user at a client it had not seen', async () => {
    const open = await freshClient();
    const closed = await freshClient();
    op.idp.oidc.assign('generic', closed.id, { user: 'alice@example.com' });
    op.idp.oidc.setNextSignIn({ user: 'bob@example.com' });
    expect((await answerFor(closed.config, 'alice@contoso.example')).searchParams.get('error')).toBe('access_denied');
    // bob signs in to the open client (an OP session), then goes to the closed one in the same browser
    const browser = new Browser();
    expect((await answerFor(open.config, 'bob@contoso.example', browser)).searchParams.get('code')).toBeTruthy();
    expect((await answerFor(closed.config, 'bob@contoso.example', browser)).searchParams.get('error')).toBe('access_denied');
  });

  it('under prompt=none answers access_denied for an unassigned user with an OP session', async () => {
    const open = await freshClient();
    const closed = await freshClient();
    op.idp.oidc.requireAssignment('generic', closed.id);
    const browser = new Browser();
    await answerFor(open.config, 'bob@contoso.example', browser);
    const started = await authorizationUrl(closed.config, { prompt: 'none' });
    const { callback } = await browser.walk(started.url.href, REDIRECT);
    expect(callback?.searchParams.get('error')).toBe('access_denied');
  });

  it('is lifted again: every user signs in', async () => {
    const { id, config } = await freshClient();
    op.idp.oidc.requireAssignment('generic', id);
    expect(op.idp.oidc.assignments('generic', id)).toEqual({ users: [], groups: [] });
    expect(op.idp.oidc.liftAssignment('generic', id)).toBe(true);
    expect(op.idp.oidc.assignments('generic', id)).toBeNull();
    expect((await answerFor(config, 'bob@contoso.example')).searchParams.get('code')).toBeTruthy();
  });
});

describe('the assignment control API', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${op.base}/control/oidc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const code = async (res: Response) => [res.status, res.status === 204 ? null : ((await res.json()) as { error: string }).error];

  it('requires assignment, assigns users and groups, reads and lifts them', async () => {
    const { id } = await freshClient();
    expect(await code(await post('assignment-required', { client_id: id }))).toEqual([204, null]);
    expect(await code(await post('assignments', { client_id: id, user: 'alice@example.com', group: 'Engineering' }))).toEqual([204, null]);
    const read = await fetch(`${op.base}/control/oidc/assignments?client_id=${id}`);
    expect(await read.json()).toEqual({ users: ['alice@contoso.example'], groups: ['Engineering'] });
    expect((await fetch(`${op.base}/control/oidc/assignments?client_id=${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${op.base}/control/oidc/assignments?client_id=${id}`)).json()).toBeNull();
  });

  it.each([
    ['a body without client_id', 'assignments', { user: 'alice@example.com' }, 400, 'control/bad-body'],
    ['an unknown field', 'assignments', { client_id: 'x', role: 'admin' }, 400, 'control/bad-body'],
    ['nothing to assign', 'assignments', { client_id: 'assigned-1' }, 400, 'control/bad-body'],
    ['a user in assignment-required', 'assignment-required', { client_id: 'assigned-1', user: 'alice@example.com' }, 400, 'control/bad-body'],
    ['an unknown client', 'assignments', { client_id: 'nobody', user: 'alice@example.com' }, 404, 'oidc/unknown-client'],
    ['an unknown user', 'assignments', { client_id: 'assigned-1', user: 'carol@example.com' }, 400, 'user/unknown'],
  ])('refuses %s', async (_what, path, body, status, error) => {
    expect(await code(await post(path, body))).toEqual([status, error]);
  });
});
