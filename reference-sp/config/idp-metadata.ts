/*
 * Reads the trusted IdP out of its SAML metadata (saml-metadata §2.4.3 IDPSSODescriptor):
 * - entityID of the EntityDescriptor (§2.3.2);
 * - SingleSignOnService location, HTTP-Redirect binding preferred, else HTTP-POST (§2.4.3);
 * - X509Certificate of every KeyDescriptor of the IDPSSODescriptor whose use is "signing" or absent (§2.4.1.1):
 *   several are the IdP's key rollover (the new key published next to the current one), and any of them may sign;
 * - other role descriptors are skipped: Entra's federation metadata puts WS-Federation RoleDescriptors
 *   (fed:SecurityTokenServiceType, fed:ApplicationServiceType) with their own KeyDescriptors before the
 *   IDPSSODescriptor, and those keys are not the SAML IdP's;
 * - an EntitiesDescriptor is accepted when it holds exactly one IdP.
 * With trust options, the metadata lifecycle rules (../saml/metadata-trust/) apply before anything is read:
 * the root's signature by the configured metadata signing certificate (then only the signed XML is read), and
 * validUntil / cacheDuration of the entity and its enclosing EntitiesDescriptors (expired metadata is refused).
 */
import forge from 'node-forge';
import { MetadataTrustError, type MetadataTrustCode } from '../saml/metadata-trust/errors.ts';
import { readMetadataValidity } from '../saml/metadata-trust/metadata-validity.ts';
import { refuseExpired } from '../saml/metadata-trust/refuse-expired.ts';
import { verifyMetadataSignature, type MetadataAlgorithms } from '../saml/metadata-trust/verify-metadata-signature.ts';
import { NS, attr, children, parseXml, certBody, toPemCertificate, type XmlParseError } from '../saml/xml.ts';

export interface IdpMetadata {
  readonly entityId: string;
  readonly ssoUrl: string | undefined;
  readonly signingCertificates: readonly string[];
  /** The earliest validUntil of the entity and its enclosing EntitiesDescriptors (saml-metadata §2.3.2). */
  readonly validUntil?: Date | undefined;
  /** The smallest cacheDuration of the entity and its enclosing EntitiesDescriptors, in seconds. */
  readonly cacheDurationSeconds?: number | undefined;
}

export interface MetadataTrustOptions {
  /** When set, the document must be signed by this certificate (PEM) over its root (saml-metadata §3). */
  readonly signingCertificate?: string | undefined;
  /** Algorithms a metadata signature may use (the tenant's allowed signature and digest algorithms). */
  readonly algorithms: MetadataAlgorithms;
  /** Expired metadata (validUntil at or before now) is refused. */
  readonly now: Date;
}

export type IdpMetadataResult = { ok: true; value: IdpMetadata } | { ok: false; problems: string[]; code?: MetadataTrustCode };

export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** Returns the metadata or a list of problems (to be prefixed with the config path by the caller). */
export function parseIdpMetadata(xml: string, trust?: MetadataTrustOptions): IdpMetadataResult {
  let root: Element;
  try {
    root = parseXml(xml).documentElement as Element;
  } catch (e) {
    return { ok: false, problems: [`is not well-formed metadata XML (${(e as XmlParseError).message})`] };
  }
  if (root.namespaceURI !== NS.md || (root.localName !== 'EntityDescriptor' && root.localName !== 'EntitiesDescriptor')) {
    return { ok: false, problems: ['must be a SAML metadata EntityDescriptor'] };
  }
  try {
    if (trust?.signingCertificate !== undefined) root = verifyMetadataSignature(root, toPemCertificate(trust.signingCertificate), trust.algorithms);
  } catch (e) {
    if (e instanceof MetadataTrustError) return { ok: false, problems: [`is refused: ${e.describe()}`], code: e.code };
    throw e;
  }
  let entity: Element | undefined = root;
  if (root.localName === 'EntitiesDescriptor') {
    const idps = children(root, NS.md, 'EntityDescriptor').filter((e) => children(e, NS.md, 'IDPSSODescriptor').length > 0);
    if (idps.length !== 1) return { ok: false, problems: [`must describe exactly one IdP (found ${idps.length})`] };
    entity = idps[0];
  }
  if (!entity) return { ok: false, problems: ['must be a SAML metadata EntityDescriptor'] };
  let validity: ReturnType<typeof readMetadataValidity>;
  try {
    validity = readMetadataValidity(entity);
    if (trust) refuseExpired(validity.validUntil, trust.now);
  } catch (e) {
    if (e instanceof MetadataTrustError) return { ok: false, problems: [`is refused: ${e.describe()}`], code: e.code };
    throw e;
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
  return { ok: true, value: { entityId, ssoUrl: attr(sso, 'Location'), signingCertificates: certs, ...validity } };
}

/**
 * idp.metadataSigningCertificate as PEM: a problem naming its path when it is not an X.509 certificate, or when
 * the tenant imports no metadata for it to verify. undefined when not configured or refused.
 */
export function resolveMetadataSigningCertificate(
  idp: { readonly metadataSigningCertificate?: string | undefined },
  importsMetadata: boolean,
  path: string,
  problems: string[],
): string | undefined {
  if (idp.metadataSigningCertificate === undefined) return undefined;
  const where = `${path}.metadataSigningCertificate`;
  if (!importsMetadata) {
    problems.push(`${where} applies only when importing metadata (metadataUrl, metadataFile or metadataXml)`);
    return undefined;
  }
  const pem = toPemCertificate(idp.metadataSigningCertificate);
  try {
    forge.pki.certificateFromPem(pem);
    return pem;
  } catch (e) {
    problems.push(`${where} is not a valid X.509 certificate (${(e as Error).message})`);
    return undefined;
  }
}

/** What the resolved IdP keeps of the metadata's lifecycle: only the values that are set. */
export function metadataLifecycle(
  meta: IdpMetadata | undefined,
  metadataSigningCertificate: string | undefined,
): { validUntil?: string; cacheDurationSeconds?: number; metadataSigningCertificate?: string } {
  return {
    ...(meta?.validUntil ? { validUntil: meta.validUntil.toISOString() } : {}),
    ...(meta?.cacheDurationSeconds !== undefined ? { cacheDurationSeconds: meta.cacheDurationSeconds } : {}),
    ...(metadataSigningCertificate ? { metadataSigningCertificate } : {}),
  };
}
