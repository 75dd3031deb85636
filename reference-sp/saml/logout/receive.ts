/*
 * Reads a logout message sent to /saml/{tenant}/slo and authenticates it (SAML Profiles §4.4.4.1 and
 * §4.4.4.2: the sender MUST authenticate itself and protect the message's integrity; we require a signature):
 * - HTTP-Redirect (Bindings §3.4.4.1): SAMLRequest or SAMLResponse is base64 of raw DEFLATE (inflated to at
 *   most MAX_INFLATED bytes); SigAlg + Signature over the exact query octets, SigAlg one the tenant allows,
 *   checked against the IdP's trusted certificates only
 * - HTTP-POST (Bindings §3.5.4): base64 XML with an enveloped signature, verified by the same code as the
 *   ACS (../signature.ts): only the XML the signature covers is read afterwards
 * The XML is parsed with the ACS's bounded, DTD-free parser (../xml.ts). Nothing from the message is echoed
 * in a refusal; `verifiedId` is set only once the signature held.
 */
import { createVerify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { SIGNATURE_ALGORITHMS, type SamlTenantConfig } from '../../config/saml-section.ts';
import { verifyEnvelopedSignature } from '../signature.ts';
import { NS, XmlParseError, attr, parseXml } from '../xml.ts';
import { type LogoutRejection, refuseLogout } from './logout-rejection.ts';
import { plainId } from './request-id.ts';

export const MAX_INFLATED = 256 * 1024;
const NODE_ALGORITHM: Readonly<Record<string, string>> = {
  [SIGNATURE_ALGORITHMS['rsa-sha1']]: 'RSA-SHA1',
  [SIGNATURE_ALGORITHMS['rsa-sha256']]: 'RSA-SHA256',
  [SIGNATURE_ALGORITHMS['rsa-sha384']]: 'RSA-SHA384',
  [SIGNATURE_ALGORITHMS['rsa-sha512']]: 'RSA-SHA512',
};

export interface ReceivedLogout {
  readonly kind: 'LogoutRequest' | 'LogoutResponse';
  /** The verified root element: read nothing from the message but this. */
  readonly root: Element;
  readonly relayState: string | undefined;
}

const malformed = (why: string) => refuseLogout('logout/malformed', `the logout message ${why}`, 'saml-bindings §3.4.4.1, §3.5.4');
const refusedFor = (root: Element, e: LogoutRejection) => Object.assign(e, { messageKind: root.localName as ReceivedLogout['kind'], requestId: plainId(attr(root, 'ID')) });
const missing = (root: Element) => refusedFor(root, refuseLogout('logout/signature-missing', 'the logout message is not signed', 'saml-profiles §4.4.4.1'));
const invalid = (root: Element) =>
  refusedFor(root, refuseLogout('logout/signature-invalid', 'the logout message signature does not verify against the trusted IdP certificate', 'saml-profiles §4.4.4.1'));

function base64(value: string): Buffer {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw malformed('is not base64');
  return Buffer.from(compact, 'base64');
}

function logoutRoot(xml: string): Element {
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (e) {
    throw malformed(e instanceof XmlParseError && e.reason === 'doctype' ? 'carries a DTD' : 'is not well-formed, bounded XML');
  }
  const root = doc.documentElement as Element;
  if (root.namespaceURI !== NS.samlp || (root.localName !== 'LogoutRequest' && root.localName !== 'LogoutResponse') || !attr(root, 'ID')) {
    throw malformed('is not a samlp:LogoutRequest or samlp:LogoutResponse with an ID');
  }
  return root;
}

/** Raw (still URL-encoded) query values by name, first occurrence wins. */
function rawQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && !out.has(part.slice(0, eq))) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

function percentDecoded(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw malformed('has a query string that is not valid percent-encoding');
  }
}

export function receiveRedirectLogout(query: string, saml: Pick<SamlTenantConfig, 'idp' | 'allowedSignatureAlgorithms'>): ReceivedLogout {
  const raw = rawQuery(query);
  const param = raw.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse';
  const value = raw.get(param);
  if (value === undefined) throw malformed('is missing: no SAMLRequest or SAMLResponse');
  let xml: string;
  try {
    xml = inflateRawSync(base64(percentDecoded(value)), { maxOutputLength: MAX_INFLATED }).toString('utf8');
  } catch (e) {
    throw e instanceof Error && e.name === 'LogoutRejection' ? e : malformed('does not inflate (raw DEFLATE expected, bounded size)');
  }
  const root = logoutRoot(xml);
  const sigAlg = raw.get('SigAlg');
  const signature = raw.get('Signature');
  if (sigAlg === undefined && signature === undefined) throw missing(root);
  if (sigAlg === undefined || signature === undefined) throw invalid(root);
  const algorithm = percentDecoded(sigAlg);
  const allowed = saml.allowedSignatureAlgorithms.map((a) => SIGNATURE_ALGORITHMS[a]) as string[];
  const nodeAlgorithm = NODE_ALGORITHM[algorithm];
  if (!nodeAlgorithm || !allowed.includes(algorithm)) throw invalid(root);
  const relay = raw.get('RelayState');
  const octets = `${param}=${value}${relay !== undefined ? `&RelayState=${relay}` : ''}&SigAlg=${sigAlg}`;
  const signatureBytes = base64(percentDecoded(signature));
  const ok = saml.idp.signingCertificates.some((cert) => {
    try {
      return createVerify(nodeAlgorithm).update(octets).verify(cert, signatureBytes);
    } catch {
      return false;
    }
  });
  if (!ok) throw invalid(root);
  return { kind: root.localName as ReceivedLogout['kind'], root, relayState: relay === undefined ? undefined : percentDecoded(relay) };
}

export function receivePostLogout(body: Record<string, unknown>, saml: Parameters<typeof verifyEnvelopedSignature>[2]): ReceivedLogout {
  const value = typeof body['SAMLRequest'] === 'string' ? body['SAMLRequest'] : body['SAMLResponse'];
  if (typeof value !== 'string') throw malformed('is missing: no SAMLRequest or SAMLResponse');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(base64(value));
  const root = logoutRoot(text);
  let verified: string | undefined;
  try {
    verified = verifyEnvelopedSignature(root, 'Response', saml)?.verifiedXml;
  } catch {
    throw invalid(root);
  }
  if (verified === undefined) throw missing(root);
  const relay = body['RelayState'];
  return { kind: root.localName as ReceivedLogout['kind'], root: logoutRoot(verified), relayState: typeof relay === 'string' ? relay : undefined };
}
