/*
 * What the ACS pipeline knows about one response as it moves through the checks. Each check reads what the
 * earlier ones established and fills in its own part. After the signature steps, `response` and `assertion`
 * are nodes re-parsed from the XML the signature actually covered (never the original document), so every
 * later check sees verified data only.
 */
import type { Clock } from '../clock.ts';
import type { SamlTenantConfig } from '../config/saml-section.ts';
import type { TenantConfig } from '../config/types.ts';
import type { SsoDirectory, SsoUser } from '../store/sso-directory.ts';
import type { SpKeys } from './keys.ts';
import type { AuthnRequestPurpose, OutstandingRequests, RequestedAuthnContextRecord } from '../sign-in/request-store.ts';
import type { ReplayCache } from './replay-cache.ts';
import { SamlRejection } from './rejection.ts';
import type { SsoEnablementStore } from '../sign-in/sso-enablement.ts';

export interface AcsDeps {
  readonly clock: Clock;
  readonly spKeys: SpKeys;
  readonly requests: OutstandingRequests;
  readonly replay: ReplayCache;
  readonly directory: SsoDirectory;
  /**
   * The SHA-256 of the binding cookie the posting browser sent (./browser-binding.ts), null when it sent none;
   * set per request by the ACS route. Absent outside a browser (unit tests, benchmarks): treated as null.
   */
  readonly browserBinding?: string | null;
  /** The admin's Enable of each tenant's SSO (../sso-enablement.ts); absent: the configured state alone. */
  readonly ssoState?: SsoEnablementStore;
}

export interface SignatureInfo {
  readonly on: 'Response' | 'Assertion';
  readonly signatureAlgorithm: string;
  readonly digestAlgorithms: readonly string[];
}

export interface AcsState {
  readonly tenant: TenantConfig;
  readonly saml: SamlTenantConfig;
  readonly deps: AcsDeps;
  /** Read once from the injected clock: every time comparison in one response uses the same instant. */
  readonly now: Date;
  /** The SAMLResponse form field as posted (base64). */
  readonly samlResponse: unknown;
  readonly relayState: string | undefined;

  /** The decoded response XML, as received. */
  xml?: string;
  doc?: Document;
  /** <samlp:Response>: the original until verify-response-signature replaces it with the verified node. */
  response?: Element;
  responseSigned?: boolean;
  /** The one <saml:Assertion> or <saml:EncryptedAssertion> child of the response. */
  assertionContainer?: Element;
  encrypted?: boolean;
  /** XML of the document that holds `assertion` (the verified response, or the decrypted assertion). */
  assertionDocXml?: string;
  /** <saml:Assertion>: the verified node once verify-assertion-signature ran. */
  assertion?: Element;
  assertionSigned?: boolean;
  signatures: SignatureInfo[];

  /** InResponseTo the response answers, when solicited. */
  inResponseTo?: string;
  solicited?: boolean;
  /** What the answered AuthnRequest was sent for, from the SP's own record (./request-store.ts); absent when unsolicited. */
  requestPurpose?: AuthnRequestPurpose;
  /** What the answered AuthnRequest asked for in RequestedAuthnContext, from the SP's own record (./checks/check-authn-context.ts). */
  requestedAuthnContext?: RequestedAuthnContextRecord;
  /** The latest instant the assertion may be used (for the replay cache). */
  expiresAt?: Date;
  nameId?: string;
  attributes?: Record<string, string[]>;
  user?: SsoUser;
  userCreated?: boolean;
  /** Profile fields a sign-in wrote onto an existing user (identityPolicy.profile: 'sign-in'). */
  profileUpdated?: readonly string[];
}

/** A check is one rule (or a few tightly bound ones) of the ACS; it throws a SamlRejection to refuse. */
export interface Check {
  readonly name: string;
  run(state: AcsState): void | Promise<void>;
}

/** A field an earlier check guarantees; reaching here without it is a pipeline-ordering bug. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new SamlRejection('response/invalid', { message: `internal: ${what} is not available at this point of the pipeline` });
  return value;
}
