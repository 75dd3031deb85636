/*
 * ETags — RFC 7644 §3.14 and RFC 7232.
 * - meta.version is a weak ETag W/"{version}"; the same string goes in the ETag header.
 * - If-Match on PUT/PATCH/DELETE: when no listed tag matches the current version → 412 Precondition Failed.
 *   `*` matches any existing resource. Weak comparison is used (RFC 7232 §2.3.2: W/"1" matches "1").
 * - If-None-Match on GET: when a listed tag matches → 304 Not Modified.
 */
import { ScimError } from '../types/errors.ts';

export const etagOf = (version: number): string => `W/"${version}"`;

const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');

function listMatches(header: string, current: string): boolean {
  if (header.trim() === '*') return true;
  const want = opaque(current);
  return header.split(',').some((t) => opaque(t) === want);
}

/** `ifMatch`: the If-Match header, or a bulk operation's `version` (RFC 7644 §3.7). */
export function checkIfMatch(ifMatch: string | undefined, version: number): void {
  const h = ifMatch;
  if (h === undefined || h === '') return;
  if (!listMatches(h, etagOf(version))) {
    throw ScimError.preconditionFailed(`If-Match ${h} does not match the current version ${etagOf(version)}`);
  }
}

export function notModified(ifNoneMatch: string | undefined, version: number): boolean {
  const h = ifNoneMatch;
  return h !== undefined && h !== '' && listMatches(h, etagOf(version));
}
