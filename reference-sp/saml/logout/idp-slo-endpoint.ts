/*
 * The IdP's SingleLogoutService read from its metadata (saml-metadata §2.4.2, SSODescriptorType): the
 * HTTP-Redirect endpoint when there is one, else HTTP-POST; the IdP answers both bindings at one Location in
 * every IdP we reproduce, so the SP sends either binding there. Metadata without one: no Single Logout.
 */
import { NS, attr, children, parseXml } from '../xml.ts';

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

export function idpSloUrl(metadataXml: string): string | undefined {
  let root: Element;
  try {
    root = parseXml(metadataXml).documentElement as Element;
  } catch {
    return undefined;
  }
  const entities = root.localName === 'EntitiesDescriptor' ? children(root, NS.md, 'EntityDescriptor') : [root];
  for (const entity of entities) {
    for (const idp of children(entity, NS.md, 'IDPSSODescriptor')) {
      const services = children(idp, NS.md, 'SingleLogoutService');
      const chosen = services.find((s) => attr(s, 'Binding') === REDIRECT) ?? services.find((s) => attr(s, 'Binding') === POST);
      if (chosen) return attr(chosen, 'Location');
    }
  }
  return undefined;
}
