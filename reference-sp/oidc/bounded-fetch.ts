/*
 * Every request the relying party makes to an OP (discovery, JWKS, token, userinfo) goes through this fetch:
 * at most MAX_OP_RESPONSE_BYTES of body are read (a larger answer is refused before it is parsed), so an OP,
 * or whoever answers in its name, cannot make one sign-in cost unbounded memory. openid-client adds its own
 * timeout (Configuration.timeout) as the abort signal.
 */
import type { CustomFetch } from 'openid-client';

/** Discovery documents, JWKS and token responses are a few kilobytes; 1 MiB leaves room for big group claims. */
export const MAX_OP_RESPONSE_BYTES = 1024 * 1024;

export class OpResponseTooLarge extends Error {
  override readonly name = 'OpResponseTooLarge';
}

export const boundedFetch: CustomFetch = async (url, options) => {
  const res = await fetch(url, options as RequestInit);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_OP_RESPONSE_BYTES) {
    await res.body?.cancel();
    throw new OpResponseTooLarge('the OP answered with more than the relying party reads');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_OP_RESPONSE_BYTES) throw new OpResponseTooLarge('the OP answered with more than the relying party reads');
      chunks.push(chunk);
    }
  }
  const body = res.status === 204 || res.status === 304 ? null : Buffer.concat(chunks);
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};
