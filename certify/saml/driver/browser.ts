/*
 * The same driver in a real browser (`--browser chromium`), for SPs whose login needs JavaScript: Chromium through
 * playwright-core with an installed binary (never a downloaded one), one browser per process, one context (its own
 * cookies) per driver.
 * - SP-initiated: the page opens the login URL and runs whatever the SP runs; the request that carries SAMLRequest
 *   to the IdP — a navigation with it in the query (HTTP-Redirect) or a form POST with it in the body (HTTP-POST) —
 *   is intercepted, read and checked like the HTTP driver does (./authn-request.ts), and answered with an empty
 *   page on the IdP's origin: the network never reaches the IdP. Interception is CDP's Fetch domain on the page,
 *   because it pauses every hop of a redirect chain, where Playwright's page.route sees only a chain's first request
 * - the response is posted from a page on the IdP's origin, the auto-submitting form a real IdP serves, so cookies
 *   behave as in a real sign-in (same-site rules included); the SP's answer and its redirects are read from the
 *   navigation chain
 * - navigations to `.example` hosts (the catalog's "another site") are aborted, never sent
 * - whoami goes through the context's request API, which shares the browser's cookies
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import { autoPostForm } from '../../../mock-idp/index.ts';
import { SamlCertifyError } from '../errors.ts';
import type { ResolvedSp } from '../target.ts';
import { carriesSamlRequest, readPostRequest, readRedirectRequest, type SeenAuthnRequest } from './authn-request.ts';
import { excerpt, type SamlDriver, type SpAnswer, WHOAMI_ACCEPT, type WhoamiAnswer } from './driver.ts';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The path the IdP-origin page with the auto-posting form is served at (intercepted, never fetched). */
const POST_PAGE = '/__sso-harness/post';

let shared: { path: string; browser: Promise<Browser>; profile: string } | undefined;

async function sharedBrowser(executablePath: string): Promise<Browser> {
  if (shared?.path !== executablePath) {
    await closeSharedBrowser();
    const profile = mkdtempSync(join(tmpdir(), 'ssoh-certify-chromium-'));
    const browser = (async () => {
      let chromium: typeof import('playwright-core').chromium;
      try {
        ({ chromium } = await import('playwright-core'));
      } catch {
        throw new SamlCertifyError('certify-saml/bad-target', '--browser needs playwright-core: npm i -D playwright-core');
      }
      try {
        return await chromium.launch({ executablePath, headless: true, args: ARGS });
      } catch {
        throw new SamlCertifyError('certify-saml/bad-target', `Chromium does not start from ${executablePath}; give --browser-path`);
      }
    })();
    shared = { path: executablePath, browser, profile };
  }
  return shared.browser;
}

/** Closes the process's browser (the run's end, a test's afterAll). */
export async function closeSharedBrowser(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (!current) return;
  const browser = await current.browser.catch(() => undefined);
  await browser?.close();
  rmSync(current.profile, { recursive: true, force: true });
}

export class BrowserDriver implements SamlDriver {
  #context: Promise<{ context: BrowserContext; page: Page }> | undefined;
  #capture: { resolve(request: SeenAuthnRequest): void; reject(error: unknown): void } | undefined;
  #postPage: string | undefined;
  /** Where the browser last met the IdP (the AuthnRequest's destination), else the certify IdP's own origin. */
  #idpOrigin: string;

  constructor(
    private readonly sp: ResolvedSp,
    private readonly timeoutMs: number,
    idpBaseUrl: string,
    private readonly executablePath = DEFAULT_CHROMIUM_PATH,
  ) {
    this.#idpOrigin = new URL(idpBaseUrl).origin;
  }

  private open(): Promise<{ context: BrowserContext; page: Page }> {
    this.#context ??= (async () => {
      const browser = await sharedBrowser(this.executablePath);
      const context = await browser.newContext();
      context.setDefaultTimeout(this.timeoutMs);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      cdp.on('Fetch.requestPaused', (event) => {
        this.intercept(cdp, event).catch(() => undefined);
      });
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
      return { context, page };
    })();
    return this.#context;
  }

  private async intercept(cdp: CDPSession, event: { requestId: string; request: { url: string; method: string; postData?: string } }): Promise<void> {
    const { requestId, request } = event;
    const url = new URL(request.url);
    const html = (body: string) =>
      cdp.send('Fetch.fulfillRequest', {
        requestId,
        responseCode: 200,
        responseHeaders: [{ name: 'content-type', value: 'text/html; charset=utf-8' }],
        body: Buffer.from(body).toString('base64'),
      });
    if (url.origin === this.#idpOrigin && url.pathname === POST_PAGE && this.#postPage !== undefined) {
      await html(this.#postPage);
      return;
    }
    const seen = this.readRequest(request.method, request.url, request.postData);
    if (seen) {
      this.#idpOrigin = new URL(seen.destination).origin;
      await html('<!doctype html><title>IdP</title>');
      return;
    }
    if (url.hostname.endsWith('.example')) {
      await cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      return;
    }
    await cdp.send('Fetch.continueRequest', { requestId });
  }

  /** The AuthnRequest a request carries, if any; a bad one rejects the pending sign-in. */
  private readRequest(method: string, url: string, postData: string | undefined): SeenAuthnRequest | undefined {
    let seen: SeenAuthnRequest | undefined;
    try {
      if (carriesSamlRequest(url)) seen = readRedirectRequest(url, this.sp);
      else if (method === 'POST' && (postData ?? '').includes('SAMLRequest=')) {
        seen = readPostRequest({ action: url, fields: Object.fromEntries(new URLSearchParams(postData ?? '')) }, this.sp);
      }
    } catch (error) {
      this.#capture?.reject(error);
      this.#capture = undefined;
      return undefined;
    }
    if (seen) {
      this.#capture?.resolve(seen);
      this.#capture = undefined;
    }
    return seen;
  }

  async startSignIn(loginUrl: string): Promise<SeenAuthnRequest> {
    const { page } = await this.open();
    const captured = new Promise<SeenAuthnRequest>((resolve, reject) => {
      this.#capture = { resolve, reject };
    });
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new SamlCertifyError('certify-saml/no-authn-request', `the login URL led to no AuthnRequest within ${this.timeoutMs} ms`)), this.timeoutMs).unref(),
    );
    const navigation = page.goto(loginUrl).then(
      () => undefined,
      () => undefined,
    );
    try {
      const seen = await Promise.race([captured, timer]);
      // The page lands on the (intercepted) IdP before anything else navigates it: the response is posted from there.
      await page.waitForURL((url) => url.origin === this.#idpOrigin, { waitUntil: 'load' }).catch(() => undefined);
      return seen;
    } finally {
      this.#capture = undefined;
      await navigation;
    }
  }

  async postResponse(acsUrl: string, fields: Readonly<Record<string, string>>): Promise<SpAnswer> {
    const { page } = await this.open();
    this.#postPage = autoPostForm(acsUrl, fields);
    const isAcsPost = (r: { request(): Request; url(): string }) => r.request().method() === 'POST' && r.url() === acsUrl;
    try {
      const first = page.waitForResponse(isAcsPost, { timeout: this.timeoutMs });
      first.catch(() => undefined);
      await page.goto(`${this.#idpOrigin}${POST_PAGE}`, { waitUntil: 'commit' });
      const response = await first;
      await page.waitForLoadState('load').catch(() => undefined);
      const locations: string[] = [];
      const setCookieNames = new Set<string>();
      let request: Request | null = response.request();
      for (let hop = 0; request && hop < 10; hop++) {
        const r = await request.response();
        if (!r) break;
        for (const h of await r.headersArray()) if (h.name.toLowerCase() === 'set-cookie') setCookieNames.add(h.value.slice(0, h.value.indexOf('=')).trim());
        const location = r.headers()['location'];
        if (location) locations.push(location);
        request = request.redirectedTo();
      }
      const body = await page.content().catch(() => '');
      return { status: response.status(), locations, setCookieNames: [...setCookieNames], excerpt: excerpt(body) };
    } catch (error) {
      if (error instanceof SamlCertifyError) throw error;
      throw new SamlCertifyError('certify-saml/timeout', `the ACS did not answer the browser within ${this.timeoutMs} ms`);
    } finally {
      this.#postPage = undefined;
    }
  }

  async whoami(url: string): Promise<WhoamiAnswer> {
    const { context } = await this.open();
    try {
      const response = await context.request.get(url, { maxRedirects: 0, timeout: this.timeoutMs, headers: { accept: WHOAMI_ACCEPT } });
      return { status: response.status(), location: response.headers()['location'], body: await response.text().catch(() => '') };
    } catch {
      throw new SamlCertifyError('certify-saml/unreachable', `${new URL(url).origin} cannot be reached from the browser`);
    }
  }

  async saveCookies(): Promise<unknown> {
    const { context } = await this.open();
    return context.cookies();
  }

  async restoreCookies(saved: unknown): Promise<void> {
    const { context } = await this.open();
    await context.clearCookies();
    await context.addCookies(saved as Awaited<ReturnType<BrowserContext['cookies']>>);
  }

  async close(): Promise<void> {
    const opened = await this.#context?.catch(() => undefined);
    this.#context = undefined;
    await opened?.context.close();
  }
}
