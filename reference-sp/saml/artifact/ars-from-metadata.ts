/*
 * Where the trusted IdP resolves artifacts: the SOAP ArtifactResolutionService of its IDPSSODescriptor
 * (saml-metadata §2.4.1 SSODescriptorType, §2.2.3 IndexedEndpointType: the one marked isDefault, else index 0,
 * else the first). The configuration's idp.artifactResolutionUrl wins over it (../../config/resolve.ts).
 */
import { NS, attr, children, parseXml } from '../xml.ts';

const BINDING_SOAP = 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP';

export function artifactResolutionServiceUrl(metadataXml: string): string | undefined {
  let root: Element;
  try {
    root = parseXml(metadataXml).documentElement!;
  } catch {
    return undefined; // the metadata parser reports the problem; this reads only what it accepted
  }
  const entities = root.localName === 'EntitiesDescriptor' ? children(root, NS.md, 'EntityDescriptor') : [root];
  const services = entities
    .flatMap((e) => children(e, NS.md, 'IDPSSODescriptor'))
    .flatMap((d) => children(d, NS.md, 'ArtifactResolutionService'))
    .filter((s) => attr(s, 'Binding') === BINDING_SOAP && attr(s, 'Location'));
  const chosen = services.find((s) => attr(s, 'isDefault') === 'true') ?? services.find((s) => attr(s, 'index') === '0') ?? services[0];
  return attr(chosen, 'Location');
}
