/*
 * The Single Logout stage of a scenario, on top of the SAML stage (./stage.ts): signing users in with an IdP
 * session (the login page, so the IdP records each SP it sends an assertion to), then playing the browser
 * through a logout — following every redirect and posting every self-posting form between the SP(s) and the
 * IdP until a page that is neither. The stage can also play someone who tampers with the SP's LogoutRequest on
 * its way to the IdP (unsigned, altered, replayed, late), and queue the IdP's own deviations per SP.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { parsePostForm } from '../../../mock-idp/index.ts';
import type { LogoutDeviationName } from '../../../mock-idp/saml/logout/deviations/index.ts';
import { ANSWER_BOUND_MS, type LogoutRunView } from '../../../mock-idp/saml/logout/single-logout.ts';
import { StepArgumentError } from '../step-error.ts';
import { PathBrowser } from './path-browser.ts';
import type { SamlStage } from './stage.ts';

/** Where a browser walk through a logout ended. */
export interface LogoutLanding {
  readonly status: number;
  readonly url: string;
  readonly body: Record<string, unknown>;
  /** Every request the browser made on the way, in order, as "GET url" or "POST url". */
  readonly hops: readonly string[];
}

const MAX_HOPS = 20;
const SELF_POSTING = /<body onload="document\.forms\[0\]\.submit\(\)">/;

export type Tampering = 'unsigned' | 'altered' | 'foreign-issuer';

export class SamlLogoutStage {
  landing: LogoutLanding | undefined;
  /** The LogoutRequest URL the SP sent the browser to, kept to deliver it again (a replay). */
  sentRequestUrl: URL | undefined;
  /** A tenant whose SLO endpoint never answers: the browser gives up on it and returns to the IdP. */
  silentTenant: string | undefined;

  /** The user's browser in logout scenarios: it keeps one session cookie per tenant (./path-browser.ts). */
  readonly browser = new PathBrowser('user');

  constructor(readonly saml: SamlStage) {}

  /** Signs the user in to a tenant through the IdP's login page (first time) or its session (after). */
  async signInWithIdpSession(email: string, tenantId: string): Promise<void> {
    const saml = this.saml;
    saml.currentTenantId = tenantId;
    saml.tenant(tenantId);
    await saml.idpUser(email);
    const { url } = await saml.sp();
    const idp = await saml.idp();
    const login = await this.browser.fetch(`${url}/saml/${tenantId}/login`, { redirect: 'manual' });
    const location = login.headers.get('location');
    if (login.status !== 302 || !location) throw new Error(`SP login answered ${login.status} without a redirect`);
    const atIdp = await this.browser.fetch(location, { headers: { accept: 'text/html' } });
    let html = await atIdp.text();
    if (!atIdp.ok) throw new Error(`the IdP answered ${atIdp.status}: ${html.slice(0, 200)}`);
    const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
    if (pending) {
      const signedIn = await this.browser.fetch(`${idp.baseUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ user: email, pending, action: 'send' }).toString(),
      });
      html = await signedIn.text();
      if (!signedIn.ok) throw new Error(`the IdP login answered ${signedIn.status}`);
    }
    const form = parsePostForm(html);
    const outcome = await saml.postAndRecord({ action: form.action, fields: { ...form.fields } }, this.browser);
    if (outcome.kind !== 'accepted') throw new Error(`the sign-in to ${tenantId} was not accepted: ${outcome.kind} ${'code' in outcome ? outcome.code : ''}`);
  }

  /** The browser follows redirects and self-posting forms from `first` until a page that is neither. */
  async walk(first: Response, firstUrl: string, firstMethod: 'GET' | 'POST' = 'GET'): Promise<LogoutLanding> {
    const hops: string[] = [`${firstMethod} ${firstUrl}`];
    let response = first;
    let url = firstUrl;
    for (let i = 0; i < MAX_HOPS; i++) {
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && (await this.silent(new URL(location, url)))) {
        ({ response, url } = await this.returnToIdp(hops, new URL(location, url).toString()));
        continue;
      }
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).toString();
        hops.push(`GET ${url}`);
        response = await this.browser.fetch(url, { redirect: 'manual', headers: { accept: 'application/json' } });
        continue;
      }
      const text = await response.text();
      if (response.ok && SELF_POSTING.test(text)) {
        const form = parsePostForm(text);
        if (await this.silent(new URL(form.action))) {
          ({ response, url } = await this.returnToIdp(hops, form.action));
          continue;
        }
        url = form.action;
        hops.push(`POST ${url}`);
        response = await this.browser.fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams(form.fields).toString(),
        });
        continue;
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { html: text.slice(0, 500) };
      }
      this.landing = { status: response.status, url, body, hops };
      this.saml.attach(`${hops.join('\n')}\n\nHTTP ${response.status}\n${text.slice(0, 2000)}`, 'logout walk');
      return this.landing;
    }
    throw new Error(`the logout did not end within ${MAX_HOPS} hops: ${hops.join(' → ')}`);
  }

  /** From now on the tenant's SLO endpoint never answers the IdP: the browser gives up on it (a tenant of the scenario). */
  neverAnswers(tenantId: string): void {
    this.silentTenant = this.saml.tenant(tenantId).id;
  }

  /** Whether `to` is the SLO endpoint of the tenant that never answers. */
  private async silent(to: URL): Promise<boolean> {
    if (this.silentTenant === undefined) return false;
    const { url } = await this.saml.sp();
    return to.origin === new URL(url).origin && to.pathname === `/saml/${this.silentTenant}/slo`;
  }

  /** The SP at `unanswered` never answers: the user waits past the IdP's bound and goes back to the IdP. */
  private async returnToIdp(hops: string[], unanswered: string): Promise<{ response: Response; url: string }> {
    this.saml.clock.advance(ANSWER_BOUND_MS);
    const url = `${(await this.saml.idp()).baseUrl}/saml/slo/continue`;
    hops.push(`(no answer from ${unanswered})`, `GET ${url}`);
    return { response: await this.browser.fetch(url, { redirect: 'manual', headers: { accept: 'application/json' } }), url };
  }

  /** SP-initiated: the user clicks "Sign out" at the tenant; the browser follows the logout to its end. */
  async signOutAtSp(tenantId: string): Promise<LogoutLanding> {
    const first = await this.startSpLogout(tenantId);
    return this.walk(first.response, first.url);
  }

  /** The SP's answer to "Sign out", not followed: its LogoutRequest for the IdP. */
  private async startSpLogout(tenantId: string): Promise<{ response: Response; url: string }> {
    const { url } = await this.saml.sp();
    const start = `${url}/saml/${tenantId}/logout`;
    const response = await this.browser.fetch(start, { redirect: 'manual', headers: { accept: 'application/json' } });
    const location = response.headers.get('location');
    if (location) this.sentRequestUrl = new URL(location);
    return { response, url: start };
  }

  /** SP-initiated, but the LogoutRequest is changed on its way to the IdP (HTTP-Redirect binding). */
  async signOutAtSpTampered(tenantId: string, tampering: Tampering): Promise<LogoutLanding> {
    const { response } = await this.startSpLogout(tenantId);
    const sent = this.sentRequestUrl;
    if (response.status !== 302 || !sent) throw new StepArgumentError('logout/not-redirect', 'tampering needs a LogoutRequest sent by HTTP-Redirect');
    return this.deliver(tamper(sent, tampering));
  }

  /** SP-initiated, but `meanwhile` happens (the clock moves) before the browser reaches the IdP. */
  async signOutAtSpLate(tenantId: string, meanwhile: () => void): Promise<LogoutLanding> {
    const { response } = await this.startSpLogout(tenantId);
    await response.text();
    if (!this.sentRequestUrl) throw new StepArgumentError('logout/not-redirect', 'the SP sent no LogoutRequest by HTTP-Redirect');
    meanwhile();
    return this.deliver(this.sentRequestUrl);
  }

  /** Delivers a URL (e.g. the SP's earlier LogoutRequest, replayed) to the IdP and follows what comes back. */
  async deliver(url: URL): Promise<LogoutLanding> {
    const response = await this.browser.fetch(url, { redirect: 'manual', headers: { accept: 'application/json' } });
    return this.walk(response, url.toString());
  }

  /** IdP-initiated from the login page: "Sign out everywhere". */
  async signOutEverywhere(): Promise<LogoutLanding> {
    const idp = await this.saml.idp();
    const url = `${idp.baseUrl}/saml/logout`;
    const response = await this.browser.fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: '',
    });
    return this.walk(response, url, 'POST');
  }

  /** The IdP's next LogoutRequest to the tenant's SP carries this deviation. */
  async idpDeviates(tenantId: string, deviation: LogoutDeviationName): Promise<void> {
    const idp = await this.saml.idp();
    idp.control.logout.deviate(await this.saml.spEntityId(tenantId), [deviation]);
  }

  /** The IdP sends the tenant's SP its logout messages by this binding (as an admin sets it per app). */
  async idpSendsBy(tenantId: string, binding: 'redirect' | 'post'): Promise<void> {
    const idp = await this.saml.idp();
    const sp = idp.control.requireSp(await this.saml.spEntityId(tenantId));
    if (!sp.singleLogout) throw new StepArgumentError('logout/no-slo', `the SP of ${tenantId} registered no SingleLogoutService`);
    if (sp.singleLogout.binding === binding) throw new StepArgumentError('logout/binding-unchanged', `the IdP already sends by ${binding}: the step would change nothing`);
    idp.control.registerSp({ ...sp, singleLogout: { url: sp.singleLogout.url, binding } });
  }

  /** The IdP forgets the user's sessions (e.g. they expired), without telling any SP. */
  async idpSessionsEnd(email: string): Promise<void> {
    const idp = await this.saml.idp();
    const mine = idp.control.sessions.live().filter((s) => s.session.login.toLowerCase() === email.toLowerCase());
    if (mine.length === 0) throw new StepArgumentError('logout/no-idp-session', `the IdP has no session for ${email}`);
    for (const s of mine) idp.control.sessions.end(s.id);
  }

  async idpSessionCount(email: string): Promise<number> {
    const idp = await this.saml.idp();
    return idp.control.sessions.live().filter((s) => s.session.login.toLowerCase() === email.toLowerCase()).length;
  }

  /** Whether the browser's session at the tenant still signs the user in (GET /saml/{tenant}/me). */
  async signedInAt(tenantId: string): Promise<boolean> {
    const { url } = await this.saml.sp();
    const response = await this.browser.fetch(`${url}/saml/${tenantId}/me`, { headers: { accept: 'application/json' } });
    await response.text();
    return response.status === 200;
  }

  /** Whether the browser sent the IdP's (or an SP's) logout endpoint a message by that binding during the walk. */
  deliveredBy(binding: 'redirect' | 'post', endpoint: string): boolean {
    const method = binding === 'post' ? 'POST ' : 'GET ';
    return (this.landing?.hops ?? []).some((h) => h.startsWith(method) && new URL(h.slice(method.length)).pathname === endpoint);
  }

  async lastRun(): Promise<LogoutRunView> {
    const run = (await this.saml.idp()).control.logout.lastRun();
    if (!run) throw new Error('the IdP ran no logout');
    return run;
  }
}

/** A changed copy of the SP's HTTP-Redirect LogoutRequest URL. */
function tamper(sent: URL, tampering: Tampering): URL {
  const url = new URL(sent);
  if (tampering === 'unsigned') {
    url.searchParams.delete('SigAlg');
    url.searchParams.delete('Signature');
    return url;
  }
  const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
  const changed =
    tampering === 'altered'
      ? xml.replace(/<saml:NameID([^>]*)>[^<]*</, '<saml:NameID$1>someone-else@example.com<')
      : xml.replace(/<saml:Issuer>[^<]*</, '<saml:Issuer>https://unknown-sp.example/metadata<');
  if (changed === xml) throw new Error(`the LogoutRequest could not be tampered with (${tampering})`);
  url.searchParams.set('SAMLRequest', deflateRawSync(Buffer.from(changed, 'utf8')).toString('base64'));
  return url;
}
