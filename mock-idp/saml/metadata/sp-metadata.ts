/*
 * Reads an SP's metadata into a registration (saml-metadata §2.4.4 SPSSODescriptor):
 * - entityID of the EntityDescriptor (§2.3.2); the first SPSSODescriptor that supports SAML 2.0
 * - AuthnRequestsSigned / WantAssertionsSigned (§2.4.4), default false
 * - KeyDescriptor use="signing" / "encryption"; one without `use` serves both (§2.4.1.1)
 * - every AssertionConsumerService with its index and isDefault (§2.4.4, §2.2.3 IndexedEndpointType); HTTP-POST
 *   and HTTP-Artifact ones (saml-bindings §3.6, ../artifact/), the others are skipped
 * - the first NameIDFormat, when it is one the IdP knows
 * - the SingleLogoutService (§2.4.2), HTTP-Redirect preferred, else HTTP-POST: where logout messages go
 * A DOCTYPE is refused and bad XML is sp/bad-metadata, never a crash.
 */
import { type IdpError, idpError } from '../errors.ts';
import { BINDING, NAMEID_FORMAT, NS, type NameIdFormatName } from '../namespaces.ts';
import { BINDING_ARTIFACT } from '../artifact/bindings.ts';
import { certToPem, childElements, descendants, parseXml } from '../xml.ts';
import type { SpRegistrationInput } from '../sp-registry/sp-registration.ts';

function parse(xml: string) {
  try {
    return parseXml(xml, 'SP metadata');
  } catch (e) {
    throw idpError('sp/bad-metadata', (e as IdpError).message);
  }
}

function certsFor(descriptor: Element, use: 'signing' | 'encryption'): string | undefined {
  for (const kd of childElements(descriptor, NS.metadata, 'KeyDescriptor')) {
    const u = kd.getAttribute('use');
    if (u && u !== use) continue;
    const cert = descendants(kd, NS.ds, 'X509Certificate')[0]?.textContent?.trim();
    if (cert) return certToPem(cert);
  }
  return undefined;
}

export function registrationFromSpMetadata(xml: string): SpRegistrationInput {
  const doc = parse(xml);
  const root = doc.documentElement!;
  const entity = root.namespaceURI === NS.metadata && root.localName === 'EntityDescriptor' ? root : descendants(doc, NS.metadata, 'EntityDescriptor')[0];
  if (!entity) throw idpError('sp/bad-metadata', 'no md:EntityDescriptor');
  const entityId = entity.getAttribute('entityID');
  if (!entityId) throw idpError('sp/bad-metadata', 'EntityDescriptor has no entityID');
  const sp = childElements(entity, NS.metadata, 'SPSSODescriptor').find((d) => (d.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(NS.protocol));
  if (!sp) throw idpError('sp/bad-metadata', `${entityId}: no SPSSODescriptor supporting SAML 2.0`);
  const acs = childElements(sp, NS.metadata, 'AssertionConsumerService')
    .filter((e) => e.getAttribute('Binding') === BINDING.post || e.getAttribute('Binding') === BINDING_ARTIFACT)
    .map((e, i) => ({
      url: e.getAttribute('Location') ?? '',
      index: Number(e.getAttribute('index') ?? i),
      isDefault: e.getAttribute('isDefault') === 'true',
      ...(e.getAttribute('Binding') === BINDING_ARTIFACT ? { binding: 'artifact' as const } : {}),
    }));
  if (acs.length === 0) throw idpError('sp/bad-metadata', `${entityId}: no HTTP-POST AssertionConsumerService`);
  const formatUri = childElements(sp, NS.metadata, 'NameIDFormat')[0]?.textContent?.trim();
  const nameIdFormat = (Object.entries(NAMEID_FORMAT).find(([, uri]) => uri === formatUri)?.[0] ?? undefined) as NameIdFormatName | undefined;
  const slo = childElements(sp, NS.metadata, 'SingleLogoutService');
  const sloRedirect = slo.find((e) => e.getAttribute('Binding') === BINDING.redirect);
  const sloPost = slo.find((e) => e.getAttribute('Binding') === BINDING.post);
  const singleLogout = sloRedirect
    ? { url: sloRedirect.getAttribute('Location') ?? '', binding: 'redirect' as const }
    : sloPost
      ? { url: sloPost.getAttribute('Location') ?? '', binding: 'post' as const }
      : undefined;
  const signingCertPem = certsFor(sp, 'signing');
  const encryptionCertPem = certsFor(sp, 'encryption');
  return {
    entityId,
    acs,
    authnRequestsSigned: sp.getAttribute('AuthnRequestsSigned') === 'true',
    wantAssertionsSigned: sp.getAttribute('WantAssertionsSigned') === 'true',
    ...(signingCertPem ? { signingCertPem } : {}),
    ...(encryptionCertPem ? { encryptionCertPem } : {}),
    ...(nameIdFormat ? { nameIdFormat } : {}),
    ...(singleLogout ? { singleLogout } : {}),
  };
}
