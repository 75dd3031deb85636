/*
 * An SP registered with the mock IdP: an input type (what callers, the control API and SP metadata give) and a
 * resolved, frozen type with every default filled in. Validation collects every problem, each naming its path.
 * - entityId: non-empty (saml-metadata §2.3.2)
 * - acs: one or more absolute http(s) URLs, each with a unique index; exactly one default — the one marked
 *   isDefault, else the first (saml-metadata §2.2.3)
 * - authnRequestsSigned needs the SP's signing certificate to check requests with (saml-bindings §3.4.4.1)
 * - artifactDelivery: how the browser carries an artifact to an HTTP-Artifact ACS, a self-posting form (the
 *   default) or a redirect with SAMLart in the query (saml-bindings §3.6.3 allows both; the IdP chooses)
 * - an ACS is chosen as the request names it, and only with the binding the request's ProtocolBinding asks for
 *   (saml-core §3.4.1; saml-profiles §4.1.4.1: the IdP answers only at an endpoint registered for that binding)
 * - certificates must parse as X.509 PEM
 */
import { X509Certificate } from 'node:crypto';
import { idpError } from '../errors.ts';
import type { SignaturePlacement } from '../assertion-builder/builder.ts';
import type { EncryptOptions } from '../encrypt/encrypt-assertion.ts';
import { BINDING_ARTIFACT } from '../artifact/bindings.ts';
import { BINDING, NAMEID_FORMAT, type NameIdFormatName, type SignatureAlgorithmName } from '../namespaces.ts';
import { isPresetName, type PresetName } from '../presets/presets.ts';
import { USER_FIELDS, type AttributeStatement } from '../presets/custom-statements.ts';
import type { UserField } from '../presets/directory-user.ts';

export type AcsBinding = 'post' | 'artifact';

export interface AcsInput {
  readonly url: string;
  readonly index?: number | undefined;
  readonly isDefault?: boolean | undefined;
  /** How the Response reaches this ACS: HTTP-POST (the default) or HTTP-Artifact (saml-bindings §3.6, ../artifact/). */
  readonly binding?: AcsBinding | undefined;
}

export interface SpRegistrationInput {
  readonly entityId: string;
  /** One ACS URL, or several indexed endpoints. */
  readonly acs: string | readonly AcsInput[];
  /** How attributes are named; default 'entra'. With `attributes`, it still decides the NameID and (entra) the group overage. */
  readonly preset?: PresetName | undefined;
  /** Explicit attribute statements (e.g. a vendor guide's email/firstName/lastName). */
  readonly attributes?: readonly AttributeStatement[] | undefined;
  /** Attribute release: when set, only attributes with these names are sent. */
  readonly attributeRelease?: readonly string[] | undefined;
  /** Default: the preset's NameID format and source field. */
  readonly nameIdFormat?: NameIdFormatName | undefined;
  readonly nameIdFrom?: UserField | undefined;
  /** Which signatures the IdP puts on; default 'both'. */
  readonly signing?: SignaturePlacement | undefined;
  readonly signatureAlgorithm?: SignatureAlgorithmName | undefined;
  /** From SP metadata; when true the assertion is always signed, whatever `signing` says. */
  readonly wantAssertionsSigned?: boolean | undefined;
  /** The IdP refuses unsigned AuthnRequests from this SP. */
  readonly authnRequestsSigned?: boolean | undefined;
  readonly signingCertPem?: string | undefined;
  /** When set, assertions are encrypted to this certificate. */
  readonly encryptionCertPem?: string | undefined;
  readonly encryption?: EncryptOptions | undefined;
  /** Entra preset: the tenant ID in tenantid / identityprovider / groups.link. */
  readonly tenantId?: string | undefined;
  /** Where the SP receives logout messages (saml-metadata §2.4.2 SingleLogoutService); default binding redirect. */
  readonly singleLogout?: { readonly url: string; readonly binding?: 'redirect' | 'post' | undefined } | undefined;
  /** How the browser carries an artifact to an HTTP-Artifact ACS (saml-bindings §3.6.3); default 'post'. */
  readonly artifactDelivery?: ArtifactDelivery | undefined;
}

export type ArtifactDelivery = 'post' | 'redirect';

export interface AcsEndpoint {
  readonly url: string;
  readonly index: number;
  readonly isDefault: boolean;
  /** Absent: HTTP-POST. 'artifact': the browser carries an artifact the SP resolves over SOAP. */
  readonly binding?: AcsBinding;
}

export interface SpRegistration {
  readonly entityId: string;
  readonly acs: readonly AcsEndpoint[];
  readonly preset: PresetName;
  readonly attributes: readonly AttributeStatement[] | undefined;
  readonly attributeRelease: readonly string[] | undefined;
  readonly nameIdFormat: NameIdFormatName | undefined;
  readonly nameIdFrom: UserField | undefined;
  readonly signing: SignaturePlacement;
  readonly signatureAlgorithm: SignatureAlgorithmName;
  readonly wantAssertionsSigned: boolean;
  readonly authnRequestsSigned: boolean;
  readonly signingCertPem: string | undefined;
  readonly encryptionCertPem: string | undefined;
  readonly encryption: EncryptOptions | undefined;
  readonly tenantId: string | undefined;
  /** Absent: the SP takes no part in Single Logout (../logout/). */
  readonly singleLogout: { readonly url: string; readonly binding: 'redirect' | 'post' } | undefined;
  readonly artifactDelivery: ArtifactDelivery;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isCert(pem: unknown): boolean {
  try {
    new X509Certificate(pem as string);
    return true;
  } catch {
    return false;
  }
}

export function resolveSpRegistration(input: SpRegistrationInput, path = 'sp'): SpRegistration {
  const problems: string[] = [];
  const i = (input ?? {}) as Partial<SpRegistrationInput>;
  if (typeof i.entityId !== 'string' || i.entityId.trim() === '') problems.push(`${path}.entityId must be a non-empty string`);
  const rawAcs: AcsInput[] = typeof i.acs === 'string' ? [{ url: i.acs }] : Array.isArray(i.acs) ? (i.acs as AcsInput[]) : [];
  if (rawAcs.length === 0) problems.push(`${path}.acs must be a URL or a non-empty list of endpoints`);
  const acs = rawAcs.map((a, n) => ({
    url: a?.url,
    index: a?.index ?? n,
    isDefault: a?.isDefault === true,
    ...(a?.binding !== undefined ? { binding: a.binding } : {}),
  }));
  acs.forEach((a, n) => {
    if (!isHttpUrl(a.url)) problems.push(`${path}.acs[${n}].url must be an absolute http(s) URL`);
    if (!Number.isInteger(a.index) || a.index < 0) problems.push(`${path}.acs[${n}].index must be a non-negative integer`);
  });
  if (new Set(acs.map((a) => a.index)).size !== acs.length) problems.push(`${path}.acs indexes must be unique`);
  acs.forEach((a, n) => {
    if (a.binding !== undefined && a.binding !== 'post' && a.binding !== 'artifact') problems.push(`${path}.acs[${n}].binding must be post or artifact`);
  });
  if (acs.filter((a) => a.isDefault).length > 1) problems.push(`${path}.acs may mark only one endpoint isDefault`);
  if (i.preset !== undefined && !isPresetName(i.preset)) problems.push(`${path}.preset must be one of entra, okta, jumpcloud, onelogin`);
  if (i.attributes !== undefined) {
    if (!Array.isArray(i.attributes)) problems.push(`${path}.attributes must be a list`);
    else
      i.attributes.forEach((s, n) => {
        if (typeof s?.name !== 'string' || s.name === '') problems.push(`${path}.attributes[${n}].name must be a non-empty string`);
        if (s?.from !== undefined && !USER_FIELDS.includes(s.from)) problems.push(`${path}.attributes[${n}].from must be one of ${USER_FIELDS.join(', ')}`);
        if ((s?.from === undefined) === (s?.value === undefined)) problems.push(`${path}.attributes[${n}] needs exactly one of from / value`);
      });
  }
  if (i.nameIdFormat !== undefined && !(i.nameIdFormat in NAMEID_FORMAT)) problems.push(`${path}.nameIdFormat must be one of ${Object.keys(NAMEID_FORMAT).join(', ')}`);
  if (i.nameIdFrom !== undefined && !USER_FIELDS.includes(i.nameIdFrom)) problems.push(`${path}.nameIdFrom must be one of ${USER_FIELDS.join(', ')}`);
  if (i.signing !== undefined && !['response', 'assertion', 'both', 'none'].includes(i.signing)) problems.push(`${path}.signing must be response, assertion, both or none`);
  if (i.signatureAlgorithm !== undefined && !['sha1', 'sha256', 'sha512'].includes(i.signatureAlgorithm))
    problems.push(`${path}.signatureAlgorithm must be sha1, sha256 or sha512`);
  if (i.signingCertPem !== undefined && !isCert(i.signingCertPem)) problems.push(`${path}.signingCertPem must be an X.509 certificate in PEM`);
  if (i.encryptionCertPem !== undefined && !isCert(i.encryptionCertPem)) problems.push(`${path}.encryptionCertPem must be an X.509 certificate in PEM`);
  if (i.authnRequestsSigned && !i.signingCertPem) problems.push(`${path}.signingCertPem is required when authnRequestsSigned is true`);
  if (i.singleLogout !== undefined) {
    if (!isHttpUrl(i.singleLogout?.url)) problems.push(`${path}.singleLogout.url must be an absolute http(s) URL`);
    if (i.singleLogout?.binding !== undefined && !['redirect', 'post'].includes(i.singleLogout.binding)) problems.push(`${path}.singleLogout.binding must be redirect or post`);
  }
  if (i.artifactDelivery !== undefined && !['post', 'redirect'].includes(i.artifactDelivery)) problems.push(`${path}.artifactDelivery must be post or redirect`);
  if (problems.length > 0) throw idpError('sp/invalid-registration', problems.join('; '));

  const defaultIndex = acs.findIndex((a) => a.isDefault);
  const resolvedAcs = acs.map((a, n) => Object.freeze({ ...a, url: a.url as string, isDefault: defaultIndex === -1 ? n === 0 : n === defaultIndex }));
  return Object.freeze({
    entityId: i.entityId!,
    acs: Object.freeze(resolvedAcs),
    preset: i.preset ?? 'entra',
    attributes: i.attributes,
    attributeRelease: i.attributeRelease,
    nameIdFormat: i.nameIdFormat,
    nameIdFrom: i.nameIdFrom,
    signing: i.signing ?? 'both',
    signatureAlgorithm: i.signatureAlgorithm ?? 'sha256',
    wantAssertionsSigned: i.wantAssertionsSigned ?? false,
    authnRequestsSigned: i.authnRequestsSigned ?? false,
    signingCertPem: i.signingCertPem,
    encryptionCertPem: i.encryptionCertPem,
    encryption: i.encryption,
    tenantId: i.tenantId,
    singleLogout: i.singleLogout ? Object.freeze({ url: i.singleLogout.url, binding: i.singleLogout.binding ?? 'redirect' }) : undefined,
    artifactDelivery: i.artifactDelivery ?? 'post',
  });
}

/** The ACS binding a request's ProtocolBinding asks for; undefined when it names none (or one no ACS here uses). */
export function acsBindingOf(protocolBinding: string | undefined): AcsBinding | undefined {
  if (protocolBinding === BINDING.post) return 'post';
  if (protocolBinding === BINDING_ARTIFACT) return 'artifact';
  return undefined;
}

/**
 * saml-profiles §4.1.4.1: the ACS named in the request if it is registered for the SP, else its default; when the
 * request asks for a binding, only an endpoint registered for it (the default, else the first such endpoint).
 */
export function chooseAcs(sp: SpRegistration, requested: { url?: string | undefined; index?: number | undefined; binding?: AcsBinding | undefined }): AcsEndpoint | undefined {
  const fits = (a: AcsEndpoint) => requested.binding === undefined || (a.binding ?? 'post') === requested.binding;
  if (requested.url !== undefined) return sp.acs.find((a) => a.url === requested.url && fits(a));
  if (requested.index !== undefined) return sp.acs.find((a) => a.index === requested.index && fits(a));
  return [sp.acs.find((a) => a.isDefault)!, ...sp.acs].find(fits);
}
