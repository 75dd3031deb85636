/*
 * One SP-initiated sign-in of the load run, leg by leg (saml-profiles §4.1.3–4.1.4, Web Browser SSO):
 * 1. login: GET the login URL and follow its redirects (at most 10) until one carries SAMLRequest (HTTP-Redirect,
 *    saml-bindings §3.4) or a page holds a form with it (HTTP-POST, §3.5); read and, when the metadata says
 *    AuthnRequestsSigned, verified exactly as certify does (certify/saml/driver/authn-request.ts). The IdP's SSO
 *    URL is never fetched.
 * 2. mint: the in-process mock IdP answers that request (InResponseTo, the ACS the request names when the SP
 *    registered it: certify/saml/attempt.ts acsFor), signed as the SP's metadata asks; no HTTP.
 * 3. acs: POST the response with the request's RelayState as the auto-posting form does (saml-bindings §3.5.4),
 *    then follow redirects that stay on the ACS's origin (at most 5) so the session lands.
 * 4. whoami (with --whoami): the oracle of certify (certify/saml/oracle.ts readWhoami) must name the user.
 * Each leg's time is returned in milliseconds; the outcome is 'ok' or the LoadCode that stopped it.
 */
import { acsFor } from '../../certify/saml/attempt.ts';
import type { SamlCertifyTarget } from '../../certify/saml/contract.ts';
import {
  carriesSamlRequest,
  findRequestForm,
  MAX_ACS_HOPS,
  MAX_LOGIN_HOPS,
  readPostRequest,
  readRedirectRequest,
  type SeenAuthnRequest,
} from '../../certify/saml/driver/authn-request.ts';
import { WHOAMI_ACCEPT } from '../../certify/saml/driver/driver.ts';
import { SamlCertifyError } from '../../certify/saml/errors.ts';
import { readWhoami, verdictOf } from '../../certify/saml/oracle.ts';
import type { ResolvedSp } from '../../certify/saml/target.ts';
import type { IssuedResponse, MockIdp } from '../../mock-idp/index.ts';
import { LoadError, type LoadCode } from './errors.ts';
import type { VirtualUser } from './virtual-user.ts';

export const LEGS = ['login', 'mint', 'acs', 'whoami', 'signIn'] as const;
export type Leg = (typeof LEGS)[number];

export interface LoadContext {
  /** The SP as certify reads it; loginUrl is set, whoami optional. */
  readonly target: SamlCertifyTarget & { readonly loginUrl: string };
  readonly sp: ResolvedSp;
  readonly idp: MockIdp;
}

export interface SignInResult {
  readonly outcome: 'ok' | LoadCode;
  /** Milliseconds per leg that completed (signIn: the whole attempt, also when it failed). */
  readonly legs: Partial<Record<Leg, number>>;
}

function redirected(status: number, location: string | undefined): location is string {
  return status >= 300 && status < 400 && location !== undefined;
}

/** Where a redirect leads; a Location that is not a URL stops the sign-in with the answer's status. */
function follow(location: string, base: string, status: number): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new LoadError(`load/http-${status}`, `HTTP ${status} with a Location that is not a URL`);
  }
}

function badRequest(error: unknown): never {
  if (error instanceof SamlCertifyError) throw new LoadError('load/bad-authn-request', error.message);
  throw error;
}

/** Leg 1: from the login URL to the AuthnRequest the SP sends the browser off with. */
async function login(ctx: LoadContext, vu: VirtualUser): Promise<SeenAuthnRequest> {
  let url = ctx.target.loginUrl;
  for (let hop = 0; hop <= MAX_LOGIN_HOPS; hop++) {
    const answer = await vu.send(url);
    if (redirected(answer.status, answer.location)) {
      const next = follow(answer.location, url, answer.status).href;
      if (carriesSamlRequest(next)) return readOr(() => readRedirectRequest(next, ctx.sp));
      url = next;
      continue;
    }
    if (answer.status >= 400) throw new LoadError(`load/http-${answer.status}`, `the login URL led to HTTP ${answer.status}`);
    const form = formOn(answer.body, url);
    if (form) return readOr(() => readPostRequest(form, ctx.sp));
    throw new LoadError('load/no-authn-request', `the login URL led to HTTP ${answer.status} without an AuthnRequest`);
  }
  throw new LoadError('load/no-authn-request', `the login URL redirected more than ${MAX_LOGIN_HOPS} times without an AuthnRequest`);
}

/** The page's SAMLRequest form; a form whose action is not a URL carries no request anywhere. */
function formOn(html: string, pageUrl: string): ReturnType<typeof findRequestForm> {
  try {
    return findRequestForm(html, pageUrl);
  } catch {
    return undefined;
  }
}

function readOr(read: () => SeenAuthnRequest): SeenAuthnRequest {
  try {
    return read();
  } catch (error) {
    return badRequest(error);
  }
}

/** Leg 2: the in-process IdP's answer to the request. */
async function mint(ctx: LoadContext, request: SeenAuthnRequest): Promise<IssuedResponse> {
  try {
    return await ctx.idp.control.issue({
      spEntityId: ctx.sp.entityId,
      user: ctx.target.user,
      request: { ...request.info, acsUrl: acsFor(ctx.sp, request.info), acsIndex: undefined },
      relayState: request.relayState,
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new LoadError('load/mint-failed', `the mock IdP would not answer the request (${typeof code === 'string' ? code : 'failed'})`);
  }
}

/** Leg 3: the POST to the ACS and the redirects on its origin after it. */
async function postToAcs(vu: VirtualUser, issued: IssuedResponse): Promise<void> {
  let answer = await vu.send(issued.action, { method: 'POST', form: issued.fields, readBody: false });
  if (answer.status >= 500) throw new LoadError(`load/http-${answer.status}`, `the ACS answered HTTP ${answer.status}`);
  if (answer.status >= 400) throw new LoadError('load/acs-refused', `the ACS answered HTTP ${answer.status}`);
  // The ACS answered, so its URL is one undici could send to.
  const origin = new URL(issued.action).origin;
  let url = issued.action;
  for (let hop = 0; hop < MAX_ACS_HOPS && redirected(answer.status, answer.location); hop++) {
    const next = follow(answer.location, url, answer.status);
    // Sent back to the IdP for a new sign-in: the SP did not accept the response.
    if (carriesSamlRequest(next.href)) throw new LoadError('load/acs-refused', 'the ACS sent the browser back for a new AuthnRequest');
    if (next.origin !== origin) return;
    url = next.href;
    answer = await vu.send(url, { readBody: false });
  }
  if (answer.status >= 400) throw new LoadError(`load/http-${answer.status}`, `the page after the ACS answered HTTP ${answer.status}`);
}

/** Leg 4: who the whoami URL says is signed in. */
async function whoami(ctx: LoadContext, vu: VirtualUser, oracle: NonNullable<SamlCertifyTarget['whoami']>): Promise<void> {
  const answer = await vu.send(oracle.url, { accept: WHOAMI_ACCEPT });
  const reading = readWhoami(answer, oracle);
  if (reading.kind === 'unknown') throw new LoadError(`load/http-${answer.status}`, reading.detail);
  // certify's verdict: 'accepted' as the user (or as someone unnamed, when the whoami URL names nobody).
  const verdict = verdictOf(reading, undefined, false, { signed: ctx.target.user });
  if (verdict.kind !== 'accepted' || (verdict.as !== null && verdict.as !== ctx.target.user))
    throw new LoadError('load/not-signed-in', 'the whoami URL does not name the user after the sign-in');
}

/** One sign-in by a fresh virtual user; never throws a LoadError (it becomes the outcome). */
export async function signIn(ctx: LoadContext, vu: VirtualUser, now: () => number = performance.now.bind(performance)): Promise<SignInResult> {
  const legs: Partial<Record<Leg, number>> = {};
  const start = now();
  const timed = async <T>(leg: Leg, body: () => Promise<T>): Promise<T> => {
    const t = now();
    const value = await body();
    legs[leg] = now() - t;
    return value;
  };
  try {
    const request = await timed('login', () => login(ctx, vu));
    const issued = await timed('mint', () => mint(ctx, request));
    await timed('acs', () => postToAcs(vu, issued));
    const oracle = ctx.target.whoami;
    if (oracle) await timed('whoami', () => whoami(ctx, vu, oracle));
    legs.signIn = now() - start;
    return { outcome: 'ok', legs };
  } catch (error) {
    legs.signIn = now() - start;
    if (error instanceof LoadError) return { outcome: error.code, legs };
    throw error;
  }
}
