/*
 * An oversized message (CWE-400, uncontrolled resource consumption; issue 10's "a 2 MB body"):
 * the Response is padded with one XML comment, just before its end tag, until its UTF-8 size reaches at least
 * the requested number of bytes. Comments are outside what a same-document reference signs (xmldsig-core1
 * §4.4.3.3: dereferenced without comments), so every signature still verifies and only the SP's size limits
 * decide. Sizes: "2000000" bytes, or with a binary suffix: "512k", "2m" (k = 1024, m = 1024²), at most 32m.
 */
import { idpError } from '../errors.ts';

export const MAX_PAD_BYTES = 32 * 1024 * 1024;
const SIZE = /^\s*(\d+)\s*(k|kb|m|mb)?\s*$/i;

export function padBytes(size: string): number {
  const m = SIZE.exec(size);
  if (!m) throw idpError('builder/invalid', 'padTo takes a size in bytes, e.g. "2000000", "512k" or "2m"');
  const unit = (m[2] ?? '').toLowerCase();
  const bytes = Number(m[1]) * (unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1);
  if (bytes > MAX_PAD_BYTES) throw idpError('builder/invalid', `padTo: at most ${MAX_PAD_BYTES} bytes`);
  return bytes;
}

export function padTo(xml: string, size: string): string {
  const target = padBytes(size);
  const end = xml.lastIndexOf('</');
  const current = Buffer.byteLength(xml, 'utf8');
  const comment = '<!---->'.length;
  if (current >= target || end < 0) return xml;
  const filler = 'x'.repeat(Math.max(0, target - current - comment));
  return `${xml.slice(0, end)}<!--${filler}-->${xml.slice(end)}`;
}
