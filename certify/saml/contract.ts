/*
 * The contract between the three parts of `certify saml` (issue 10), so each can be built and tested alone:
 * - the CLI (cli/commands/certify-saml.ts) parses flags into a SamlCertifyTarget;
 * - the run (./run.ts) hands it to cucumber as `worldParameters.samlCertify` and collects the outcomes;
 * - the stage and steps (steps/support/saml-certify/, steps/certify-saml.steps.ts) read it, drive the SP under
 *   test, and attach what the report shows under the names in SAML_ATTACHMENTS.
 * Without `worldParameters.samlCertify` the stage certifies the bundled reference SP, started in-process.
 */

/** What the SP under test is, and how the harness reaches it. JSON only: it travels as cucumber worldParameters. */
export interface SamlCertifyTarget {
  /** The SP's metadata: exactly one of url / file / xml; or spEntityId + acsUrls instead. */
  readonly spMetadata?: { readonly url?: string; readonly file?: string; readonly xml?: string };
  readonly spEntityId?: string;
  readonly acsUrls?: readonly string[];
  /** SP-initiated when set (the norm); IdP-initiated (unsolicited) otherwise, and the report says so. */
  readonly loginUrl?: string;
  /** The verdict oracle; absent: verdicts are inferred from the baseline and marked so. */
  readonly whoami?: { readonly url: string; readonly jsonPath?: string; readonly match?: string };
  /** The identity a legitimate response signs in, and the one attacks try to become. */
  readonly user: string;
  readonly victim: string;
  /** The embedded mock IdP: its keys (and entity ID) live in dataDir so the SP's trust survives runs. */
  readonly idp: { readonly dataDir: string; readonly port: number; readonly entityId?: string };
  readonly timeoutMs: number;
  /** Drive a real browser instead of the HTTP driver (SPs whose login needs JavaScript). */
  readonly browser?: { readonly kind: 'chromium'; readonly executablePath?: string };
}

/** cucumber worldParameters key. */
export const WORLD_PARAMETER = 'samlCertify';

/** The verdict of one test's decisive POST, as the oracle read it. */
export type SamlVerdict =
  | { readonly kind: 'refused'; readonly inferred: boolean }
  | { readonly kind: 'accepted'; readonly as: string | null; readonly inferred: boolean }
  /** e.g. a comment-injection attempt that signs in only the identity the IdP really signed */
  | { readonly kind: 'accepted-as-signed-identity'; readonly as: string; readonly inferred: boolean }
  | { readonly kind: 'error'; readonly detail: string; readonly inferred: boolean };

/** Attachment names (cucumber `this.attach(text, { fileName, mediaType })`) the report reads. */
export const SAML_ATTACHMENTS = {
  /** The decoded SAML message as posted (XML, text/xml). */
  message: 'saml-message.xml',
  /** JSON { summary: string, highlight: string[] }: what the attack changed; highlight = substrings of the message. */
  mutation: 'saml-mutation',
  /** The SP's answer: "HTTP 302\nLocation: …" plus at most 300 characters of body, text/plain. */
  spAnswer: 'sp-answer',
  /** JSON SamlVerdict, application/json. */
  verdict: 'saml-verdict',
} as const;
