/*
 * Writing SCIM responses.
 * - RFC 7644 §3.1 / §8.1: responses are application/scim+json.
 * - RFC 7644 §3.12: errors carry the Error schema, a string status and scimType only where paired.
 * - RFC 6750 §3: a 401 carries WWW-Authenticate naming the Bearer scheme.
 * - RFC 6585 §4: a 429 carries Retry-After (./too-many-requests.ts).
 * - A 408 (a body too slow, ./read-body.ts) closes the connection: the rest of that body is not waited for.
 */
import type { Response } from 'express';
import type { ScimError } from '../types/errors.ts';
import { TooManyRequests } from './too-many-requests.ts';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export function sendScim(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.status(status);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (status === 204 || status === 304 || body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', SCIM_CONTENT_TYPE);
  res.end(JSON.stringify(body));
}

export function sendScimError(res: Response, error: ScimError): void {
  const headers: Record<string, string> = {};
  if (error.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="SCIM", error="invalid_token"';
  if (error instanceof TooManyRequests) headers['Retry-After'] = String(error.retryAfterSeconds);
  if (error.status === 408) headers['Connection'] = 'close';
  sendScim(res, error.status, error.toJSON(), headers);
}
