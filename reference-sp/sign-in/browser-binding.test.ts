import { describe, expect, it } from 'vitest';
import { bindingCookie, bindingSetCookie, newBindingValue, validBindingValue } from './browser-binding.ts';
import { cookieHash } from './cookie-hash.ts';

describe('the browser binding cookie', () => {
  it("over https: __Host- prefixed, Secure, SameSite=None so the IdP's cross-site POST carries it", () => {
    const cookie = bindingCookie('https://sp.example/saml/acme/acs');
    expect(bindingSetCookie(cookie, 'v', 600)).toBe('__Host-sp_authn=v; Path=/; HttpOnly; Max-Age=600; Secure; SameSite=None');
  });

  it('over http (development): no SameSite attribute, since Lax is never sent on a cross-site POST and None needs Secure', () => {
    expect(bindingSetCookie(bindingCookie('http://127.0.0.1:7100/saml/acme/acs'), 'v', 600)).toBe('sp_authn=v; Path=/; HttpOnly; Max-Age=600');
  });

  it('accepts only values of the shape it issues, and stores only their hash', () => {
    const value = newBindingValue();
    expect(validBindingValue(value)).toBe(value);
    for (const bad of [undefined, '', 'short', value + 'x', value.slice(1) + '!']) expect(validBindingValue(bad)).toBeUndefined();
    expect(cookieHash(value)).toMatch(/^[0-9a-f]{64}$/);
    expect(cookieHash(value)).not.toContain(value);
  });
});
