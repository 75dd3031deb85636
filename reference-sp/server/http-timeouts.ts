/*
 * How long the HTTP server waits for a slow or idle client (issue 8, item 11), one comment per option. Node's
 * defaults (60 s for headers, 300 s for a request) let a few thousand trickling connections hold the server's
 * sockets for minutes; these bound them. Request bodies have their own, shorter limits in the SCIM API
 * (reference-sp/config/scim-section.ts `upload`), so a slow SCIM body gets a SCIM 408 before node's plain one.
 */
export interface HttpTimeouts {
  /** The request line and headers must arrive within this (node `server.headersTimeout`); else 408 and close. */
  readonly headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (node `server.requestTimeout`); else 408 and close. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (node `server.keepAliveTimeout`). */
  readonly keepAliveTimeoutMs: number;
}

export const httpTimeoutDefaults: HttpTimeouts = Object.freeze({
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
});

/** Defaults ← given; headersTimeout never exceeds requestTimeout (node requires headersTimeout ≤ requestTimeout). */
export function resolveHttpTimeouts(input: Partial<HttpTimeouts> = {}): HttpTimeouts {
  const requestTimeoutMs = input.requestTimeoutMs ?? httpTimeoutDefaults.requestTimeoutMs;
  const headersTimeoutMs = Math.min(input.headersTimeoutMs ?? httpTimeoutDefaults.headersTimeoutMs, requestTimeoutMs);
  for (const [name, v] of Object.entries({ headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs: input.keepAliveTimeoutMs ?? 1 })) {
    if (!Number.isInteger(v) || v <= 0) throw new TypeError(`http timeouts: ${name} must be a positive integer (milliseconds)`);
  }
  return Object.freeze({ headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs: input.keepAliveTimeoutMs ?? httpTimeoutDefaults.keepAliveTimeoutMs });
}
