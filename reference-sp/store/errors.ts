/*
 * Typed store errors with stable codes. The SCIM route layer maps them to RFC 7644 §3.12 errors
 * ('uniqueness/*' → 409 uniqueness, 'not-found/*' → 404, 'invalid/*' → 400 invalidValue).
 */
export type StoreErrorCode =
  | 'uniqueness/userName'
  | 'uniqueness/group-displayName'
  | 'uniqueness/idp-scheme'
  | 'uniqueness/id'
  | 'not-found/tenant'
  | 'not-found/provider'
  | 'not-found/member'
  | 'invalid/token-value';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    detail: string,
  ) {
    super(detail);
  }
}

export const isStoreError = (e: unknown): e is StoreError => e instanceof StoreError;
