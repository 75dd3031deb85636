/*
 * Bearer credentials — RFC 6750 §2.1: `Authorization: Bearer <token>`, the scheme matched case-insensitively
 * (RFC 7235 §2.1). A missing or malformed header, or an unknown or revoked token → 401 (RFC 7644 §3.12).
 */
import type { Request } from 'express';
import { ScimError } from '../types/errors.ts';

export function bearerTokenOf(req: Request): string {
  const h = req.headers.authorization;
  if (h === undefined || h.trim() === '') throw ScimError.unauthorized('missing Authorization: Bearer token');
  const m = /^bearer[ \t]+(\S+)\s*$/i.exec(h);
  if (!m) throw ScimError.unauthorized('Authorization header is not a Bearer token');
  return m[1]!;
}
