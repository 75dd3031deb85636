/*
 * One sign-in attempt, the unit every test and the baseline are made of (issue 10, "SP-initiated by default"):
 * 1. SP-initiated (a login URL): the driver follows the login URL to the AuthnRequest (./driver/authn-request.ts);
 *    IdP-initiated otherwise (saml-profiles §4.1.5)
 * 2. the in-process IdP mints the answer (InResponseTo = the request's ID, the AuthnRequest's
 *    AssertionConsumerServiceURL when it is registered, else the metadata's default ACS; saml-profiles §4.1.4.1),
 *    with the test's deviations applied (mock-idp/server/deviations.ts)
 * 3. the driver posts it to the ACS with the same cookies and the RelayState the request carried (or the test's)
 * 4. the oracle (./oracle.ts) reads who is signed in: the whoami URL, else the baseline's shapes (inferred)
 * A timeout or refused connection on the decisive POST is an `error` verdict, not a crash.
 */
import type { DeviationInput, IssuedResponse, MockIdp, SamlAttribute } from '../../mock-idp/index.ts';
import type { SamlCertifyTarget, SamlVerdict } from './contract.ts';
import type { SeenAuthnRequest } from './driver/authn-request.ts';
import type { SamlDriver, SpAnswer } from './driver/driver.ts';
import { SamlCertifyError } from './errors.ts';
import { inferFromBaseline, readWhoami, verdictOf, type AnswerShape, type Reading } from './oracle.ts';
import type { ResolvedSp } from './target.ts';

export interface CertifyContext {
  readonly target: SamlCertifyTarget;
  readonly sp: ResolvedSp;
  readonly idp: MockIdp;
}

export interface AttemptPlan {
  readonly deviations?: readonly DeviationInput[];
  /** Replaces the attributes the IdP would send. */
  readonly attributes?: readonly SamlAttribute[];
  /** Who the IdP signs for (default: the target's user). */
  readonly user?: string;
  /** SP-initiated unless false or there is no login URL. */
  readonly solicited?: boolean;
  /** Replaces the RelayState posted with the response (undefined: the request's). */
  readonly relayState?: string;
  /** Answers this AuthnRequest ID instead of the one the login produced (or, unsolicited, claims to). */
  readonly inResponseTo?: string;
}

export interface Attempt {
  readonly request: SeenAuthnRequest | undefined;
  readonly issued: IssuedResponse;
  /** What the SP answered; undefined when the POST failed (timeout, unreachable: `failure`). */
  readonly answer: SpAnswer | undefined;
  readonly failure: SamlCertifyError | undefined;
}

/** The ACS the request names by URL or index when the SP registered it, else the metadata's default. */
export function acsFor(sp: ResolvedSp, request: { acsUrl: string | undefined; acsIndex: number | undefined }): string {
  if (request.acsUrl !== undefined && sp.acsUrls.includes(request.acsUrl)) return request.acsUrl;
  const indexed = typeof sp.registration.acs === 'string' ? [] : sp.registration.acs;
  return indexed.find((a) => request.acsIndex !== undefined && a.index === request.acsIndex)?.url ?? sp.defaultAcs;
}

/** Steps 1–3: returns what was sent and what the SP answered. */
export async function attemptSignIn(ctx: CertifyContext, driver: SamlDriver, plan: AttemptPlan = {}, beforePost?: () => Promise<void>): Promise<Attempt> {
  const solicited = plan.solicited !== false && ctx.target.loginUrl !== undefined;
  const request = solicited ? await driver.startSignIn(ctx.target.loginUrl!) : undefined;
  const deviations = [...(plan.deviations ?? [])];
  if (plan.inResponseTo !== undefined) deviations.push({ method: 'inResponseTo', args: [plan.inResponseTo] });
  ctx.idp.control.setNextSignIn({ user: plan.user ?? ctx.target.user, deviations, ...(plan.attributes ? { attributes: plan.attributes } : {}) });
  let issued: IssuedResponse;
  try {
    issued = await ctx.idp.control.issue({
      spEntityId: ctx.sp.entityId,
      ...(request ? { request: { ...request.info, acsUrl: acsFor(ctx.sp, request.info), acsIndex: undefined } } : {}),
      relayState: plan.relayState ?? request?.relayState,
    });
  } finally {
    ctx.idp.control.clearNextSignIn();
  }
  await beforePost?.();
  try {
    return { request, issued, answer: await driver.postResponse(issued.action, issued.fields), failure: undefined };
  } catch (error) {
    if (error instanceof SamlCertifyError) return { request, issued, answer: undefined, failure: error };
    throw error;
  }
}

export interface Judgement {
  readonly verdict: SamlVerdict;
  readonly reading: Reading;
}

/** Step 4: who is signed in now, as a verdict. `claimed` is the identity an attack tried to become. */
export async function judge(
  ctx: CertifyContext,
  driver: SamlDriver,
  answer: SpAnswer | undefined,
  options: {
    readonly claimed?: string | undefined;
    readonly baseline?: { signedIn: AnswerShape; garbage: AnswerShape } | undefined;
    readonly failure?: SamlCertifyError | undefined;
  } = {},
): Promise<Judgement> {
  const inferred = ctx.target.whoami === undefined;
  const identities = { signed: ctx.target.user, claimed: options.claimed };
  if (!answer) {
    const reading: Reading = { kind: 'unknown', detail: options.failure?.message ?? 'the ACS did not answer' };
    return { reading, verdict: verdictOf(reading, undefined, inferred, identities) };
  }
  let reading: Reading;
  if (ctx.target.whoami) {
    try {
      reading = readWhoami(await driver.whoami(ctx.target.whoami.url), ctx.target.whoami);
    } catch (error) {
      if (!(error instanceof SamlCertifyError)) throw error;
      reading = { kind: 'unknown', detail: error.message };
    }
  } else if (options.baseline) {
    reading = inferFromBaseline(answer, options.baseline);
  } else {
    reading = { kind: 'unknown', detail: 'no whoami URL and no baseline to compare with' };
  }
  return { reading, verdict: verdictOf(reading, answer, inferred, identities) };
}
