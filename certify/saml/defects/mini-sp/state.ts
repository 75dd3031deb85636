/*
 * What the mini SP keeps between requests (its context) and what one ACS post carries through the rules (its
 * state). The rules are the ordered table in ./rules.ts; a defect SP is this SP with one entry replaced.
 * - outstanding requests: AuthnRequest ID → the browser cookie it is bound to, its expiry, whether answered
 * - the replay cache: assertion ID → until when it is remembered (its NotOnOrAfter, at least the request TTL)
 * - sessions: session cookie → the NameID signed in
 */
import type { TrustedIdp } from './idp-trust.ts';

export interface OutstandingRequest {
  readonly binding: string;
  readonly expiresAt: number;
  answered: boolean;
}

export interface MiniSpContext {
  readonly origin: string;
  readonly entityId: string;
  readonly acsUrl: string;
  readonly idp: TrustedIdp;
  /** The SP's own key pair: encrypted assertions are decrypted with it. */
  readonly keys: { readonly privateKeyPem: string; readonly certificatePem: string };
  readonly now: () => number;
  /** Allowed clock difference with the IdP (saml-core §2.5.1.2 leaves it to the relying party). */
  readonly skewMs: number;
  readonly requests: Map<string, OutstandingRequest>;
  readonly seenAssertions: Map<string, number>;
  readonly sessions: Map<string, string>;
}

export interface AcsState {
  readonly ctx: MiniSpContext;
  /** The posted SAMLResponse field, as received. */
  readonly posted: unknown;
  /** The value of the request-binding cookie this browser sent, if any. */
  readonly requestBinding: string | undefined;
  xml?: string;
  doc?: Document;
  /** The Response element read from now on: after a verified Response signature, the signed copy only. */
  response?: Element;
  /** The one Assertion the Response carries, in the message (or in the decrypted plaintext). */
  candidate?: Element;
  /** The key a signature is checked with. */
  keyFor?: (signature: Element) => string;
  /** The assertion every later rule reads: the XML its signature covers, re-parsed. */
  assertion?: Element;
  assertionSigned?: boolean;
  nameId?: string;
}

export type Rule = (state: AcsState) => void | Promise<void>;

/** Reads a field the pipeline order guarantees; a missing one is a bug in the order, not the message's fault. */
export function need<K extends keyof AcsState>(state: AcsState, key: K): NonNullable<AcsState[K]> {
  const value = state[key];
  if (value === undefined || value === null) throw new Error(`mini SP rule order: ${String(key)} is not set yet`);
  return value as NonNullable<AcsState[K]>;
}
