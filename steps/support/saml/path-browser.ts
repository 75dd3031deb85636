/*
 * A browser whose cookie jar honours the Path attribute (RFC 6265 §5.1.4, §5.3): Single Logout needs one user
 * signed in to two tenants of the same SP origin, whose session cookies share a name and differ by Path
 * (/saml/acme, /saml/beta). The plain ./browser.ts keeps one cookie per name and origin, which would let the
 * second sign-in overwrite the first. Cookies are kept per origin, name and path; Max-Age=0 deletes; a cookie
 * without Path gets "/" (simpler than the spec's default-path, and enough for the harness's two servers).
 */
import { Browser } from './browser.ts';

interface Cookie {
  readonly name: string;
  readonly path: string;
  readonly value: string;
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return requestPath === cookiePath || (requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/'));
}

export class PathBrowser extends Browser {
  readonly #jar = new Map<string, Cookie[]>();

  override async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookies = (this.#jar.get(target.origin) ?? []).filter((c) => pathMatches(target.pathname, c.path));
    if (cookies.length > 0) headers.set('cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '));
    const response = await fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) this.#keep(target.origin, line);
    return response;
  }

  override cookie(origin: string, name: string): string | undefined {
    return this.#jar.get(origin)?.find((c) => c.name === name)?.value;
  }

  #keep(origin: string, line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const i = pair.indexOf('=');
    if (i <= 0) return;
    const name = pair.slice(0, i).trim();
    const path = attributes.map((a) => /^\s*path\s*=\s*(\S+)\s*$/i.exec(a)?.[1]).find((p) => p !== undefined) ?? '/';
    const kept = (this.#jar.get(origin) ?? []).filter((c) => c.name !== name || c.path !== path);
    if (!attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a))) kept.push({ name, path, value: pair.slice(i + 1).trim() });
    this.#jar.set(origin, kept);
  }
}
