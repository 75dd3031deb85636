/*
 * Shared by the ID-token deviations: decode what oidc-provider signed, change the header or claims, sign again
 * with the OP's current key (RS256, same `kid`), so the signature is valid and only the changed part is wrong.
 */
import { type CompactJWSHeaderParameters, CompactSign, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { KeyObject } from 'node:crypto';
import type { DeviationContext } from './deviation.ts';

export interface Decoded {
  readonly header: ProtectedHeaderParameters;
  readonly payload: JWTPayload;
}

export function decode(jwt: string): Decoded {
  return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
}

/** Signs `payload` as a compact JWS with `header`, by `key` (the OP's current key unless given). */
export async function sign(header: ProtectedHeaderParameters, payload: JWTPayload, ctx: DeviationContext, key?: KeyObject | Uint8Array): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as CompactJWSHeaderParameters).sign(key ?? ctx.keys.signingKey());
}

/** Re-signs the token with its claims changed by `change` (which may delete claims). */
export async function resignClaims(jwt: string, ctx: DeviationContext, change: (p: JWTPayload) => void): Promise<string> {
  const { header, payload } = decode(jwt);
  change(payload);
  return sign(header, payload, ctx);
}

/** "600", 600 or undefined (→ fallback) as seconds. */
export function seconds(value: unknown, fallback: number): number {
  return value === undefined ? fallback : Number(value);
}
