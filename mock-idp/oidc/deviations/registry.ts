/*
 * The mock OpenID Provider's deviations by name, and their parsing: a deviation is queued as a name or as
 *   { "method": "expired", "args": [3600] }
 * like the SAML side's (../../server/deviations.ts). Names and argument kinds are checked when queued, so a typo
 * fails at once (oidc/unknown-deviation, oidc/deviation-not-applicable), not at sign-in. At most 16 per sign-in.
 */
import { opError } from '../errors.ts';
import { algNone } from './alg-none.ts';
import { codeFromAnotherIssuer } from './code-from-another-issuer.ts';
import type { OidcDeviationModule } from './deviation.ts';
import { emailNotVerified } from './email-not-verified.ts';
import { expired } from './expired.ts';
import { hs256WithPublicKey } from './hs256-with-public-key.ts';
import { issuedInFuture } from './issued-in-future.ts';
import { missingNonce } from './missing-nonce.ts';
import { replayedNonce } from './replayed-nonce.ts';
import { responseIssuerMixUp } from './response-issuer-mix-up.ts';
import { stateAltered } from './state-altered.ts';
import { stateNotEchoed } from './state-not-echoed.ts';
import { unknownKid } from './unknown-kid.ts';
import { wrongAudience } from './wrong-audience.ts';
import { wrongIssuer } from './wrong-issuer.ts';

export const OIDC_DEVIATIONS = {
  wrongIssuer,
  wrongAudience,
  expired,
  issuedInFuture,
  missingNonce,
  replayedNonce,
  algNone,
  hs256WithPublicKey,
  unknownKid,
  emailNotVerified,
  stateNotEchoed,
  stateAltered,
  responseIssuerMixUp,
  codeFromAnotherIssuer,
} as const satisfies Record<string, OidcDeviationModule>;

export type OidcDeviationName = keyof typeof OIDC_DEVIATIONS;
export const OIDC_DEVIATION_NAMES = Object.keys(OIDC_DEVIATIONS) as OidcDeviationName[];
export type OidcDeviationInput = OidcDeviationName | string | { readonly method: string; readonly args?: readonly unknown[] };

export interface OidcDeviation {
  readonly method: OidcDeviationName;
  readonly args: readonly unknown[];
}

const MAX_DEVIATIONS = 16;

function isName(v: unknown): v is OidcDeviationName {
  return typeof v === 'string' && Object.hasOwn(OIDC_DEVIATIONS, v);
}

function argOk(kind: 'string?' | 'seconds?', v: unknown): boolean {
  if (v === undefined) return true;
  if (kind === 'string?') return typeof v === 'string' && v.length <= 2048;
  return Number.isInteger(typeof v === 'string' ? Number(v) : v) && Number(v) >= 0 && Number(v) <= 10 * 365 * 86400;
}

export function parseOidcDeviations(input: unknown): OidcDeviation[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw opError('control/bad-body', 'deviations must be a list');
  if (input.length > MAX_DEVIATIONS) throw opError('control/bad-body', `deviations: at most ${MAX_DEVIATIONS}`);
  return input.map((d: unknown, i) => {
    const method = typeof d === 'string' ? d : (d as { method?: unknown } | null)?.method;
    const args = typeof d === 'string' ? [] : ((d as { args?: unknown }).args ?? []);
    if (!isName(method)) throw opError('oidc/unknown-deviation', `deviations[${i}]: unknown deviation; known: ${OIDC_DEVIATION_NAMES.join(', ')}`);
    const kinds = OIDC_DEVIATIONS[method].args;
    if (!Array.isArray(args) || args.length > kinds.length || !args.every((a, j) => argOk(kinds[j]!, a))) {
      throw opError('oidc/deviation-not-applicable', `deviations[${i}] (${method}) takes ${kinds.length === 0 ? 'no arguments' : kinds.join(', ')}`);
    }
    return { method, args };
  });
}
