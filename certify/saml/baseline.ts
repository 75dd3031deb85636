/*
 * Baseline first (issue 10): before any attack, a legitimate response — signed the way the SP's metadata asks
 * (WantAssertionsSigned → the assertion; else response and assertion, ./target.ts) — must sign the user in.
 * If it does not, nothing else can be judged: the run stops with a diagnosis a person can act on (the SP's status,
 * a short sanitized excerpt of its answer, and the question that usually fixes it: does it trust our metadata?).
 * Also a garbage POST (a SAMLResponse that is not SAML) is sent from another browser, so that without a whoami URL
 * the oracle can tell a sign-in from a refusal by their shapes (./oracle.ts inferFromBaseline).
 */
import { systemClock, type Clock } from '../../mock-idp/index.ts';
import { attemptSignIn, judge, type CertifyContext } from './attempt.ts';
import type { SamlCertifyTarget, SamlVerdict } from './contract.ts';
import { closeSharedBrowser } from './driver/browser.ts';
import { driverFor } from './driver/factory.ts';
import type { SamlDriver, SpAnswer } from './driver/driver.ts';
import { SamlCertifyError, type SamlCertifyCode } from './errors.ts';
import { certifyIdp, idpEntityId } from './idp.ts';
import { shapeOf, type AnswerShape } from './oracle.ts';
import { resolveSp } from './target.ts';

export interface BaselineObservation {
  /** What a legitimate sign-in looks like at the ACS. */
  readonly signedIn: AnswerShape;
  /** What a POST of something that is not SAML looks like. */
  readonly garbage: AnswerShape;
  readonly verdict: SamlVerdict;
}

export interface BaselineResult {
  readonly ok: boolean;
  /** Why it failed, for machines: certify-saml/baseline-failed (the SP did not sign the user in) or the code of
   * what stopped the attempt (certify-saml/no-authn-request, …/unreachable, …/bad-metadata, …). */
  readonly code?: SamlCertifyCode;
  /** Why the baseline failed, for a person: what the SP answered and what to check. */
  readonly diagnosis?: string;
  readonly observation?: BaselineObservation;
}

const FAILED: SamlCertifyCode = 'certify-saml/baseline-failed';

/** The POST that cannot sign anybody in: base64 of a document that is not a SAML response. */
export const GARBAGE_RESPONSE = Buffer.from('<not-a-saml-response/>').toString('base64');

function trustHint(target: SamlCertifyTarget): string {
  const where = target.idp.port ? `http://127.0.0.1:${target.idp.port}/metadata` : `the IdP with entity ID ${idpEntityId(target)}`;
  return `does it trust ${where}?`;
}

function describeAnswer(answer: SpAnswer): string {
  const text = answer.excerpt.slice(0, 120);
  return `HTTP ${answer.status}${answer.locations[0] ? ` (redirect to ${answer.locations[0].slice(0, 120)})` : ''}${text ? ` "${text}"` : ''}`;
}

/** The baseline against an SP already resolved, with drivers from `newDriver` (one per browser). */
export async function baselineWith(ctx: CertifyContext, newDriver: () => SamlDriver): Promise<BaselineResult> {
  const garbageDriver = newDriver();
  const driver = newDriver();
  try {
    const garbage = await garbageDriver.postResponse(ctx.sp.defaultAcs, { SAMLResponse: GARBAGE_RESPONSE });
    const attempt = await attemptSignIn(ctx, driver);
    if (!attempt.answer)
      return { ok: false, code: attempt.failure?.code ?? FAILED, diagnosis: `the SP's ACS did not answer a valid response: ${attempt.failure?.message ?? 'no answer'}` };
    const signedIn = shapeOf(attempt.answer);
    const baseline = { signedIn, garbage: shapeOf(garbage) };
    const { verdict } = await judge(ctx, driver, attempt.answer, { baseline });
    const observation: BaselineObservation = { ...baseline, verdict };
    if (ctx.target.whoami) {
      if (verdict.kind === 'accepted' && verdict.as === ctx.target.user) return { ok: true, observation };
      if (verdict.kind === 'accepted') {
        return {
          ok: false,
          code: FAILED,
          observation,
          diagnosis: `a valid response for ${ctx.target.user} signed in ${verdict.as ?? 'someone the whoami URL does not name'}; check --whoami-json-path / --whoami-match`,
        };
      }
      const said = describeAnswer(attempt.answer);
      if (attempt.answer.status < 400) {
        return {
          ok: false,
          code: FAILED,
          observation,
          diagnosis: `your SP answered ${said} to a valid response, but its whoami URL says nobody is signed in; check --whoami, or ${trustHint(ctx.target)}`,
        };
      }
      return { ok: false, code: FAILED, observation, diagnosis: `your SP answered ${said} to a valid response for ${ctx.target.user}; ${trustHint(ctx.target)}` };
    }
    // Without a whoami URL a sign-in must at least look different from a garbage POST, and not be an error.
    const distinct =
      signedIn.status !== baseline.garbage.status ||
      signedIn.firstLocation !== baseline.garbage.firstLocation ||
      signedIn.setCookieNames.join() !== baseline.garbage.setCookieNames.join();
    if (attempt.answer.status < 400 && distinct) return { ok: true, observation };
    return {
      ok: false,
      code: FAILED,
      observation,
      diagnosis: `your SP answered ${describeAnswer(attempt.answer)} to a valid response for ${ctx.target.user}${distinct ? '' : ', the same as to a POST that is not SAML'}; ${trustHint(ctx.target)}`,
    };
  } catch (error) {
    if (error instanceof SamlCertifyError) return { ok: false, code: error.code, diagnosis: `${error.message} [${error.code}]` };
    throw error;
  } finally {
    await Promise.all([garbageDriver.close(), driver.close()]);
  }
}

/**
 * `certify saml`'s baseline (the run calls it before cucumber): resolves the SP, mints with the run's IdP keys,
 * and signs the user in once. A target with bad options throws certify-saml/bad-target (exit 2).
 */
export async function runBaseline(target: SamlCertifyTarget, clock: Clock = systemClock): Promise<BaselineResult> {
  let sp: Awaited<ReturnType<typeof resolveSp>>;
  try {
    sp = await resolveSp(target);
  } catch (error) {
    if (error instanceof SamlCertifyError && error.code !== 'certify-saml/bad-target') return { ok: false, code: error.code, diagnosis: `${error.message} [${error.code}]` };
    throw error;
  }
  const ctx: CertifyContext = { target, sp, idp: certifyIdp(target, sp, clock) };
  try {
    return await baselineWith(ctx, () => driverFor(target, sp, ctx.idp.baseUrl));
  } finally {
    // The browser is the process's; the run starts cucumber afterwards, or stops here — never leaves it open.
    if (target.browser) await closeSharedBrowser();
  }
}
