/*
 * Test support: a browser over real HTTP — a cookie jar (one per test; cookies kept by name, sent to every host
 * of the loopback test) and redirects followed one at a time, so a test sees where each hop went.
 */
export interface Hop {
  readonly url: string;
  readonly res: Response;
}

export class TestBrowser {
  readonly jar = new Map<string, string>();

  async request(url: string, init: { method?: string; accept?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: init.accept ?? 'text/html' };
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers['cookie'] = cookie;
    const send = () => fetch(url, { method: init.method ?? 'GET', headers, redirect: 'manual', ...(init.body ? { body: init.body } : {}) });
    // After a server restart on the same port, fetch's pool may hand out a socket the old server closed: once more.
    const res = await send().catch((e: unknown) => ((e as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET' ? send() : Promise.reject(e)));
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.delete(name);
      else this.jar.set(name, pair!.slice(i + 1).trim());
    }
    return res;
  }

  /** Follows redirects from `url` until `stop(url)` holds or a page that is no redirect answers; the last hop. */
  async follow(url: string, stop: (url: string) => boolean = () => false, accept?: string): Promise<Hop> {
    let current = url;
    for (let i = 0; i < 20; i++) {
      const res = await this.request(current, stop(current) && accept ? { accept } : {});
      const location = res.headers.get('location');
      if (stop(current) || location === null || res.status < 300 || res.status > 399) return { url: current, res };
      await res.arrayBuffer();
      current = new URL(location, current).href;
    }
    throw new Error('too many redirects');
  }
}
