/*
 * Reads the trusted IdP out of its SAML metadata (saml-metadata §2.4.3 IDPSSODescriptor):
 * - entityID of the EntityDescriptor (§2.3.2);
 * - SingleSignOnService location, HTTP-Redirect binding preferred, else HTTP-POST (§2.4.3);
 * - X509Certificate of every KeyDescriptor whose use is "signing" or absent (§2.4.1.1).
 * An EntitiesDescriptor is accepted when it holds exactly one IdP.
 */
import { NS, attr, children, parseXml, certBody, type XmlParseError } from '../saml/xml.ts';

export interface IdpMetadata {
  readonly entityId: string;
  readonly ssoUrl: string | undefined;
  readonly signingCertificates: readonly string[];
}

export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** Returns the metadata or a list of problems (to be prefixed with the config path by the caller). */
export function parseIdpMetadata(xml: string): { ok: true; value: IdpMetadata } | { ok: false; problems: string[] } {
  let root: Element;
  try {
    root = parseXml(xml).documentElement as Element;
  } catch (e) {
    return { ok: false, problems: [`is not well-formed metadata XML (${(e as XmlParseError).message})`] };
  }
  let entity: Element | undefined = root;
  if (root.namespaceURI === NS.md && root.localName === 'EntitiesDescriptor') {
    const idps = children(root, NS.md, 'EntityDescriptor').filter((e) => children(e, NS.md, 'IDPSSODescriptor').length > 0);
    if (idps.length !== 1) return { ok: false, problems: [`must describe exactly one IdP (found ${idps.length})`] };
    entity = idps[0];
  }
  if (!entity || entity.namespaceURI !== NS.md || entity.localName !== 'EntityDescriptor') {
    return { ok: false, problems: ['must be a SAML metadata EntityDescriptor'] };
  }
  const problems: string[] = [];
  const entityId = attr(entity, 'entityID');
  if (!entityId) problems.push('has no entityID');
  const idpDescriptor = children(entity, NS.md, 'IDPSSODescriptor')[0];
  if (!idpDescriptor) return { ok: false, problems: [...problems, 'has no IDPSSODescriptor'] };
  const services = children(idpDescriptor, NS.md, 'SingleSignOnService');
  const sso = services.find((s) => attr(s, 'Binding') === BINDING_REDIRECT) ?? services.find((s) => attr(s, 'Binding') === BINDING_POST);
  const certs: string[] = [];
  for (const kd of children(idpDescriptor, NS.md, 'KeyDescriptor')) {
    const use = attr(kd, 'use');
    if (use !== undefined && use !== 'signing') continue;
    for (const ki of children(kd, NS.ds, 'KeyInfo')) {
      for (const data of children(ki, NS.ds, 'X509Data')) {
        for (const c of children(data, NS.ds, 'X509Certificate')) certs.push(certBody(c.textContent ?? ''));
      }
    }
  }
  if (certs.length === 0) problems.push('has no signing certificate (KeyDescriptor use="signing")');
  if (problems.length > 0 || !entityId) return { ok: false, problems };
  return { ok: true, value: { entityId, ssoUrl: attr(sso, 'Location'), signingCertificates: certs } };
}
