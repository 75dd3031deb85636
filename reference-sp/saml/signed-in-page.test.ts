import { describe, expect, it } from 'vitest';
import { signedInPageHtml } from './signed-in-page.ts';

const user = { id: 'u1', tenantId: 'acme', userName: 'alice@example.com', active: true, groups: ['admins'], hasPassword: false };

describe('signedInPageHtml', () => {
  it('shows every attribute name exactly as received, so a misnamed claim is visible', () => {
    const html = signedInPageHtml({ tenantId: 'acme', user, nameId: 'alice@example.com', attributes: { emailaddress: ['alice@example.com'], firstName: [] }, created: false });
    expect(html).toContain('<code>emailaddress</code>');
    expect(html).toContain('<code>firstName</code></td><td><em>(no value)</em>');
    expect(html).toContain('data-user="alice@example.com"');
  });

  it('escapes what came from the assertion', () => {
    const html = signedInPageHtml({ tenantId: 'acme', user, nameId: '<script>x</script>', attributes: { '"><img src=x>': ['<b>bold</b>'] }, created: true });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('just-in-time');
  });

  it('offers a Sign out button to the logout URL it is given, and none without one', () => {
    const view = { tenantId: 'acme', user, nameId: 'alice@example.com', attributes: {}, created: false };
    expect(signedInPageHtml({ ...view, signOutUrl: '/saml/acme/logout' })).toContain(
      '<form method="get" action="/saml/acme/logout"><button type="submit" data-action="sign-out">Sign out</button></form>',
    );
    expect(signedInPageHtml(view)).not.toContain('sign-out');
  });
});
