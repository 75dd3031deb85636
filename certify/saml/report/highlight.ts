/*
 * The message a test posted, as the report shows it: pretty-printed (mock-idp/server/pretty-xml.ts) with what the
 * attack changed marked (<mark>), from the `saml-mutation` attachment's `highlight` substrings of the message.
 * - every occurrence of every highlight is marked; overlapping marks merge;
 * - re-indenting can change a highlighted substring (attribute layout, whitespace): when a highlight found in the
 *   message as posted is not found in the pretty-printed text, the message is shown as posted instead, so the
 *   change is always visible;
 * - the change in context: the marked lines with two lines either side (at most EXCERPT_LINES a hunk, HUNKS
 *   hunks), so a reader sees what changed without scrolling through the whole signed document;
 * - everything is HTML-escaped; a message that is not well-formed XML is shown as posted.
 */
import { prettyXml } from '../../../mock-idp/server/pretty-xml.ts';
import { escapeHtml } from '../../report/html-parts.ts';

type Range = [number, number];
const CONTEXT = 2;
const EXCERPT_LINES = 40;
const HUNKS = 5;

function ranges(text: string, needles: readonly string[]): Range[] {
  const found: Range[] = [];
  for (const needle of needles) {
    if (needle === '') continue;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** text[from, to) escaped, with the parts of `marks` inside it wrapped in <mark>. */
function render(text: string, from: number, to: number, marks: readonly Range[]): string {
  let out = '';
  let at = from;
  for (const [start, end] of marks) {
    const [s, e] = [Math.max(start, from), Math.min(end, to)];
    if (e <= s) continue;
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** `text` escaped, with every occurrence of `needles` wrapped in <mark>. */
export function markAll(text: string, needles: readonly string[]): string {
  return render(text, 0, text.length, ranges(text, needles));
}

/** The marked lines with CONTEXT lines either side, hunks separated by "…"; undefined when nothing is marked. */
export function changeExcerpt(text: string, needles: readonly string[]): string | undefined {
  const marks = ranges(text, needles);
  if (marks.length === 0) return undefined;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const hunks: Range[] = [];
  for (const [start, end] of marks) {
    const a = Math.max(0, lineOf(start) - CONTEXT);
    const b = Math.min(starts.length - 1, lineOf(Math.max(start, end - 1)) + CONTEXT);
    const last = hunks.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else hunks.push([a, b]);
  }
  const endOfLine = (line: number): number => (line + 1 < starts.length ? starts[line + 1]! - 1 : text.length);
  const parts = hunks.slice(0, HUNKS).map(([a, b]) => {
    const cut = b - a + 1 > EXCERPT_LINES;
    const lastLine = cut ? a + EXCERPT_LINES - 1 : b;
    return render(text, starts[a]!, endOfLine(lastLine), marks) + (cut ? '\n…' : '');
  });
  if (hunks.length > HUNKS) parts.push(`(${hunks.length - HUNKS} more marked place(s) in the full message)`);
  return parts.join('\n…\n');
}

/** The message as HTML (for a <pre>), the change in context, and whether it was re-indented. */
export function highlightedMessage(message: string, highlight: readonly string[]): { html: string; excerpt: string | undefined; pretty: boolean } {
  const visible = highlight.filter((h) => h !== '' && message.includes(h));
  const pretty = prettyXml(message);
  const shown = pretty !== message && visible.every((h) => pretty.includes(h)) ? pretty : message;
  return { html: markAll(shown, visible), excerpt: changeExcerpt(shown, visible), pretty: shown !== message };
}
