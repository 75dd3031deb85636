/*
 * Indents an XML document for a person to read (the assertion inspector). For display only: the bytes that are
 * posted are the issued ones, never this text (re-indenting signed XML would break its signature).
 * - elements with only text inside stay on one line; other children go one level deeper
 * - long base64 text (signature values, certificates, cipher values) is re-wrapped at 76 characters on its own
 *   lines, so the page wraps it neatly instead of mid-indentation; a start tag longer than 110 characters gets
 *   one attribute per line
 * - comments and processing instructions are kept; whitespace-only text between elements is dropped
 */
import { DOMParser } from '@xmldom/xmldom';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PI = 7;
const COMMENT = 8;
const BASE64_WRAP = 76;
const LONG_TAG = 110;

const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => text(s).replace(/"/g, '&quot;');

function render(node: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  if (node.nodeType === ELEMENT) {
    const el = node as Element;
    const list = Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i)!).map((a) => `${a.name}="${attr(a.value)}"`);
    const oneLine = list.map((a) => ` ${a}`).join('');
    // A long start tag puts each attribute on its own line, indented under the element name.
    const attrs = pad.length + el.tagName.length + oneLine.length > LONG_TAG ? list.map((a) => `\n${pad}    ${a}`).join('') : oneLine;
    const kids = Array.from({ length: el.childNodes.length }, (_, i) => el.childNodes.item(i)!).filter((k) => !(k.nodeType === TEXT && (k.nodeValue ?? '').trim() === ''));
    if (kids.length === 0) out.push(`${pad}<${el.tagName}${attrs}/>`);
    else if (kids.every((k) => k.nodeType === TEXT || k.nodeType === CDATA)) {
      const joined = kids.map((k) => k.nodeValue ?? '').join('');
      const compact = joined.replace(/\s+/g, '');
      if (compact.length > BASE64_WRAP && /^[A-Za-z0-9+/]+=*$/.test(compact)) {
        out.push(`${pad}<${el.tagName}${attrs}>`);
        for (let i = 0; i < compact.length; i += BASE64_WRAP) out.push(`${pad}  ${compact.slice(i, i + BASE64_WRAP)}`);
        out.push(`${pad}</${el.tagName}>`);
        return;
      }
      out.push(`${pad}<${el.tagName}${attrs}>${kids.map((k) => text(k.nodeValue ?? '')).join('')}</${el.tagName}>`);
    } else {
      out.push(`${pad}<${el.tagName}${attrs}>`);
      for (const k of kids) render(k, depth + 1, out);
      out.push(`${pad}</${el.tagName}>`);
    }
  } else if (node.nodeType === TEXT || node.nodeType === CDATA) out.push(`${pad}${text((node.nodeValue ?? '').trim())}`);
  else if (node.nodeType === COMMENT) out.push(`${pad}<!--${node.nodeValue ?? ''}-->`);
  else if (node.nodeType === PI) out.push(`${pad}<?${(node as ProcessingInstruction).target} ${node.nodeValue ?? ''}?>`);
}

/** The document re-indented; text that is not well-formed XML is returned unchanged. */
export function prettyXml(xml: string): string {
  let failed = false;
  const doc = new DOMParser({ errorHandler: () => void (failed = true) }).parseFromString(xml, 'text/xml');
  if (failed || !doc.documentElement) return xml;
  const out: string[] = [];
  render(doc.documentElement as unknown as Node, 0, out);
  return out.join('\n');
}
