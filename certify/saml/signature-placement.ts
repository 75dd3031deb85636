/*
 * Where the wrapping and smuggling attacks keep a signature (issue 10; B's finding on reads-first-assertion).
 * XSW3–8 and the hidden assertions move or add content inside the Response; when the Response is signed too, any
 * SP that checks that signature refuses them before it ever reads an assertion, so the test proves nothing about
 * which assertion the SP reads. A real attacker simply strips the Response signature when the SP does not require
 * one (SAML Profiles §4.1.3.5 lets the Response go unsigned when the assertion is signed). So, once per run, a
 * probe: a legitimate response whose assertion alone is signed.
 * - the probe signs the user in → the attacks sign the assertion only (the Response signature stripped)
 * - it does not → the SP requires a signed Response: the attacks sign both, as a legitimate response would
 */
import { attemptSignIn, judge, type CertifyContext } from './attempt.ts';
import type { SamlDriver } from './driver/driver.ts';
import type { AnswerShape } from './oracle.ts';

export interface AttackSigning {
  /** The signature placement the attacks start from. */
  readonly placement: 'assertion' | 'both';
  /** Why, in a sentence for the scenario's transcript. */
  readonly reason: string;
}

/** The probe: a legitimate assertion-only-signed sign-in from a fresh browser; `baseline` for inferred verdicts. */
export async function probeAttackSigning(
  ctx: CertifyContext,
  newDriver: () => SamlDriver,
  baseline: { signedIn: AnswerShape; garbage: AnswerShape } | undefined,
): Promise<AttackSigning> {
  const driver = newDriver();
  try {
    const attempt = await attemptSignIn(ctx, driver, { deviations: ['signAssertionOnly'] });
    const { verdict } = await judge(ctx, driver, attempt.answer, { baseline, failure: attempt.failure });
    const signedIn = verdict.kind === 'accepted' && (verdict.as === ctx.target.user || (verdict.as === null && verdict.inferred));
    if (signedIn) {
      return {
        placement: 'assertion',
        reason:
          'the Response signature is stripped and only the assertion is signed: a legitimate response signed that way signed the user in ' +
          '(probe at the start of the run), so an attacker needs no Response signature and the test shows which assertion the SP reads',
      };
    }
    return {
      placement: 'both',
      reason: `the Response and the assertion are signed: a legitimate response with only its assertion signed was not accepted (probe verdict: ${verdict.kind}), so the SP requires a signed Response`,
    };
  } finally {
    await driver.close();
  }
}
