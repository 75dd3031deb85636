/*
 * The verdict oracle (issue 10): after the decisive POST, who does the SP say is signed in?
 * - with a whoami URL: 2xx → the identity read by jsonPath (dot path, `a.b[0].c`) or by the first capture group
 *   of `match` (else the whole match); no value found, 401/403, or a redirect (to the login URL or an IdP) → nobody;
 *   5xx → the oracle cannot tell
 * - without one: the ACS's answer is compared with the baseline's (./baseline.ts): a legitimate sign-in's status,
 *   redirect target and Set-Cookie names against those of a garbage POST; every verdict is then `inferred`
 * Then the verdict (contract SamlVerdict): nobody → refused; the identity the attack claimed, or anyone for a
 * test that is not about identity → accepted as X; when an attack claimed someone else and only the genuinely
 * signed identity got in (the user, or a NameID read whole) → accepted-as-signed-identity (neutralised); a 5xx or
 * timeout → error.
 */
import type { SamlCertifyTarget, SamlVerdict } from './contract.ts';
import type { SpAnswer, WhoamiAnswer } from './driver/driver.ts';

export type Reading = { readonly kind: 'nobody' } | { readonly kind: 'identity'; readonly as: string | null } | { readonly kind: 'unknown'; readonly detail: string };

/** Reads a dot path with optional [n] indexes from parsed JSON. */
export function readJsonPath(value: unknown, path: string): unknown {
  const parts = path
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '');
  let current = value;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Who the whoami answer says is signed in. */
export function readWhoami(answer: WhoamiAnswer, whoami: NonNullable<SamlCertifyTarget['whoami']>): Reading {
  if (answer.status >= 500) return { kind: 'unknown', detail: `the whoami URL answered HTTP ${answer.status}` };
  if (answer.status < 200 || answer.status >= 300) return { kind: 'nobody' };
  if (whoami.jsonPath !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      return { kind: 'nobody' };
    }
    const found = readJsonPath(parsed, whoami.jsonPath);
    return typeof found === 'string' && found !== '' ? { kind: 'identity', as: found } : typeof found === 'number' ? { kind: 'identity', as: String(found) } : { kind: 'nobody' };
  }
  if (whoami.match !== undefined) {
    const m = new RegExp(whoami.match).exec(answer.body);
    return m ? { kind: 'identity', as: m[1] ?? m[0] } : { kind: 'nobody' };
  }
  // Neither: a 2xx means somebody is signed in; who is not known.
  return { kind: 'identity', as: null };
}

/** What a legitimate sign-in and a garbage POST look like at this ACS (./baseline.ts). */
export interface AnswerShape {
  readonly status: number;
  readonly firstLocation: string | undefined;
  readonly setCookieNames: readonly string[];
}

export function shapeOf(answer: SpAnswer): AnswerShape {
  return { status: answer.status, firstLocation: answer.locations[0], setCookieNames: [...answer.setCookieNames].sort() };
}

function pathOf(location: string | undefined): string | undefined {
  if (location === undefined) return undefined;
  try {
    const url = new URL(location, 'http://x.invalid');
    return url.pathname;
  } catch {
    return location;
  }
}

/** Without a whoami URL: does this answer look like the baseline's sign-in rather than its garbage POST? */
export function inferFromBaseline(answer: SpAnswer, baseline: { signedIn: AnswerShape; garbage: AnswerShape }): Reading {
  if (answer.status >= 500) return { kind: 'unknown', detail: `the ACS answered HTTP ${answer.status}` };
  const sessionCookies = baseline.signedIn.setCookieNames.filter((n) => !baseline.garbage.setCookieNames.includes(n));
  const sameStatus = answer.status === baseline.signedIn.status;
  const sameTarget = pathOf(answer.locations[0]) === pathOf(baseline.signedIn.firstLocation);
  const sessionSet = sessionCookies.length > 0 && sessionCookies.every((n) => answer.setCookieNames.includes(n));
  const signedIn =
    sessionCookies.length > 0
      ? sessionSet && sameStatus
      : sameStatus && sameTarget && (answer.status !== baseline.garbage.status || pathOf(answer.locations[0]) !== pathOf(baseline.garbage.firstLocation));
  return signedIn ? { kind: 'identity', as: null } : { kind: 'nobody' };
}

function sameIdentity(seen: string, email: string): boolean {
  const a = seen.trim().toLowerCase();
  const b = email.toLowerCase();
  return a === b || (!a.includes('@') && a === b.split('@')[0]);
}

/**
 * The verdict of a test from the oracle's reading. `claimed` is the identity an attack tried to become (the
 * victim), `signed` the one the IdP really signed (the user).
 */
export function verdictOf(reading: Reading, answer: SpAnswer | undefined, inferred: boolean, identities: { signed: string; claimed?: string | undefined }): SamlVerdict {
  if (answer && answer.status >= 500) return { kind: 'error', detail: `the ACS answered HTTP ${answer.status}`, inferred };
  if (reading.kind === 'unknown') return { kind: 'error', detail: reading.detail, inferred };
  if (reading.kind === 'nobody') return { kind: 'refused', inferred };
  const as =
    reading.as === null
      ? null
      : sameIdentity(reading.as, identities.signed)
        ? identities.signed
        : identities.claimed !== undefined && sameIdentity(reading.as, identities.claimed)
          ? identities.claimed
          : reading.as;
  // An attack that claimed the victim but got in only as someone else signed in the identity the IdP really
  // signed: the user, or the whole NameID an injection did not manage to cut short.
  if (identities.claimed !== undefined && as !== null && as !== identities.claimed) return { kind: 'accepted-as-signed-identity', as, inferred };
  return { kind: 'accepted', as, inferred };
}
