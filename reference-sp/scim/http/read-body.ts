/*
 * Reads and parses a SCIM request body.
 * - RFC 7644 §3.1 / §8.1: application/scim+json is the media type; application/json is accepted too (what most
 *   clients send). Any other media type (or none) on a request with a body → 415 Unsupported Media Type
 *   (RFC 9110 §15.5.16: "the content is in a format not supported by this method on the target resource"),
 *   with a §3.12 error body and no scimType.
 * - RFC 7644 §3.12 (Table 8, 413): a body over the limit → 413, checked on Content-Length before reading and
 *   again while streaming (chunked bodies have no length).
 * - Malformed JSON → 400 invalidSyntax, with a fixed detail (the parser's message quotes the body: never echoed);
 *   an empty body where one is required → 400 invalidSyntax.
 * - The bytes must be well-formed UTF-8 (RFC 8259 §8.1) → else 400 invalidValue: a lenient decoder would turn
 *   them into U+FFFD, so the value stored would not be the value sent.
 * - The body must be a JSON object (every SCIM request message is one), bounded in depth and well-formed Unicode
 *   throughout (../types/request-json.ts), checked here once for every route that reads a body.
 * - A body that arrives too slowly (RFC 9110 §15.5.9, 408 Request Timeout): no data for `idleTimeoutMs`, or not
 *   complete within `timeoutMs` → 408 with a §3.12 body and `Connection: close` (./send.ts), so a trickling
 *   client holds neither the handler nor the connection (tenant `scim.upload`, reference-sp/config/scim-section.ts;
 *   node's own requestTimeout, reference-sp/server/http-timeouts.ts, is the outer bound).
 */
import type { Request } from 'express';
import { scimDefaults, type ScimUploadTimeouts } from '../../config/scim-section.ts';
import { ScimError } from '../types/errors.ts';
import { checkRequestJson } from '../types/request-json.ts';

const ACCEPTED = new Set(['application/scim+json', 'application/json']);

export function mediaTypeOf(req: Request): string | undefined {
  const h = req.headers['content-type'];
  return h?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export async function readJsonBody(
  req: Request,
  limit: number,
  /** The tenant's `scim.upload` (the SCIM router passes it); the defaults elsewhere (the admin API). */
  timeouts: ScimUploadTimeouts = scimDefaults.upload,
): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain so the connection stays usable
    throw ScimError.payloadTooLarge(`request body of ${declared} bytes exceeds the limit of ${limit} bytes`);
  }
  const type = mediaTypeOf(req);
  if (type === undefined || !ACCEPTED.has(type)) {
    req.resume();
    throw ScimError.unsupportedMediaType(`Content-Type must be application/scim+json or application/json, got ${type ?? 'none'}`);
  }
  const text = await readText(req, limit, timeouts);
  if (text.trim() === '') throw ScimError.invalidSyntax('request body is empty; a JSON object is required');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw ScimError.invalidSyntax('request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw ScimError.invalidSyntax('request body must be a JSON object');
  }
  checkRequestJson(parsed);
  return parsed as Record<string, unknown>;
}

function readText(req: Request, limit: number, timeouts: ScimUploadTimeouts): Promise<string> {
  // A body parser mounted before us (e.g. express.json) already consumed the stream.
  const pre = (req as { body?: unknown }).body;
  if (pre !== undefined && req.readableEnded) {
    return Promise.resolve(typeof pre === 'string' ? pre : Buffer.isBuffer(pre) ? decodeUtf8(pre) : JSON.stringify(pre));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // One timer per body, re-checked when it fires (not re-armed per chunk); none for a body that has fully
    // arrived already (`req.complete`, the usual case for a small body sent with its headers).
    const started = performance.now();
    let lastData = started;
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      const now = performance.now();
      if (now - started >= timeouts.timeoutMs) return fail(timedOut(`request body not complete within ${timeouts.timeoutMs} ms`));
      if (now - lastData >= timeouts.idleTimeoutMs) return fail(timedOut(`request body stalled: no data for ${timeouts.idleTimeoutMs} ms`));
      timer = setTimeout(check, Math.min(started + timeouts.timeoutMs, lastData + timeouts.idleTimeoutMs) - now);
    };
    const stop = () => {
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      // Keep one error listener: a reset after we stopped listening must not become an uncaught 'error'.
      req.on('error', () => undefined);
    };
    const fail = (error: ScimError) => {
      if (settled) return;
      stop();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      if (settled) return;
      lastData = performance.now();
      size += chunk.length;
      if (size > limit) {
        fail(ScimError.payloadTooLarge(`request body exceeds the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (settled) return;
      stop();
      try {
        resolve(decodeUtf8(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
      } catch (e) {
        reject(e);
      }
    };
    const onError = () => fail(ScimError.invalidSyntax('request body could not be read'));
    if (!req.complete) timer = setTimeout(check, Math.min(timeouts.timeoutMs, timeouts.idleTimeoutMs));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw ScimError.invalidValue('request body is not well-formed UTF-8');
  }
}

const timedOut = (detail: string): ScimError => new ScimError(408, undefined, detail);
