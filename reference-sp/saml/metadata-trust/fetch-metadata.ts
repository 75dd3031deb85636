/*
 * Fetches an IdP's metadata document from its URL (saml-metadata §4.1.2 resolution via a well-known location)
 * at a bounded cost: a response that takes longer than METADATA_FETCH_TIMEOUT_MS, or whose body is longer than
 * the XML parser would accept anyway (XML_LIMITS.maxChars), is a failed fetch — the body is read as a stream and
 * abandoned at the limit, never buffered whole. Errors carry fixed text and the HTTP status only: nothing the
 * host sent reaches a log or an answer.
 */
import { XML_LIMITS } from '../xml.ts';

/** A metadata host that does not answer within this time is a failed fetch. */
export const METADATA_FETCH_TIMEOUT_MS = 5_000;

export async function fetchMetadataXml(url: string, doFetch: typeof fetch = fetch, maxChars = XML_LIMITS.maxChars): Promise<string> {
  const response = await doFetch(url, { signal: AbortSignal.timeout(METADATA_FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (!response.body) return '';
  const decoder = new TextDecoder('utf-8');
  let text = '';
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length > maxChars) {
      await reader.cancel();
      throw new Error(`the metadata is longer than ${maxChars} characters`);
    }
  }
  return text + decoder.decode();
}
