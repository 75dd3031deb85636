/*
 * What a driver does for a test, whichever "browser" it is (HTTP with a cookie jar: ./http.ts; Chromium:
 * ./browser.ts). One driver is one browser: its cookies carry the SP's request binding to the ACS and the session
 * to the whoami URL. A test uses a fresh driver, so no session leaks from one test into another.
 */
import type { SeenAuthnRequest } from './authn-request.ts';

/** What the SP answered the decisive POST (and the same-origin redirects after it). */
/** The Accept header of a browser's page navigation (the login URL, the ACS and the pages after it). */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
/** The Accept header the harness asks a whoami URL with: JSON preferred, a page read too (./oracle.ts). */
export const WHOAMI_ACCEPT = 'application/json, text/html;q=0.5, */*;q=0.1';

export interface SpAnswer {
  readonly status: number;
  /** Location of each redirect followed or met, in order (the first is the ACS's own answer). */
  readonly locations: readonly string[];
  /** Names of the cookies the SP set while answering. */
  readonly setCookieNames: readonly string[];
  /** At most 300 characters of the final body, tags stripped. */
  readonly excerpt: string;
}

/** What the whoami URL answered, for the oracle (../oracle.ts). */
export interface WhoamiAnswer {
  readonly status: number;
  readonly location: string | undefined;
  readonly body: string;
}

export interface SamlDriver {
  /** SP-initiated: open the login URL and follow it until an AuthnRequest leaves for the IdP. */
  startSignIn(loginUrl: string): Promise<SeenAuthnRequest>;
  /** Posts a SAML response as the browser's auto-submitting form does (HTTP-POST binding, saml-bindings §3.5). */
  postResponse(acsUrl: string, fields: Readonly<Record<string, string>>): Promise<SpAnswer>;
  /** GETs the whoami URL with this browser's cookies. */
  whoami(url: string): Promise<WhoamiAnswer>;
  /** The browser's cookies as they are now / back to a saved state (a replay from the same browser). */
  saveCookies(): Promise<unknown>;
  restoreCookies(saved: unknown): Promise<void>;
  close(): Promise<void>;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** At most 300 characters of a body: markup dropped, common entities decoded, control characters and runs of whitespace collapsed. */
export function excerpt(body: string): string {
  return body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? ' ')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim()
    .slice(0, 300);
}
