/*
 * Metadata past its validUntil is not trusted (saml-metadata §2.3.2: validUntil is "the expiration time of the
 * metadata contained in the element and any contained elements"; errata E94: invalid metadata MUST NOT be used).
 * - at import (start-up) and at every refresh: an expired document is refused (metadata/expired);
 * - at run time: when the metadata a tenant holds expires before a refresh replaces it, its sign-ins are refused
 *   with the SAML rejection metadata/expired (./check-metadata-valid.ts), never answered with a stale key.
 * The comparison is exact (no clock skew): the instant is the publisher's promise, not a message's timestamp.
 */
import { MetadataTrustError } from './errors.ts';

export const EXPIRY_SPEC = 'saml-metadata §2.3.2';

export function isExpired(validUntil: Date | string | undefined, now: Date): boolean {
  if (validUntil === undefined) return false;
  return now.getTime() >= new Date(validUntil).getTime();
}

/** Throws metadata/expired when the document's validUntil has passed. */
export function refuseExpired(validUntil: Date | undefined, now: Date): void {
  if (isExpired(validUntil, now)) throw new MetadataTrustError('metadata/expired', 'the metadata is past its validUntil', EXPIRY_SPEC);
}
