/*
 * The harness's cookie jar: what a browser keeps between the login URL, the ACS and the whoami URL (RFC 6265).
 * - a cookie belongs to the host that set it (host-only; a Domain attribute widens it to that domain, §5.3 step 6)
 * - Path scopes it (default: the directory of the request path, §5.1.4); Secure cookies go only over https
 * - Max-Age=0 or an Expires in the past deletes it; expiry is not tracked otherwise (a run lasts minutes)
 * - `snapshot()` / `restore()` let a test post again "from the same browser as before the sign-in" (replay)
 */

interface StoredCookie {
  readonly name: string;
  readonly value: string;
  readonly host: string;
  readonly hostOnly: boolean;
  readonly path: string;
  readonly secure: boolean;
}

function defaultPath(pathname: string): string {
  if (!pathname.startsWith('/')) return '/';
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

function domainMatches(host: string, cookie: StoredCookie): boolean {
  return cookie.hostOnly ? host === cookie.host : host === cookie.host || host.endsWith(`.${cookie.host}`);
}

export class CookieJar {
  #cookies: StoredCookie[] = [];

  /** Reads every Set-Cookie header of a response to a request for `url`. */
  store(url: string, setCookies: readonly string[]): void {
    const target = new URL(url);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = defaultPath(target.pathname);
      let domain: string | undefined;
      let secure = false;
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const attributeValue = rest.join('=').trim();
        switch (key.trim().toLowerCase()) {
          case 'path':
            if (attributeValue.startsWith('/')) path = attributeValue;
            break;
          case 'domain':
            domain = attributeValue.replace(/^\./, '').toLowerCase() || undefined;
            break;
          case 'secure':
            secure = true;
            break;
          case 'max-age':
            if (Number(attributeValue) <= 0) expired = true;
            break;
          case 'expires':
            if (Date.parse(attributeValue) < Date.now()) expired = true;
            break;
        }
      }
      const host = domain ?? target.hostname.toLowerCase();
      this.#cookies = this.#cookies.filter((c) => !(c.name === name && c.host === host && c.path === path));
      if (!expired) this.#cookies.push({ name, value, host, hostOnly: domain === undefined, path, secure });
    }
  }

  /** The Cookie header a browser sends with a request for `url` (undefined: none). */
  header(url: string): string | undefined {
    const target = new URL(url);
    const host = target.hostname.toLowerCase();
    const matching = this.#cookies
      .filter((c) => domainMatches(host, c) && pathMatches(target.pathname, c.path) && (!c.secure || target.protocol === 'https:'))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? undefined : matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** Names of the cookies held, for the inferred oracle (which cookies a sign-in sets). */
  names(): string[] {
    return this.#cookies.map((c) => c.name);
  }

  snapshot(): CookieJar {
    const copy = new CookieJar();
    copy.#cookies = [...this.#cookies];
    return copy;
  }

  restore(from: CookieJar): void {
    this.#cookies = [...from.#cookies];
  }
}
