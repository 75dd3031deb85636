/*
 * Reads and parses a SCIM request body.
 * - RFC 7644 §3.1 / §8.1: application/scim+json is the media type; application/json is accepted too (what most
 *   clients send). Any other media type (or none) on a request with a body → 415 Unsupported Media Type
 *   (RFC 9110 §15.5.16: "the content is in a format not supported by this method on the target resource"),
 *   with a §3.12 error body and no scimType.
 * - RFC 7644 §3.12 (Table 8, 413): a body over the limit → 413, checked on Content-Length before reading and
 *   again while streaming (chunked bodies have no length).
 * - Malformed JSON → 400 invalidSyntax; an empty body where one is required → 400 invalidSyntax.
 * - The body must be a JSON object (every SCIM request message is one).
 */
import type { Request } from 'express';
import { ScimError } from '../types/errors.ts';

const ACCEPTED = new Set(['application/scim+json', 'application/json']);

export function mediaTypeOf(req: Request): string | undefined {
  const h = req.headers['content-type'];
  return h?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export async function readJsonBody(req: Request, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain so the connection stays usable
    throw ScimError.payloadTooLarge(`request body of ${declared} bytes exceeds the limit of ${limit} bytes`);
  }
  const type = mediaTypeOf(req);
  if (type === undefined || !ACCEPTED.has(type)) {
    req.resume();
    throw ScimError.unsupportedMediaType(
      `Content-Type must be application/scim+json or application/json, got ${type ?? 'none'}`,
    );
  }
  const text = await readText(req, limit);
  if (text.trim() === '') throw ScimError.invalidSyntax('request body is empty; a JSON object is required');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw ScimError.invalidSyntax(`request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw ScimError.invalidSyntax('request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function readText(req: Request, limit: number): Promise<string> {
  // A body parser mounted before us (e.g. express.json) already consumed the stream.
  const pre = (req as { body?: unknown }).body;
  if (pre !== undefined && req.readableEnded) {
    return Promise.resolve(typeof pre === 'string' ? pre : Buffer.isBuffer(pre) ? pre.toString('utf8') : JSON.stringify(pre));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(ScimError.payloadTooLarge(`request body exceeds the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(ScimError.invalidSyntax(`request body could not be read: ${e.message}`));
      }
    });
  });
}
