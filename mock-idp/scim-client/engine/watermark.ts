/*
 * What the engine remembers of each exported object (Entra's "watermark"), kept compact so a 100,000-user run holds
 * a few hundred bytes per object rather than its source record and mapped representation as live objects:
 * - the fingerprint of the source record + scope as last exported is a SHA-1 digest (only compared for equality:
 *   unchanged → no request), not the record's JSON;
 * - the mapped state as last exported is one JSON string, parsed only when the object changes again.
 */
import { createHash } from 'node:crypto';
import type { MappedState } from '../mappings/apply.ts';

/** A digest of the parts (joined unambiguously), compared for equality only. */
export function fingerprint(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(`${p.length}:`).update(p);
  return h.digest('base64');
}

/** The mapped state as stored in a watermark. */
export type PackedState = string & { readonly __packed: true };

export function packState(state: MappedState): PackedState {
  return JSON.stringify(state) as PackedState;
}

export function unpackState(packed: PackedState): MappedState {
  return JSON.parse(packed) as MappedState;
}
