/*
 * The certify-saml stage of one scenario: what the test changes in the IdP's answer, the browser(s) it uses, what
 * the SP answered, and the oracle's verdict. Given steps describe the mutation (deviations plus a summary and the
 * substrings the report highlights); the When step runs one sign-in attempt (certify/saml/attempt.ts); every Then
 * step asks `judgement()` — the oracle's verdict, computed once — and the stage attaches the four
 * SAML_ATTACHMENTS (message, mutation, SP answer, verdict) the report reads (the message with long padding elided,
 * ./report-message.ts).
 * A step that does not apply to the SP under test (no encryption certificate, no login URL, …) skips the scenario
 * with a `skip-reason` attachment (certify/catalog.ts) instead of passing without testing anything.
 */
import type { DeviationInput, SamlAttribute } from '../../../mock-idp/index.ts';
import { attemptSignIn, judge, type Attempt, type AttemptPlan, type Judgement } from '../../../certify/saml/attempt.ts';
import { SAML_ATTACHMENTS } from '../../../certify/saml/contract.ts';
import type { SamlDriver } from '../../../certify/saml/driver/driver.ts';
import { SamlCertifyError } from '../../../certify/saml/errors.ts';
import { startFetchListener, type FetchListener } from '../../../certify/saml/fetch-listener.ts';
import { SKIP_REASON_ATTACHMENT } from '../../../certify/catalog.ts';
import { messageForReport } from './report-message.ts';
import { certifyRun, inferenceBaseline, type CertifyRun } from './run-context.ts';

/** The transcript entry that says which signature placement an attack started from, and why. */
export const SIGNATURE_PLACEMENT_ATTACHMENT = 'signature-placement';

/** The transcript entry that lists what the SP fetched from the scenario's out-of-band witness. */
export const OUT_OF_BAND_ATTACHMENT = 'out-of-band-fetches';

export type AttachFn = (text: string, options: { mediaType: string; fileName: string }) => unknown;

export interface Mutation {
  readonly summary: string;
  readonly highlight: readonly string[];
}

export class SamlCertifyStage {
  readonly deviations: DeviationInput[] = [];
  readonly summaries: string[] = [];
  readonly highlight: string[] = [];
  /** The identity the attack tries to become (the victim), when it is about identity. */
  claimed: string | undefined;
  attributes: readonly SamlAttribute[] | undefined;
  relayState: string | undefined;
  solicited = true;
  inResponseTo: string | undefined;
  /** The attempt the When step made, and its verdict once a Then step asked. */
  attempt: Attempt | undefined;
  #judgement: Judgement | undefined;
  #run: CertifyRun | undefined;
  #drivers: SamlDriver[] = [];
  #listener: Promise<FetchListener> | undefined;
  #driver: SamlDriver | undefined;
  /** The user's browser's cookies just before the decisive POST of an earlier sign-in (a replay restores them). */
  #cookiesBeforePost: unknown;

  constructor(
    private readonly parameters: unknown,
    private readonly attachRaw: AttachFn,
  ) {}

  async run(): Promise<CertifyRun> {
    this.#run ??= await certifyRun(this.parameters);
    return this.#run;
  }

  /** A new browser (the user's by default: the first one). */
  async browser(fresh = false): Promise<SamlDriver> {
    const run = await this.run();
    if (this.#driver && !fresh) return this.#driver;
    const driver = run.newDriver();
    this.#drivers.push(driver);
    this.#driver ??= driver;
    return driver;
  }

  mutate(deviations: readonly DeviationInput[], summary: string, highlight: readonly string[] = []): void {
    this.deviations.push(...deviations);
    this.summaries.push(summary);
    this.highlight.push(...highlight.filter((h) => h !== ''));
  }

  mutation(): Mutation {
    return { summary: this.summaries.length > 0 ? this.summaries.join('; ') : 'none: a legitimate response', highlight: this.highlight };
  }

  /**
   * The signature a wrapping or smuggling attack starts from (probed once per run, certify/saml/signature-placement.ts):
   * assertion only when the SP accepts that, else Response and assertion. Says which, and why, in the transcript.
   */
  async attackSigning(): Promise<{ deviation: 'signAssertionOnly' | 'signBoth'; stripped: boolean }> {
    const signing = await (await this.run()).attackSigning();
    this.attachRaw(signing.reason, { mediaType: 'text/plain', fileName: SIGNATURE_PLACEMENT_ATTACHMENT });
    return signing.placement === 'assertion' ? { deviation: 'signAssertionOnly', stripped: true } : { deviation: 'signBoth', stripped: false };
  }

  /** Marks the scenario skipped with a reason (certify/catalog.ts reads the `skip-reason` attachment). */
  skip(reason: string): 'skipped' {
    this.attachRaw(reason, { mediaType: 'text/plain', fileName: SKIP_REASON_ATTACHMENT });
    return 'skipped';
  }

  private plan(): AttemptPlan {
    return {
      deviations: this.deviations,
      ...(this.attributes ? { attributes: this.attributes } : {}),
      ...(this.relayState !== undefined ? { relayState: this.relayState } : {}),
      ...(this.inResponseTo !== undefined ? { inResponseTo: this.inResponseTo } : {}),
      solicited: this.solicited,
    };
  }

  /** The decisive attempt: the scenario's mutation, from the user's browser. */
  async post(): Promise<Attempt> {
    const run = await this.run();
    const driver = await this.browser();
    // After an earlier sign-in in this scenario, the browser goes back to how it was before that POST: the test
    // judges this attempt, not the session the earlier one left behind.
    if (this.#cookiesBeforePost !== undefined) await driver.restoreCookies(this.#cookiesBeforePost);
    this.attempt = await attemptSignIn(run.ctx, driver, this.plan());
    this.#judgement = undefined;
    return this.attempt;
  }

  /** A legitimate sign-in before the test (replay, reused InResponseTo); returns whether the user got in. */
  async signInFirst(): Promise<{ attempt: Attempt; judgement: Judgement }> {
    const run = await this.run();
    const driver = await this.browser();
    const attempt = await attemptSignIn(run.ctx, driver, {}, async () => {
      this.#cookiesBeforePost = await driver.saveCookies();
    });
    const judgement = await judge(run.ctx, driver, attempt.answer, { baseline: await this.inferenceBaseline(), failure: attempt.failure });
    this.attempt = attempt;
    return { attempt, judgement };
  }

  /** Posts the earlier attempt's response again: from the same browser as it was before that POST, or another one. */
  async postAgain(sameBrowser: boolean): Promise<void> {
    const earlier = this.attempt;
    if (!earlier) throw new Error('nothing was posted yet: start with "Given the user has signed in to the SP"');
    let driver: SamlDriver;
    if (sameBrowser) {
      driver = await this.browser();
      await driver.restoreCookies(this.#cookiesBeforePost);
    } else {
      driver = await this.browser(true);
      this.#driver = driver;
    }
    this.mutate([], sameBrowser ? 'the accepted response posted again by the same browser' : 'the accepted response posted again by another browser');
    let answer: Attempt['answer'];
    let failure: Attempt['failure'];
    try {
      answer = await driver.postResponse(earlier.issued.action, earlier.issued.fields);
    } catch (error) {
      if (!(error instanceof SamlCertifyError)) throw error;
      failure = error;
    }
    this.attempt = { ...earlier, answer, failure };
    this.#judgement = undefined;
  }

  private async inferenceBaseline() {
    return inferenceBaseline(await this.run());
  }

  /** The oracle's verdict on the decisive attempt, computed once; attaches the four SAML attachments. */
  async judgement(): Promise<Judgement> {
    if (this.#judgement) return this.#judgement;
    const attempt = this.attempt;
    if (!attempt) throw new Error('nothing was posted: a scenario needs "When the response is posted to the SP"');
    const run = await this.run();
    this.#judgement = await judge(run.ctx, this.#driver!, attempt.answer, { claimed: this.claimed, baseline: await this.inferenceBaseline(), failure: attempt.failure });
    this.attachEvidence(this.#judgement);
    return this.#judgement;
  }

  private attachEvidence(judgement: Judgement): void {
    const attempt = this.attempt!;
    this.attachRaw(messageForReport(attempt.issued.built.xml), { mediaType: 'text/xml', fileName: SAML_ATTACHMENTS.message });
    this.attachRaw(JSON.stringify(this.mutation()), { mediaType: 'application/json', fileName: SAML_ATTACHMENTS.mutation });
    const answer = attempt.answer;
    const said = answer
      ? [`HTTP ${answer.status}`, ...answer.locations.map((l) => `Location: ${l}`), ...(answer.excerpt ? ['', answer.excerpt] : [])].join('\n')
      : `no answer: ${attempt.failure?.message ?? 'the ACS did not answer'}`;
    this.attachRaw(said, { mediaType: 'text/plain', fileName: SAML_ATTACHMENTS.spAnswer });
    this.attachRaw(JSON.stringify(judgement.verdict), { mediaType: 'application/json', fileName: SAML_ATTACHMENTS.verdict });
  }

  /** The scenario's out-of-band witness (certify/saml/fetch-listener.ts), started on first use, closed with the stage. */
  async fetchListener(): Promise<FetchListener> {
    this.#listener ??= startFetchListener();
    return this.#listener;
  }

  /** What the SP fetched from the witness so far; said in the transcript. */
  async fetchesSeen(): Promise<readonly string[]> {
    const fetched = (await this.fetchListener()).fetches();
    this.attachRaw(fetched.length > 0 ? `the SP fetched: ${fetched.join(', ')}` : 'the SP fetched nothing from the URLs the DOCTYPE names', {
      mediaType: 'text/plain',
      fileName: OUT_OF_BAND_ATTACHMENT,
    });
    return fetched;
  }

  async close(): Promise<void> {
    const listener = this.#listener;
    this.#listener = undefined;
    await Promise.all([...this.#drivers.map((d) => d.close()), listener?.then((l) => l.close())]);
  }
}
