import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar.ts';

describe('CookieJar', () => {
  it('sends a cookie back to the host and path that set it only', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:7100/saml/acme/acs', ['sid=1; Path=/saml/acme; HttpOnly', 'bind=2']);
    expect(jar.header('http://127.0.0.1:7100/saml/acme/me')).toBe('sid=1; bind=2');
    expect(jar.header('http://127.0.0.1:7100/saml/other/me')).toBeUndefined();
    expect(jar.header('http://localhost:7100/saml/acme/me')).toBeUndefined();
  });

  it('deletes a cookie set with Max-Age=0 and keeps Secure cookies off http', () => {
    const jar = new CookieJar();
    jar.store('https://sp.example/a', ['s=1; Secure; Path=/', 'gone=1; Path=/']);
    jar.store('https://sp.example/a', ['gone=; Max-Age=0; Path=/']);
    expect(jar.header('https://sp.example/x')).toBe('s=1');
    expect(jar.header('http://sp.example/x')).toBeUndefined();
  });

  it('restores a snapshot taken before a sign-in', () => {
    const jar = new CookieJar();
    jar.store('http://sp.example/login', ['bind=1; Path=/']);
    const before = jar.snapshot();
    jar.store('http://sp.example/acs', ['sid=2; Path=/']);
    jar.restore(before);
    expect(jar.names()).toEqual(['bind']);
  });
});
