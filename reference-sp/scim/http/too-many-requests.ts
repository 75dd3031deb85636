/*
 * 429 Too Many Requests for a tenant over its SCIM rate limit (RFC 6585 §4), as an RFC 7644 §3.12 error body
 * (no scimType: §3.12 pairs none with 429) and a Retry-After header in delay-seconds (RFC 9110 §10.2.3), which
 * ./send.ts writes. Entra's provisioning service and Okta both wait as told before they retry.
 */
import { ScimError } from '../types/errors.ts';

export class TooManyRequests extends ScimError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(429, undefined, `too many requests for this tenant; retry after ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
