/*
 * Resolves a validated input into the frozen ReferenceSpConfig:
 * - schema problems first (./validate.ts), then the checks a schema cannot express: duplicate tenant IDs,
 *   the IdP (metadata imported from URL/file/XML, manual fields override it), certificates that parse as
 *   X.509, the number of ACS URLs the profile allows (SonarQube: exactly one);
 * - every problem is collected and thrown together as one ConfigError;
 * - SAML options resolve as defaults ← profile ← tenant input.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath, dirname, extname } from 'node:path';
import forge from 'node-forge';
import { parse as parseYaml } from 'yaml';
import { oidcProfileDefaults, samlProfileDefaults } from '../profiles/index.ts';
import { isOidcOnlyInput, NO_SAML_IDP } from './oidc-only.ts';
import { idpDefaults, samlDefaults, spDefaults } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { metadataLifecycle, parseIdpMetadata, resolveMetadataSigningCertificate, type IdpMetadata } from './idp-metadata.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { MetadataAlgorithms } from '../saml/metadata-trust/verify-metadata-signature.ts';
import type { ResolvedIdp, SamlTenantConfig, SamlTenantInput } from './saml-section.ts';
import { resolveScimSection, type ScimTenantInput } from './scim-section.ts';
import { resolveOidcSection } from './oidc-section.ts';
import type { ProfileName, ReferenceSpConfig, ReferenceSpConfigInput, TenantConfig, TenantInput } from './types.ts';
import { schemaProblems } from './validate.ts';
import { artifactResolutionServiceUrl } from '../saml/artifact/ars-from-metadata.ts';
import { toPemCertificate } from '../saml/xml.ts';
import { idpSloUrl } from '../saml/logout/idp-slo-endpoint.ts';
import { authnContextClassUri } from '../saml/authn-context-classes.ts';
import { NAME_ID_FORMATS } from './saml-section.ts';

export interface ResolveOptions {
  /** Directory that relative `idp.metadataFile` paths are read from (the config file's directory). */
  readonly baseDir?: string;
  /** Used for `idp.metadataUrl`; injectable for tests. */
  readonly fetch?: (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
  /** The clock imported metadata's validUntil is compared with (../saml/metadata-trust/); default: system time. */
  readonly clock?: Clock;
}

export async function resolveConfig(input: unknown, options: ResolveOptions = {}): Promise<ReferenceSpConfig> {
  const problems = schemaProblems(input);
  if (problems.length > 0) throw new ConfigError(problems);
  const cfg = input as ReferenceSpConfigInput;
  const baseUrl = cfg.baseUrl.replace(/\/+$/, '');

  const seen = new Map<string, number>();
  cfg.tenants.forEach((t, i) => {
    const first = seen.get(t.id);
    if (first !== undefined) problems.push(`tenants[${i}].id "${t.id}" is already used by tenants[${first}]`);
    else seen.set(t.id, i);
  });

  const tenants: TenantConfig[] = [];
  for (const [i, t] of cfg.tenants.entries()) {
    if (t.saml === undefined && t.oidc === undefined) problems.push(`tenants[${i}].saml is required (or tenants[${i}].oidc, for a tenant that signs in with OpenID Connect only)`);
    const saml = await resolveSaml(t, `tenants[${i}].saml`, baseUrl, options, problems);
    const oidc = t.oidc && resolveOidcSection(t.id, t.oidc, oidcProfileDefaults(t.profile ?? 'generic'), `tenants[${i}].oidc`, baseUrl, problems);
    const only = isOidcOnlyInput(t) ? { oidcOnly: true as const } : {}; // ./oidc-only.ts
    if (saml)
      tenants.push({ id: t.id, profile: t.profile ?? 'generic', saml, scim: resolveScimSection(t.profile ?? 'generic', t.scim as ScimTenantInput | undefined), oidc, ...only });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze({ baseUrl, dataDir: cfg.dataDir ?? spDefaults.dataDir, tenants });
}

/** Reads a YAML or JSON file (by extension; YAML otherwise) and resolves it. */
export async function loadConfigFile(file: string, options: Omit<ResolveOptions, 'baseDir'> = {}): Promise<ReferenceSpConfig> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError([`${file} cannot be read (${(e as Error).message})`]);
  }
  let parsed: unknown;
  try {
    parsed = extname(file).toLowerCase() === '.json' ? JSON.parse(raw) : parseYaml(raw);
  } catch (e) {
    throw new ConfigError([`${file} is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'} (${(e as Error).message})`]);
  }
  return resolveConfig(parsed, { ...options, baseDir: dirname(resolvePath(file)) });
}

async function resolveSaml(tenant: TenantInput, path: string, baseUrl: string, options: ResolveOptions, problems: string[]): Promise<SamlTenantConfig | undefined> {
  const profile: ProfileName = tenant.profile ?? 'generic';
  const fromProfile = samlProfileDefaults(profile);
  const input: SamlTenantInput = tenant.saml ?? {};
  const before = problems.length;

  const idp = isOidcOnlyInput(tenant)
    ? NO_SAML_IDP
    : await resolveIdp(input, `${path}.idp`, options, problems, {
        allowedSignatureAlgorithms: input.allowedSignatureAlgorithms ?? fromProfile.allowedSignatureAlgorithms ?? samlDefaults.allowedSignatureAlgorithms,
        allowedDigestAlgorithms: input.allowedDigestAlgorithms ?? fromProfile.allowedDigestAlgorithms ?? samlDefaults.allowedDigestAlgorithms,
      });

  const maxAcsUrls = input.maxAcsUrls ?? fromProfile.maxAcsUrls ?? samlDefaults.maxAcsUrls;
  const acsUrls = input.acsUrls ?? fromProfile.acsUrls ?? [`${baseUrl}/saml/${tenant.id}/acs`];
  if (acsUrls.length > maxAcsUrls) {
    problems.push(
      maxAcsUrls === 1
        ? `${path}.acsUrls must list exactly one URL: the ${profile} profile allows a single ACS URL (got ${acsUrls.length})`
        : `${path}.acsUrls must list at most ${maxAcsUrls} URLs (got ${acsUrls.length})`,
    );
  }
  const mapping = { ...samlDefaults.attributeMapping, ...fromProfile.attributeMapping, ...input.attributeMapping };
  const groupSync = { ...samlDefaults.groupSync, ...fromProfile.groupSync, ...input.groupSync };
  const groupAttribute = groupSync.attributeName ?? mapping.groups;
  if (groupSync.enabled && !groupAttribute) {
    problems.push(`${path}.groupSync.attributeName is required when group sync is enabled (or set ${path}.attributeMapping.groups)`);
  }
  const organizationKeys = new Set<string>();
  groupSync.organizations.forEach((o, j) => {
    if (organizationKeys.has(o.key)) problems.push(`${path}.groupSync.organizations[${j}].key repeats the organization "${o.key}"`);
    organizationKeys.add(o.key);
  });
  if (idp && (input.acsBinding ?? fromProfile.acsBinding ?? samlDefaults.acsBinding) === 'artifact' && !idp.artifactResolutionUrl) {
    problems.push(`${path}.idp.artifactResolutionUrl is required when acsBinding is artifact (or import IdP metadata with a SOAP ArtifactResolutionService)`);
  }
  if (!idp || problems.length > before) return undefined;

  const pick = <K extends keyof typeof samlDefaults>(key: K) => (input[key] ?? fromProfile[key] ?? samlDefaults[key]) as NonNullable<SamlTenantInput[K]> | (typeof samlDefaults)[K];

  return {
    idp,
    spEntityId: input.spEntityId ?? fromProfile.spEntityId ?? `${baseUrl}/saml/${tenant.id}/metadata`,
    acsUrlAsAudience: pick('acsUrlAsAudience') as boolean,
    acsUrls: [...acsUrls],
    maxAcsUrls,
    wantResponseSigned: pick('wantResponseSigned') as boolean,
    wantAssertionsSigned: pick('wantAssertionsSigned') as boolean,
    allowedSignatureAlgorithms: [...(pick('allowedSignatureAlgorithms') as SamlTenantConfig['allowedSignatureAlgorithms'])],
    allowedDigestAlgorithms: [...(pick('allowedDigestAlgorithms') as SamlTenantConfig['allowedDigestAlgorithms'])],
    allowedEncryptionAlgorithms: [...(pick('allowedEncryptionAlgorithms') as SamlTenantConfig['allowedEncryptionAlgorithms'])],
    allowedKeyTransportAlgorithms: [...(pick('allowedKeyTransportAlgorithms') as SamlTenantConfig['allowedKeyTransportAlgorithms'])],
    clockSkewSeconds: pick('clockSkewSeconds') as number,
    allowUnsolicited: pick('allowUnsolicited') as boolean,
    ssoEnabled: pick('ssoEnabled') as boolean,
    requireEncryptedAssertion: pick('requireEncryptedAssertion') as boolean,
    autoProvisioningEnabled: pick('autoProvisioningEnabled') as boolean,
    groupSync: {
      enabled: groupSync.enabled,
      attributeName: groupAttribute,
      preservedGroups: [...groupSync.preservedGroups],
      missingGroups: groupSync.missingGroups,
      organizations: groupSync.organizations.map((o) => ({ key: o.key, groups: [...o.groups] })),
    },
    requiredAttributes: [...(pick('requiredAttributes') as readonly string[])],
    attributeMapping: mapping,
    signAuthnRequests: pick('signAuthnRequests') as boolean,
    authnRequestTtlSeconds: pick('authnRequestTtlSeconds') as number,
    sessionTtlSeconds: pick('sessionTtlSeconds') as number,
    forceAuthn: pick('forceAuthn') as boolean,
    singleLogout: { binding: input.singleLogout?.binding ?? samlDefaults.singleLogout.binding },
    acsBinding: pick('acsBinding') as SamlTenantConfig['acsBinding'],
    authnRequestBinding: pick('authnRequestBinding') as SamlTenantConfig['authnRequestBinding'],
    isPassive: pick('isPassive') as boolean,
    nameIdPolicy: resolveNameIdPolicy({ ...samlDefaults.nameIdPolicy, ...fromProfile.nameIdPolicy, ...input.nameIdPolicy }),
    requestedAuthnContext: resolveRequestedAuthnContext(input.requestedAuthnContext ?? fromProfile.requestedAuthnContext),
    errorPage: pick('errorPage') as SamlTenantConfig['errorPage'],
    identityPolicy: { ...samlDefaults.identityPolicy, ...fromProfile.identityPolicy, ...input.identityPolicy },
  };
}

function resolveNameIdPolicy(p: NonNullable<SamlTenantInput['nameIdPolicy']>): SamlTenantConfig['nameIdPolicy'] {
  return { format: p.format === undefined ? undefined : NAME_ID_FORMATS[p.format], allowCreate: p.allowCreate ?? true, spNameQualifier: p.spNameQualifier };
}

function resolveRequestedAuthnContext(r: SamlTenantInput['requestedAuthnContext']): SamlTenantConfig['requestedAuthnContext'] {
  return r === undefined ? undefined : { comparison: r.comparison ?? 'exact', classes: r.classes.map(authnContextClassUri) };
}

async function resolveIdp(input: SamlTenantInput, path: string, options: ResolveOptions, problems: string[], algorithms: MetadataAlgorithms): Promise<ResolvedIdp | undefined> {
  const idp = input.idp;
  if (!idp) {
    problems.push(`${path} is required: import IdP metadata (metadataUrl, metadataFile or metadataXml) or give entityId, ssoUrl and signingCertificates`);
    return undefined;
  }
  const sources = (['metadataUrl', 'metadataFile', 'metadataXml'] as const).filter((k) => idp[k] !== undefined);
  if (sources.length > 1) {
    problems.push(`${path} must import metadata from one source only (got ${sources.join(', ')})`);
    return undefined;
  }
  let meta: IdpMetadata | undefined;
  let sloUrl = idp.sloUrl; // by hand, else the metadata's SingleLogoutService (../saml/logout/idp-slo-endpoint.ts)
  let artifactResolutionUrl = idp.artifactResolutionUrl; // else the metadata's (../saml/artifact/ars-from-metadata.ts)
  let source: ResolvedIdp['source'] = 'manual';
  const from = sources[0];
  const metadataSigningCertificate = resolveMetadataSigningCertificate(idp, from !== undefined, path, problems);
  if (idp.metadataSigningCertificate !== undefined && metadataSigningCertificate === undefined) return undefined;
  if (from) {
    const where = `${path}.${from}`;
    let xml: string | undefined;
    if (from === 'metadataXml') {
      xml = idp.metadataXml;
      source = 'metadata-xml';
    } else if (from === 'metadataFile') {
      const file = isAbsolute(idp.metadataFile!) ? idp.metadataFile! : resolvePath(options.baseDir ?? process.cwd(), idp.metadataFile!);
      source = 'metadata-file';
      try {
        xml = await readFile(file, 'utf8');
      } catch (e) {
        problems.push(`${where} cannot be read (${(e as Error).message})`);
      }
    } else {
      source = 'metadata-url';
      try {
        const res = await (options.fetch ?? fetch)(idp.metadataUrl!);
        if (!res.ok) problems.push(`${where} answered HTTP ${res.status}`);
        else xml = await res.text();
      } catch (e) {
        problems.push(`${where} cannot be fetched (${(e as Error).message})`);
      }
    }
    if (xml === undefined) return undefined;
    const parsed = parseIdpMetadata(xml, { signingCertificate: metadataSigningCertificate, algorithms, now: (options.clock ?? systemClock).now() });
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `${where} ${p}`));
      return undefined;
    }
    meta = parsed.value;
    sloUrl ??= idpSloUrl(xml);
    artifactResolutionUrl ??= artifactResolutionServiceUrl(xml);
  }
  const entityId = idp.entityId ?? meta?.entityId;
  const ssoUrl = idp.ssoUrl ?? meta?.ssoUrl;
  const certs = idp.signingCertificates ?? meta?.signingCertificates;
  const before = problems.length;
  if (!entityId) problems.push(`${path}.entityId is required (or import IdP metadata)`);
  if (!ssoUrl) problems.push(`${path}.ssoUrl is required (or import IdP metadata with a SingleSignOnService)`);
  if (!certs || certs.length === 0) problems.push(`${path}.signingCertificates is required (or import IdP metadata with a signing KeyDescriptor)`);
  const pems: string[] = [];
  (certs ?? []).forEach((c, j) => {
    const pem = toPemCertificate(c);
    try {
      forge.pki.certificateFromPem(pem);
      pems.push(pem);
    } catch (e) {
      const where = idp.signingCertificates ? `${path}.signingCertificates[${j}]` : `${path}.${from} certificate ${j + 1}`;
      problems.push(`${where} is not a valid X.509 certificate (${(e as Error).message})`);
    }
  });
  if (idp.metadataRefreshSeconds !== undefined && from !== 'metadataUrl') problems.push(`${path}.metadataRefreshSeconds applies only with ${path}.metadataUrl`);
  if (problems.length > before || !entityId || !ssoUrl) return undefined;
  const lifecycle = { ...metadataLifecycle(meta, metadataSigningCertificate), ...(artifactResolutionUrl ? { artifactResolutionUrl } : {}) }; // ../saml/metadata-trust/, ../saml/artifact/
  const slo = sloUrl === undefined ? {} : { sloUrl };
  if (from !== 'metadataUrl') return { entityId, ssoUrl, signingCertificates: pems, source, ...lifecycle, ...slo };
  const overridden = (['entityId', 'ssoUrl', 'signingCertificates'] as const).filter((k) => idp[k] !== undefined);
  const refresh = { url: idp.metadataUrl!, everySeconds: idp.metadataRefreshSeconds ?? idpDefaults.metadataRefreshSeconds, overridden };
  return { entityId, ssoUrl, signingCertificates: pems, source, refresh, ...lifecycle, ...slo };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
