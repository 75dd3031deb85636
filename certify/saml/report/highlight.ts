/*
 * The message a test posted, as the report shows it: pretty-printed (mock-idp/server/pretty-xml.ts) with what the
 * attack changed marked (<mark>), from the `saml-mutation` attachment's `highlight` substrings of the message.
 * - every occurrence of every highlight is marked; overlapping marks merge;
 * - re-indenting can change a highlighted substring (attribute layout, whitespace): when a highlight found in the
 *   message as posted is not found in the pretty-printed text, the message is shown as posted instead, so the
 *   change is always visible;
 * - everything is HTML-escaped; a message that is not well-formed XML is shown as posted.
 */
import { prettyXml } from '../../../mock-idp/server/pretty-xml.ts';
import { escapeHtml } from '../../report/html.ts';

function ranges(text: string, needles: readonly string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** `text` escaped, with the ranges where `needles` occur wrapped in <mark>. */
export function markAll(text: string, needles: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges(text, needles)) {
    out += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/** The message as HTML (for a <pre>), and whether it was re-indented. */
export function highlightedMessage(message: string, highlight: readonly string[]): { html: string; pretty: boolean } {
  const visible = highlight.filter((h) => h !== '' && message.includes(h));
  const pretty = prettyXml(message);
  if (pretty !== message && visible.every((h) => pretty.includes(h))) return { html: markAll(pretty, visible), pretty: true };
  return { html: markAll(message, visible), pretty: false };
}
