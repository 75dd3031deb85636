/*
 * Maps anything thrown below the route layer to an RFC 7644 §3.12 error, so no input ever becomes a crash:
 * - ScimError: as is.
 * - StoreError: uniqueness/* → 409 uniqueness (§3.3); not-found/member → 400 invalidValue (a member reference
 *   that names nothing, §3.5.2); other codes → 400 invalidValue.
 * - anything else: an unexposed 500 (the detail is logged, never sent).
 */
import { isStoreError } from '../../store/errors.ts';
import { ScimError } from '../types/errors.ts';

export function toScimError(e: unknown): ScimError {
  if (e instanceof ScimError) return e;
  if (isStoreError(e)) {
    if (e.code.startsWith('uniqueness/')) return ScimError.uniqueness(e.message);
    return ScimError.invalidValue(e.message);
  }
  return ScimError.from(e);
}
