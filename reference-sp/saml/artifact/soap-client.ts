/*
 * Sends one SAML request over the SOAP binding (saml-bindings §3.2) and returns the one SAML element of the
 * answer's Body:
 * - HTTP POST, Content-Type text/xml, SOAPAction "http://www.oasis-open.org/committees/security" (§3.2.2.1)
 * - bounded: a timeout (default 5 s) over connect, headers and body, and at most MAX_SOAP_RESPONSE_BYTES read;
 *   the IdP is a remote party and must not be able to hold or flood the ACS
 * - a network error, timeout, non-2xx status, SOAP fault, oversized or unparsable answer is
 *   artifact/resolution-failed (saml-bindings §3.2.3.3), with fixed text: nothing the IdP sent is repeated
 */
import { isSamlRejection, reject } from '../rejection.ts';
import { isElement, NS, parseXml } from '../xml.ts';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const MAX_SOAP_RESPONSE_BYTES = 2 * 1024 * 1024;
export const SOAP_TIMEOUT_MS = 5_000;

const SPEC = 'saml-bindings §3.2.3.3';
const failed = (message: string) => reject('artifact/resolution-failed', { message, spec: SPEC });

async function readBounded(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw failed('the IdP answered with more than this SP reads');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function elementChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

export async function soapCall(url: string, samlXml: string, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<Element> {
  const envelope = `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV_NS}"><SOAP-ENV:Body>${samlXml}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
  let text: string;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'http://www.oasis-open.org/committees/security' },
      body: envelope,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? SOAP_TIMEOUT_MS),
    });
    text = await readBounded(response, MAX_SOAP_RESPONSE_BYTES);
    if (!response.ok) throw failed(`the IdP's ArtifactResolutionService answered HTTP ${response.status}`);
  } catch (e) {
    if (isSamlRejection(e)) throw e;
    throw failed('the IdP\u2019s ArtifactResolutionService could not be reached in time');
  }
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch {
    throw failed('the IdP\u2019s answer is not a well-formed SOAP message');
  }
  const envelopeEl = doc.documentElement!;
  if (envelopeEl.namespaceURI !== SOAP_ENV_NS || envelopeEl.localName !== 'Envelope') throw failed('the IdP\u2019s answer is not a SOAP 1.1 Envelope');
  const body = elementChildren(envelopeEl).find((e) => e.namespaceURI === SOAP_ENV_NS && e.localName === 'Body');
  const inside = body ? elementChildren(body) : [];
  if (inside.length !== 1) throw failed('the IdP\u2019s SOAP Body must hold exactly one element');
  const only = inside[0]!;
  if (only.namespaceURI === SOAP_ENV_NS && only.localName === 'Fault') throw failed('the IdP answered with a SOAP fault');
  if (only.namespaceURI !== NS.samlp) throw failed('the IdP\u2019s SOAP Body holds no SAML protocol message');
  return only;
}
