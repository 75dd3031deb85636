/*
 * The login page previews what goes to the SP that is selected, the review step shows the decoded Response
 * and posts the issued bytes unchanged, and everything shown is escaped.
 */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createMockIdp } from './create-mock-idp.ts';
import { parsePostForm } from '../saml/bindings/post-binding.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';

const clock = { now: () => new Date('2026-05-01T09:00:00Z') };
const alice: DirectoryUser = {
  email: 'alice@example.com',
  givenName: 'Alice',
  surname: '<b>Liddell</b>',
  displayName: 'Alice',
  login: 'alice@example.com',
  groups: ['devs'],
};
const idp = createMockIdp({
  baseUrl: 'http://idp.test',
  clock,
  users: [alice],
  sps: [
    { entityId: 'urn:first', acs: 'https://first.test/acs', preset: 'okta' },
    {
      entityId: 'urn:second',
      acs: 'https://second.test/acs',
      attributes: [{ name: 'second-only-mail', from: 'email' }],
    },
  ],
});

const previewNames = (html: string): string[] => [...html.matchAll(/<tr><td><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]!);

describe('login page', () => {
  it('previews the attributes for the SP named in ?sp=, and the first SP otherwise', async () => {
    const first = (await request(idp.app).get('/').expect(200)).text;
    const second = (await request(idp.app).get('/?sp=urn:second').expect(200)).text;
    expect(first).toContain('data-sp="urn:first"');
    expect(second).toContain('data-sp="urn:second"');
    expect(previewNames(second)).toContain('second-only-mail');
    expect(previewNames(first)).not.toContain('second-only-mail');
    // The sign-in form carries the previewed SP, and the SP picker shows it selected.
    expect(second).toContain('<input type="hidden" name="sp" value="urn:second"/>');
    expect(second).toContain('<option value="urn:second" selected>');
  });

  it('an unknown ?sp= is refused with request/unknown-sp, not replaced by another SP', async () => {
    const res = await request(idp.app).get('/?sp=urn:nobody').set('Accept', 'text/html').expect(400);
    expect(res.text).toContain('data-error-code="request/unknown-sp"');
  });

  it('escapes directory values in the preview', async () => {
    const page = (await request(idp.app).get('/').expect(200)).text;
    expect(page).not.toContain('<b>Liddell</b>');
    expect(page).toContain('&lt;b&gt;Liddell&lt;/b&gt;');
  });

  it('action=review shows the decoded Response and a form that posts the issued bytes to the ACS', async () => {
    const res = await request(idp.app).post('/login').type('form').send({ sp: 'urn:second', user: alice.login, action: 'review', RelayState: '/after' }).expect(200);
    const form = parsePostForm(res.text);
    expect(form.action).toBe('https://second.test/acs');
    expect(form.fields['RelayState']).toBe('/after');
    const last = idp.control.lastResponse()!;
    expect(form.fields['SAMLResponse']).toBe(last.built.base64);
    expect(res.text).toContain(`data-response-id="${last.built.responseId}"`);
    expect(res.text).toContain('second-only-mail');
    expect(res.text).not.toContain('onload=');
  });
});
