/*
 * A browser that signs in by hand at the mock IdP, whatever binding the SP sends its AuthnRequest with: the SP's
 * login answers a redirect (HTTP-Redirect) or a self-posting form (HTTP-POST), the browser carries the request to
 * the IdP and reads what the IdP does with it — its login page (and which sign-in methods it offers), a form
 * posting a Response to the ACS (a sign-in, or a refusal carrying a SAML status), or an error page with a code.
 * Nothing is queued at the IdP unless the scenario asks for it, so its session cookie and the request's
 * IsPassive, ForceAuthn, NameIDPolicy and RequestedAuthnContext decide (mock-idp/saml/request-policy/).
 */
import { inflateRawSync } from 'node:zlib';
import { parsePostForm } from '../../../mock-idp/index.ts';
import type { HarnessWorld } from '../world.ts';
import type { PostedForm } from './stage.ts';

export type SignInMethod = 'password' | 'mfa';

/** What the IdP did with one AuthnRequest. */
export type IdpReply =
  | { readonly kind: 'login-page'; readonly pending: string; readonly methods: readonly SignInMethod[] }
  | { readonly kind: 'posted'; readonly form: PostedForm }
  | { readonly kind: 'refused'; readonly code: string };

export interface SentRequest {
  readonly binding: 'redirect' | 'post';
  readonly xml: string;
  readonly form?: PostedForm;
}

export class SessionFlow {
  readonly requests: SentRequest[] = [];
  readonly replies: IdpReply[] = [];
  /** The SessionIndex of every assertion the browser posted to an SP. */
  readonly sessionIndexes: string[] = [];
  /** Changes the AuthnRequest XML between the SP and the IdP (an attacker on the way), once. */
  tamper: ((xml: string) => string) | undefined;

  constructor(readonly world: HarnessWorld) {}

  /** The browser opens the SP's login URL of a tenant and carries the AuthnRequest to the IdP. */
  async start(tenantId = this.world.saml.tenant().id): Promise<IdpReply> {
    const stage = this.world.saml;
    const { url } = await stage.sp();
    (await stage.idp()).control.clearNextSignIn(); // a person at the browser, not a queued sign-in
    const login = await stage.browser.fetch(`${url}/saml/${tenantId}/login`, { redirect: 'manual', headers: { accept: 'text/html' } });
    const location = login.headers.get('location');
    let answer: Response;
    if (login.status === 302 && location) {
      const xml = inflateRawSync(Buffer.from(new URL(location).searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
      this.sent({ binding: 'redirect', xml });
      answer = await stage.browser.fetch(location, { headers: { accept: 'text/html' } });
    } else if (login.status === 200) {
      const page = parsePostForm(await login.text());
      const fields = { ...page.fields } as Record<string, string>;
      const xml = Buffer.from(fields['SAMLRequest'] ?? '', 'base64').toString('utf8');
      this.sent({ binding: 'post', xml, form: { action: page.action, fields } });
      if (this.tamper) fields['SAMLRequest'] = Buffer.from(this.tamper(xml), 'utf8').toString('base64');
      this.tamper = undefined;
      answer = await stage.browser.fetch(page.action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams(fields).toString(),
      });
    } else {
      throw new Error(`the SP's login answered ${login.status}`);
    }
    return this.read(answer);
  }

  /** The user picks themself on the IdP's login page and signs in with a password or with MFA. */
  async signInOnLoginPage(email: string, method: SignInMethod): Promise<IdpReply> {
    const stage = this.world.saml;
    const reply = this.replies.at(-1);
    if (reply?.kind !== 'login-page') throw new Error('the IdP showed no login page');
    await stage.idpUser(email, (await stage.idp()).control.findUser(email)?.groups ?? []);
    stage.lastSignInEmail = email;
    const answer = await stage.browser.fetch(`${(await stage.idp()).baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ pending: reply.pending, user: email, action: method === 'mfa' ? 'mfa' : 'send' }).toString(),
    });
    return this.read(answer);
  }

  /** The XML of the assertion-bearing Response the browser posted last. */
  lastResponseXml(): string {
    const posted = this.world.saml.lastPosted;
    if (!posted) throw new Error('the browser posted nothing to the SP');
    return Buffer.from(posted.fields['SAMLResponse'] ?? '', 'base64').toString('utf8');
  }

  private sent(request: SentRequest): void {
    this.requests.push(request);
    this.world.attach(request.xml, 'AuthnRequest.xml');
  }

  /** Reads the IdP's answer; a form to the ACS is posted at once, as the browser's onload does. */
  private async read(answer: Response): Promise<IdpReply> {
    const html = await answer.text();
    let reply: IdpReply;
    if (!answer.ok) {
      const code = /data-error-code="([^"]+)"/.exec(html)?.[1] ?? `http/${answer.status}`;
      this.world.saml.outcome = { kind: 'idp-refused', status: answer.status, code };
      reply = { kind: 'refused', code };
    } else {
      const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
      if (pending) {
        const methods: SignInMethod[] = [];
        if (html.includes('name="action" value="send"')) methods.push('password');
        if (html.includes('name="action" value="mfa"')) methods.push('mfa');
        reply = { kind: 'login-page', pending, methods };
      } else {
        const form = parsePostForm(html);
        reply = { kind: 'posted', form: { action: form.action, fields: { ...form.fields } as Record<string, string> } };
        const index = /SessionIndex="([^"]+)"/.exec(Buffer.from(form.fields['SAMLResponse'] ?? '', 'base64').toString('utf8'))?.[1];
        if (index) this.sessionIndexes.push(index);
        await this.world.saml.postAndRecord(reply.form);
      }
    }
    this.replies.push(reply);
    return reply;
  }
}

const flows = new WeakMap<HarnessWorld, SessionFlow>();

export function sessionFlow(world: HarnessWorld): SessionFlow {
  let flow = flows.get(world);
  if (!flow) {
    flow = new SessionFlow(world);
    flows.set(world, flow);
  }
  return flow;
}
