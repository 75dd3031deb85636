/*
 * Deviations as data, so the control API (JSON) and steps can ask for any builder deviation by name:
 *   "signWithRogueKey"  or  { "method": "expiredBy", "args": ["10m"] }
 * Each name maps to exactly one builder method (plus two that are not about the XML: `replayPrevious`, which
 * sends the last issued Response again, and `postTo`, which posts to a URL that is not a registered ACS).
 * Names and argument types are checked when the deviation is queued, so a typo fails at once, not at sign-in.
 * The attacks (emptySignatureValue … padTo) each live in one file under ../saml/attacks/ naming their family; an
 * optional trailing string argument of the assertion-smuggling attacks is the identity the evil assertion names.
 */
import { idpError } from '../saml/errors.ts';
import type { ResponseBuilder, BuiltResponse } from '../saml/assertion-builder/builder.ts';
import { XSW_KINDS, type XswKind } from '../saml/assertion-builder/wrap-signature.ts';
import { CIPHERTEXT_CORRUPTIONS, DATA_ALGORITHMS, KEY_ALGORITHMS, type EncryptOptions } from '../saml/encrypt/encrypt-assertion.ts';
import type { ExternalEntityOptions } from '../saml/attacks/external-entity.ts';
import { padBytes } from '../saml/attacks/pad-to.ts';
import type { SignatureAlgorithmName } from '../saml/namespaces.ts';

export type DeviationInput = string | { readonly method: string; readonly args?: readonly unknown[] };
export interface Deviation {
  readonly method: DeviationName;
  readonly args: readonly unknown[];
}

type ArgKind = 'string' | 'duration' | 'strings' | 'object?' | 'alg' | 'xsw' | 'string?' | 'size' | 'encryption?';

const SPEC = {
  signResponseOnly: [],
  signAssertionOnly: [],
  signBoth: [],
  omitSignature: [],
  signWithRogueKey: [],
  signatureAlgorithm: ['alg'],
  audience: ['string'],
  recipient: ['string'],
  destination: ['string'],
  issuer: ['string'],
  inResponseTo: ['string'],
  unsolicited: [],
  expiredBy: ['duration'],
  notYetValidFor: ['duration'],
  validFor: ['duration'],
  nameId: ['string', 'string?'],
  attribute: ['string', 'strings', 'object?'],
  withoutAttribute: ['string'],
  /** The AuthnContextClassRef the assertion reports, whatever the user signed in with (../saml/request-policy/). */
  authnContextClassRef: ['string'],
  encryptTo: ['string', 'encryption?'],
  wrapSignature: ['xsw', 'string?'],
  tamperAfterSigning: ['string?'],
  duplicateAssertion: [],
  withDoctype: [],
  emptySignatureValue: [],
  rogueCertificateInKeyInfo: [],
  hmacWithPublicCertificate: [],
  assertionInExtensions: ['string?'],
  assertionInAdvice: ['string?'],
  assertionInSignatureObject: ['string?'],
  duplicateId: ['string?'],
  namespacePrefixConfusion: ['string?'],
  xsltTransform: [],
  xpathTransform: ['string?'],
  withoutEnvelopedTransform: [],
  nameIdCommentInjection: ['string'],
  nameIdCdataInjection: ['string'],
  externalEntity: ['string', 'object?'],
  entityExpansion: [],
  padTo: ['size'],
  replayPrevious: [],
  postTo: ['string'],
} as const satisfies Record<string, readonly ArgKind[]>;

export type DeviationName = keyof typeof SPEC;
export const DEVIATION_NAMES = Object.keys(SPEC) as DeviationName[];

function checkArg(kind: ArgKind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'string?':
      return value === undefined || typeof value === 'string';
    case 'duration':
      return typeof value === 'string' || (typeof value === 'number' && value >= 0);
    case 'strings':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    case 'object?':
      return value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value));
    case 'alg':
      return value === 'sha1' || value === 'sha256' || value === 'sha512';
    case 'xsw':
      return (XSW_KINDS as readonly unknown[]).includes(value);
    case 'size':
      try {
        return typeof value === 'string' && padBytes(value) >= 0;
      } catch {
        return false;
      }
    case 'encryption?':
      return value === undefined || isEncryptOptions(value);
  }
}

/** { dataAlgorithm?, keyAlgorithm?, corrupt? } with known names only (../saml/encrypt/encrypt-assertion.ts). */
function isEncryptOptions(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const known: Record<string, readonly string[]> = {
    dataAlgorithm: Object.keys(DATA_ALGORITHMS),
    keyAlgorithm: Object.keys(KEY_ALGORITHMS),
    corrupt: CIPHERTEXT_CORRUPTIONS,
  };
  return Object.entries(value).every(([k, v]) => v === undefined || (known[k]?.includes(v as string) ?? false));
}

export function parseDeviations(input: unknown): Deviation[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw idpError('control/bad-body', 'deviations must be a list');
  return input.map((d: unknown, n) => {
    const method = typeof d === 'string' ? d : (d as { method?: unknown })?.method;
    const args = typeof d === 'string' ? [] : ((d as { args?: unknown })?.args ?? []);
    if (typeof method !== 'string' || !(method in SPEC)) {
      throw idpError('control/unknown-deviation', `deviations[${n}]: unknown deviation ${JSON.stringify(method)}`);
    }
    const spec: readonly ArgKind[] = SPEC[method as DeviationName];
    if (!Array.isArray(args) || args.length > spec.length || !spec.every((k, i) => checkArg(k, args[i]))) {
      throw idpError('control/bad-body', `deviations[${n}]: ${method} takes (${spec.join(', ')})`);
    }
    return { method: method as DeviationName, args };
  });
}

export interface DeviationContext {
  readonly previous: BuiltResponse | undefined;
}

/** Applies one deviation to the builder; `postTo` is not a builder deviation and is read by the caller. */
export function applyDeviation(b: ResponseBuilder, d: Deviation, ctx: DeviationContext): void {
  const [a0, a1, a2] = d.args as [unknown, unknown, unknown];
  switch (d.method) {
    case 'postTo':
      return;
    case 'replayPrevious':
      if (!ctx.previous) throw idpError('builder/invalid', 'replayPrevious: the IdP has not issued a Response yet');
      b.replayOf(ctx.previous);
      return;
    case 'signatureAlgorithm':
      b.signatureAlgorithm(a0 as SignatureAlgorithmName);
      return;
    case 'audience':
    case 'recipient':
    case 'destination':
    case 'issuer':
    case 'inResponseTo':
    case 'withoutAttribute':
    case 'authnContextClassRef':
      b[d.method](a0 as string);
      return;
    case 'expiredBy':
    case 'notYetValidFor':
    case 'validFor':
      b[d.method](a0 as string | number);
      return;
    case 'nameId':
      b.nameId(a0 as string, (a1 as string | undefined) ?? 'emailAddress');
      return;
    case 'attribute':
      b.attribute(a0 as string, a1 as string | string[], (a2 as object | undefined) ?? {});
      return;
    case 'encryptTo':
      b.encryptTo(a0 as string, (a1 as EncryptOptions | undefined) ?? {});
      return;
    case 'externalEntity':
      b.externalEntity(a0 as string, (a1 as ExternalEntityOptions | undefined) ?? {});
      return;
    case 'nameIdCommentInjection':
    case 'nameIdCdataInjection':
    case 'padTo':
      b[d.method](a0 as string);
      return;
    case 'assertionInExtensions':
    case 'assertionInAdvice':
    case 'assertionInSignatureObject':
    case 'duplicateId':
    case 'namespacePrefixConfusion':
    case 'xpathTransform':
    case 'tamperAfterSigning':
      if (a0 === undefined) b[d.method]();
      else b[d.method](a0 as string);
      return;
    case 'wrapSignature':
      if (a1 === undefined) b.wrapSignature(a0 as XswKind);
      else b.wrapSignature(a0 as XswKind, a1 as string);
      return;
    default:
      b[d.method]();
  }
}
