/*
 * What every sign-in route answers the same way, whichever protocol (../saml/routes.ts and ../oidc/routes.ts):
 * - JSON to a client that asks for it (Accept), HTML otherwise; cookies read by name, a malformed one as none;
 * - an answer waits until the state written so far is on disk (the store's group commit); if that fails, a 500
 *   `server/error` with fixed text, and the failure is logged for the server only;
 * - a tenant the SP does not have is a 404 `tenant/unknown` with fixed text: the requested name is never
 *   repeated back (the landing page at / lists the tenants); a SAML route of an OpenID Connect-only tenant is a
 *   404 `tenant/no-saml` (../config/oidc-only.ts).
 */
import type { Request, Response } from 'express';
import type { Logger } from '../log.ts';
import { escapeXml } from '../saml/xml.ts';

/** Resolves true once `durable()` has; false after answering 500 when it failed. */
export async function onDisk(durable: (() => Promise<void>) | undefined, log: Logger, event: string, res: Response, tenantId: string, step: string): Promise<boolean> {
  try {
    await durable?.();
    return true;
  } catch (e) {
    log.log('error', event, { tenant: tenantId, step, error: e instanceof Error ? e.message : String(e) });
    res.status(500).json({ error: 'server/error', detail: { message: 'the sign-in state could not be saved' } });
    return false;
  }
}

/** 404: a tenant the SP does not have (tenant/unknown), or a protocol the tenant does not sign in with (tenant/no-saml). */
export function answerUnknownTenant(res: Response, json: boolean, message: string, code: 'tenant/unknown' | 'tenant/no-saml' = 'tenant/unknown'): void {
  const detail = { message };
  if (json) res.status(404).json({ error: code, detail });
  else
    res
      .status(404)
      .type('html')
      .send(`<!doctype html><title>Not found</title><p data-error-code="${code}">${escapeXml(message)} (<a href="/">tenants</a>)</p>`);
}

export function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}

/** The value of the named cookie the browser sent. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined; // a malformed escape is no cookie, never a 500
      }
    }
  }
  return undefined;
}
