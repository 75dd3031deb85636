/*
 * The default driver: a browser made of fetch and a cookie jar (../cookie-jar.ts), over real HTTP.
 * - SP-initiated: GET the login URL and follow redirects (at most 10) until one carries SAMLRequest
 *   (HTTP-Redirect binding) or a page holds a form with a SAMLRequest field (HTTP-POST binding); the IdP's SSO URL
 *   is never fetched (./authn-request.ts decodes and checks the request)
 * - the response goes to the ACS as the auto-posting form sends it (urlencoded, Accept: text/html, the jar's
 *   cookies); redirects that stay on the ACS's origin are followed (at most 5) so the session cookie lands, a
 *   redirect to another origin is recorded, never followed
 * - every request times out after the target's timeoutMs: certify-saml/timeout; a refused connection is
 *   certify-saml/unreachable
 */
import { interruptSignal } from '../../safety/interrupt.ts';
import { CookieJar } from '../cookie-jar.ts';
import { SamlCertifyError } from '../errors.ts';
import type { ResolvedSp } from '../target.ts';
import { carriesSamlRequest, findRequestForm, MAX_ACS_HOPS, MAX_LOGIN_HOPS, readPostRequest, readRedirectRequest, type SeenAuthnRequest } from './authn-request.ts';
import { BROWSER_ACCEPT, excerpt, type SamlDriver, type SpAnswer, WHOAMI_ACCEPT, type WhoamiAnswer } from './driver.ts';

export class HttpDriver implements SamlDriver {
  readonly jar = new CookieJar();

  constructor(
    private readonly sp: ResolvedSp,
    private readonly timeoutMs: number,
  ) {}

  private async send(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = this.jar.header(url);
    let response: Response;
    try {
      response = await fetch(url, {
        method: init.method ?? 'GET',
        redirect: 'manual',
        // Interrupting the run (SIGINT/SIGTERM, certify/safety/interrupt.ts) aborts a request in flight too.
        signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), interruptSignal()]),
        headers: { accept: BROWSER_ACCEPT, ...(cookie ? { cookie } : {}), ...init.headers },
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (interruptSignal().aborted) throw new SamlCertifyError('certify-saml/interrupted', 'the run was interrupted');
      if (name === 'TimeoutError' || name === 'AbortError') throw new SamlCertifyError('certify-saml/timeout', `${new URL(url).origin} did not answer within ${this.timeoutMs} ms`);
      throw new SamlCertifyError('certify-saml/unreachable', `${new URL(url).origin} cannot be reached`);
    }
    this.jar.store(url, response.headers.getSetCookie());
    return response;
  }

  async startSignIn(loginUrl: string): Promise<SeenAuthnRequest> {
    let url = loginUrl;
    for (let hop = 0; hop <= MAX_LOGIN_HOPS; hop++) {
      const response = await this.send(url);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, url).href;
        if (carriesSamlRequest(next)) return readRedirectRequest(next, this.sp);
        url = next;
        continue;
      }
      const html = await response.text();
      const form = response.ok ? findRequestForm(html, url) : undefined;
      if (form) return readPostRequest(form, this.sp);
      const hint = response.ok && /<script\b/i.test(html) ? ' (the page runs JavaScript: try --browser chromium)' : '';
      throw new SamlCertifyError('certify-saml/no-authn-request', `the login URL led to HTTP ${response.status} at ${new URL(url).pathname} without an AuthnRequest${hint}`);
    }
    throw new SamlCertifyError('certify-saml/no-authn-request', `the login URL redirected more than ${MAX_LOGIN_HOPS} times without an AuthnRequest`);
  }

  async postResponse(acsUrl: string, fields: Readonly<Record<string, string>>): Promise<SpAnswer> {
    const locations: string[] = [];
    let response = await this.send(acsUrl, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const origin = new URL(acsUrl).origin;
    let url = acsUrl;
    const setCookieNames = new Set<string>();
    const noteCookies = (r: Response) => {
      for (const c of r.headers.getSetCookie()) setCookieNames.add(c.slice(0, c.indexOf('=')).trim());
    };
    noteCookies(response);
    const status = response.status;
    for (let hop = 0; hop < MAX_ACS_HOPS; hop++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) break;
      await response.body?.cancel();
      const next = new URL(location, url).href;
      locations.push(location);
      if (new URL(next).origin !== origin) break;
      url = next;
      response = await this.send(url);
      noteCookies(response);
    }
    const body = response.bodyUsed ? '' : await response.text().catch(() => '');
    return { status, locations, setCookieNames: [...setCookieNames], excerpt: excerpt(body) };
  }

  async whoami(url: string): Promise<WhoamiAnswer> {
    const response = await this.send(url, { headers: { accept: WHOAMI_ACCEPT } });
    return { status: response.status, location: response.headers.get('location') ?? undefined, body: await response.text().catch(() => '') };
  }

  async saveCookies(): Promise<unknown> {
    return this.jar.snapshot();
  }

  async restoreCookies(saved: unknown): Promise<void> {
    this.jar.restore(saved as CookieJar);
  }

  async close(): Promise<void> {}
}
