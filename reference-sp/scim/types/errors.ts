/*
 * SCIM error responses — RFC 7644 §3.12.
 *
 * - the body is `{ schemas: [Error URN], status: "<string>", scimType?, detail }` (status is a STRING, §3.12)
 * - `scimType` is only allowed with the status the RFC pairs it with:
 *     400 → every keyword of §3.12 Table 9 (invalidFilter, tooMany, uniqueness, mutability, invalidSyntax,
 *           invalidPath, noTarget, invalidValue, invalidVers, sensitive)
 *     409 → uniqueness (§3.3 "MUST return 409 (Conflict) with a scimType of uniqueness", §3.5.1)
 *     403 → sensitive (§7.5.2, normative text; erratum 6893 fixes the example's status to "403")
 *   any other pair is a programming error and the constructor throws a TypeError (as scimmy's ErrorResponse does).
 * - statuses: §3.12 Table 8 lists the common ones, it does not forbid others. 415 Unsupported Media Type
 *   (RFC 9110 §15.5.16) is added for a request body in a media type the server does not accept (§3.1, §8.1:
 *   application/scim+json); it carries no scimType (§3.12 pairs none with it).
 * - `expose` follows node-oidc-provider: a 5xx never shows its detail to the client (UNEXPOSED_DETAIL instead),
 *   except 501 Not Implemented, whose detail names what is not implemented (the method and endpoint, never
 *   anything the client sent): "Internal server error" for a feature the server simply lacks misleads the client.
 */

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'invalidVers' | 'sensitive';

export const SCIM_TYPES: readonly ScimType[] = [
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
];

/**
 * HTTP status codes RFC 7644 §3.12 Table 8 lists for SCIM responses, 415 (RFC 9110 §15.5.16), and the two the
 * server's bounds need (no scimType): 408 Request Timeout for a body that arrives too slowly (RFC 9110 §15.5.9)
 * and 429 Too Many Requests with Retry-After for a tenant over its rate limit (RFC 6585 §4).
 */
export const SCIM_STATUS_CODES: readonly number[] = [307, 308, 400, 401, 403, 404, 408, 409, 412, 413, 415, 429, 500, 501];

/** Which scimType keywords each status may carry (§3.12, §3.3, §7.5.2). */
export const ALLOWED_SCIM_TYPES: Readonly<Record<number, readonly ScimType[]>> = {
  400: SCIM_TYPES,
  409: ['uniqueness'],
  403: ['sensitive'],
};

/** The detail a hidden (5xx) error shows instead of its own. */
export const UNEXPOSED_DETAIL = 'Internal server error';

export interface ScimErrorBody {
  schemas: [typeof ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
}

export class ScimError extends Error {
  readonly status: number;
  readonly scimType?: ScimType;
  readonly detail: string;
  /** Whether the detail may be shown to the client (never for 5xx, but for 501). */
  readonly expose: boolean;

  constructor(status: number, scimType: ScimType | undefined, detail: string) {
    super(detail);
    if (!SCIM_STATUS_CODES.includes(status)) {
      throw new TypeError(`ScimError: HTTP status ${status} is not one RFC 7644 §3.12 lists`);
    }
    if (scimType !== undefined) {
      if (!SCIM_TYPES.includes(scimType)) throw new TypeError(`ScimError: unknown scimType '${String(scimType)}'`);
      if (!(ALLOWED_SCIM_TYPES[status] ?? []).includes(scimType)) {
        throw new TypeError(`ScimError: scimType '${scimType}' is not paired with status ${status} by RFC 7644 §3.12`);
      }
      this.scimType = scimType;
    }
    this.name = 'ScimError';
    this.status = status;
    this.detail = detail;
    this.expose = status < 500 || status === 501;
  }

  toJSON(): ScimErrorBody {
    const body: ScimErrorBody = { schemas: [ERROR_SCHEMA], status: String(this.status), detail: this.expose ? this.detail : UNEXPOSED_DETAIL };
    if (this.scimType !== undefined) body.scimType = this.scimType;
    return body;
  }

  // ---- factories -------------------------------------------------------------------------------------------
  static badRequest(scimType: ScimType | undefined, detail: string): ScimError {
    return new ScimError(400, scimType, detail);
  }
  static invalidFilter(detail: string): ScimError {
    return new ScimError(400, 'invalidFilter', detail);
  }
  static tooMany(detail: string): ScimError {
    return new ScimError(400, 'tooMany', detail);
  }
  static invalidSyntax(detail: string): ScimError {
    return new ScimError(400, 'invalidSyntax', detail);
  }
  static invalidPath(detail: string): ScimError {
    return new ScimError(400, 'invalidPath', detail);
  }
  static invalidValue(detail: string): ScimError {
    return new ScimError(400, 'invalidValue', detail);
  }
  static invalidVers(detail: string): ScimError {
    return new ScimError(400, 'invalidVers', detail);
  }
  static noTarget(detail: string): ScimError {
    return new ScimError(400, 'noTarget', detail);
  }
  static mutability(detail: string): ScimError {
    return new ScimError(400, 'mutability', detail);
  }
  /** 409 uniqueness (§3.3, §3.5.1). */
  static uniqueness(detail: string): ScimError {
    return new ScimError(409, 'uniqueness', detail);
  }
  static sensitive(detail: string): ScimError {
    return new ScimError(403, 'sensitive', detail);
  }
  static unauthorized(detail = 'Authorization failure'): ScimError {
    return new ScimError(401, undefined, detail);
  }
  static forbidden(detail: string): ScimError {
    return new ScimError(403, undefined, detail);
  }
  static notFound(detail: string): ScimError {
    return new ScimError(404, undefined, detail);
  }
  static conflict(detail: string): ScimError {
    return new ScimError(409, undefined, detail);
  }
  /** 412 Precondition Failed: If-Match did not match meta.version (§3.14). */
  static preconditionFailed(detail: string): ScimError {
    return new ScimError(412, undefined, detail);
  }
  /** 413 Payload Too Large: bulk maxOperations / maxPayloadSize exceeded (§3.7.4). */
  static payloadTooLarge(detail: string): ScimError {
    return new ScimError(413, undefined, detail);
  }
  /** 415 Unsupported Media Type: a body that is not application/scim+json or application/json (RFC 9110 §15.5.16). */
  static unsupportedMediaType(detail: string): ScimError {
    return new ScimError(415, undefined, detail);
  }
  static notImplemented(detail: string): ScimError {
    return new ScimError(501, undefined, detail);
  }
  static internal(detail: string): ScimError {
    return new ScimError(500, undefined, detail);
  }

  /** Any thrown value as a ScimError: a ScimError as is, anything else as an unexposed 500. */
  static from(e: unknown): ScimError {
    if (e instanceof ScimError) return e;
    return new ScimError(500, undefined, e instanceof Error ? e.message : String(e));
  }
}

export function isScimError(e: unknown): e is ScimError {
  return e instanceof ScimError;
}
