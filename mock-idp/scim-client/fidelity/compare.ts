/*
 * Compares a documented request with the one the simulator sent for the same step, after ./normalise.ts, and
 * judges the differences against the ones the documented entry lists as deliberate.
 * - every difference has a pointer: `/method`, `/path`, `/query/<name>`, `/body/<JSON pointer, RFC 6901>`, or ``
 *   when the simulator sends no such request at all
 * - objects: a key on one side only is a difference; key order is not (RFC 8259 §4); arrays: position by position
 *   (Operations and schemas are ordered lists), a length difference shows as the extra or missing items
 * - values: equal when of the same JSON type and value (`false` and `"False"` differ: that is the point)
 * - a deliberate difference covers the differences at its pointer and below it; one that covers nothing is stale
 *   and fails too, so the table never claims a difference the simulator no longer has
 */
import type { DeliberateDifference, DocumentedRequest, SentRequest } from './documented-request.ts';
import { normaliseDocumented, normaliseSent, type NormalisedRequest } from './normalise.ts';

export interface Difference {
  readonly at: string;
  /** undefined: absent on that side. */
  readonly documented: unknown;
  readonly sent: unknown;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diffJson(doc: unknown, sent: unknown, at: string, out: Difference[]): void {
  if (isObject(doc) && isObject(sent)) {
    for (const key of new Set([...Object.keys(doc), ...Object.keys(sent)])) {
      const p = `${at}/${escapePointer(key)}`;
      if (!(key in doc)) out.push({ at: p, documented: undefined, sent: sent[key] });
      else if (!(key in sent)) out.push({ at: p, documented: doc[key], sent: undefined });
      else diffJson(doc[key], sent[key], p, out);
    }
    return;
  }
  if (Array.isArray(doc) && Array.isArray(sent)) {
    for (let i = 0; i < Math.max(doc.length, sent.length); i++) {
      if (i >= doc.length) out.push({ at: `${at}/${i}`, documented: undefined, sent: sent[i] });
      else if (i >= sent.length) out.push({ at: `${at}/${i}`, documented: doc[i], sent: undefined });
      else diffJson(doc[i], sent[i], `${at}/${i}`, out);
    }
    return;
  }
  if (doc !== sent) out.push({ at, documented: doc, sent });
}

export function compareRequests(doc: NormalisedRequest, sent: NormalisedRequest | undefined): Difference[] {
  if (!sent) return [{ at: '', documented: `${doc.method} ${doc.path}`, sent: undefined }];
  const out: Difference[] = [];
  if (doc.method !== sent.method) out.push({ at: '/method', documented: doc.method, sent: sent.method });
  if (doc.path !== sent.path) out.push({ at: '/path', documented: doc.path, sent: sent.path });
  for (const name of new Set([...Object.keys(doc.query), ...Object.keys(sent.query)])) {
    if (doc.query[name] !== sent.query[name]) out.push({ at: `/query/${escapePointer(name)}`, documented: doc.query[name], sent: sent.query[name] });
  }
  if (doc.body !== undefined || sent.body !== undefined) diffJson(doc.body, sent.body, '/body', out);
  return out;
}

const covers = (d: DeliberateDifference, x: Difference): boolean => d.at === '' || x.at === d.at || x.at.startsWith(`${d.at}/`);

export interface Verdict {
  readonly differences: readonly Difference[];
  /** Differences no deliberate entry explains: each one is a fidelity defect. */
  readonly unexplained: readonly Difference[];
  /** Deliberate entries that explain no difference: the table is out of date. */
  readonly stale: readonly DeliberateDifference[];
}

/**
 * Judges what the simulator sent (undefined: nothing) against a documented entry. `sentIds` are the per-run ids of
 * the simulator's side (the ids its server assigned).
 */
export function judge(entry: DocumentedRequest, sent: SentRequest | undefined, sentIds: readonly string[] = []): Verdict {
  const differences = compareRequests(normaliseDocumented(entry.documented, entry.ids ?? []), sent && normaliseSent(sent, sentIds));
  const deliberate = entry.deliberate ?? [];
  return {
    differences,
    unexplained: differences.filter((x) => !deliberate.some((d) => covers(d, x))),
    stale: deliberate.filter((d) => !differences.some((x) => covers(d, x))),
  };
}
