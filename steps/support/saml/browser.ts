/*
 * The browser a scenario plays: fetch with a cookie jar, so what the SP sets at /login (the binding cookie)
 * and at the ACS (the session) comes back on the next request to that origin, as a real browser would send it.
 * Deliberately small: cookies are kept per origin by name; Max-Age=0 deletes; Path and SameSite are not
 * modelled (IdP and SP both run on 127.0.0.1, where every request between them is same-site).
 */
export class Browser {
  readonly #jar = new Map<string, Map<string, string>>();

  constructor(readonly name: string) {}

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const headers = new Headers(init.headers);
    const cookies = this.#jar.get(origin);
    if (cookies?.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) this.#store(origin, line);
    return response;
  }

  /** The value of a cookie this browser holds for `origin`. */
  cookie(origin: string, name: string): string | undefined {
    return this.#jar.get(origin)?.get(name);
  }

  #store(origin: string, line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const i = pair.indexOf('=');
    if (i <= 0) return;
    const name = pair.slice(0, i).trim();
    const jar = this.#jar.get(origin) ?? new Map<string, string>();
    this.#jar.set(origin, jar);
    if (attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a))) jar.delete(name);
    else jar.set(name, pair.slice(i + 1).trim());
  }
}
