/*
 * The SAML SOAP binding, as much of it as artifact resolution needs (saml-bindings §3.2; SOAP 1.1):
 * - a request is a SOAP 1.1 Envelope whose Body holds exactly one SAML protocol element (§3.2.3.1); no Header
 *   is required, and a Header entry marked mustUnderstand="1" that we do not understand is a fault (SOAP 1.1 §4.2.3)
 * - a SAML processing problem is answered with 200 and a SAML status (§3.2.3.3); a SOAP problem (not an
 *   Envelope, no single body element) with a SOAP fault, faultcode SOAP-ENV:Client, which SOAP 1.1 §6.2 and
 *   saml-bindings §3.2.3.3 require to go out as HTTP 500. That 500 is the protocol's answer, not a crash; the
 *   faultstring is a stable code and never repeats the request.
 */
import { escapeXml, parseXml } from '../xml.ts';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';

export type SoapFaultCode = 'soap/not-an-envelope' | 'soap/no-body-element' | 'soap/must-understand' | 'artifact-resolve/invalid' | 'soap/too-large';

export class SoapFault extends Error {
  constructor(
    readonly code: SoapFaultCode,
    message: string,
  ) {
    super(message);
    this.name = 'SoapFault';
  }
}

export function soapEnvelope(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV_NS}"><SOAP-ENV:Body>${bodyXml}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

export function soapFaultXml(fault: SoapFault): string {
  return soapEnvelope(`<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>${escapeXml(fault.code)}</faultstring></SOAP-ENV:Fault>`);
}

function elementChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The one SAML element in the SOAP Body; any SOAP-level problem is a SoapFault. */
export function soapBodyElement(xml: string): Element {
  let doc: Document;
  try {
    doc = parseXml(xml, 'SOAP message');
  } catch {
    throw new SoapFault('soap/not-an-envelope', 'the request is not well-formed XML without a DOCTYPE');
  }
  const envelope = doc.documentElement!;
  if (envelope.namespaceURI !== SOAP_ENV_NS || envelope.localName !== 'Envelope') throw new SoapFault('soap/not-an-envelope', 'expected a SOAP 1.1 Envelope');
  const parts = elementChildren(envelope);
  const header = parts.find((e) => e.namespaceURI === SOAP_ENV_NS && e.localName === 'Header');
  if (header && elementChildren(header).some((h) => h.getAttributeNS(SOAP_ENV_NS, 'mustUnderstand') === '1')) {
    throw new SoapFault('soap/must-understand', 'a SOAP header entry marked mustUnderstand is not understood');
  }
  const body = parts.find((e) => e.namespaceURI === SOAP_ENV_NS && e.localName === 'Body');
  const inside = body ? elementChildren(body) : [];
  if (inside.length !== 1) throw new SoapFault('soap/no-body-element', 'the SOAP Body must hold exactly one SAML element');
  return inside[0]!;
}
