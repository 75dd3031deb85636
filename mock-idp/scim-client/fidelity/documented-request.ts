/*
 * A request a provisioning client's vendor documents sending (Microsoft for Entra, Okta for Okta), recorded as the
 * article prints it, with the article and section it comes from, and the differences between it and what the
 * simulator sends that are deliberate (each with the reason). One type for every client profile: the Entra table
 * (../entra/fidelity/documented-requests.ts) and the Okta one share it, and share ./compare.ts.
 */

/** Where an example is printed. */
export interface DocumentSource {
  /** The article's title. */
  readonly article: string;
  readonly url: string;
  /** The section heading the example sits under, as the article writes it. */
  readonly section: string;
  /** The article's own date (ms.date / "last updated"), used to decide which of two contradicting articles is newer. */
  readonly articleDate: string;
}

/** An HTTP request as a document prints it. */
export interface DocumentedHttpRequest {
  /**
   * The request line as printed, e.g. `PATCH /Users/5171a35d82074e068ce2 HTTP/1.1` or
   * `GET https://.../scim/Users?filter=externalId eq jyoung HTTP/1.1`. The normaliser drops the HTTP version and any
   * base URL before the resource path.
   */
  readonly requestLine: string;
  /**
   * false when the article shows only the body (the compliance article's before/after pairs) or only describes the
   * request in prose (Test Connection): the request line is then the one the article's context implies.
   */
  readonly requestLinePrinted: boolean;
  /** The JSON body as printed (undefined: no body). */
  readonly body?: unknown;
}

/** A difference the simulator keeps on purpose: `at` is a pointer into the compared request (see ./compare.ts). */
export interface DeliberateDifference {
  /** `/method`, `/path`, `/query/<name>`, `/body/<json pointer>`, or `` for the whole request (not sent at all). */
  readonly at: string;
  readonly reason: string;
}

export interface DocumentedRequest<Step extends string = string, Behaviour extends string = string> {
  /** Stable id, e.g. `entra/tutorial/create-user`. */
  readonly id: string;
  readonly client: 'entra' | 'okta';
  /** What the simulator is made to do to send the same request (a key of the profile's step drivers). */
  readonly step: Step;
  /** The client behaviour the example shows (Entra: `legacy` or `compliant` PATCH). */
  readonly behaviour: Behaviour;
  readonly source: DocumentSource;
  readonly documented: DocumentedHttpRequest;
  /**
   * Identifiers in the example that are per-run values (server-assigned ids, random GUIDs are found by the
   * normaliser on their own): each occurrence is compared as `{id}`.
   */
  readonly ids?: readonly string[];
  readonly deliberate?: readonly DeliberateDifference[];
  /** One line for the docs table: what the example shows. */
  readonly summary: string;
}

/** What the simulator sent for a step: method, the URL relative to the tenant base (path and query), the body. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}
