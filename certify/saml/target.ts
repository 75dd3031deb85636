/*
 * The SP under test, resolved once from a SamlCertifyTarget (./contract.ts):
 * - the target is validated first, every problem collected and named by its path (bad options → exit 2)
 * - metadata from a URL (fetched with the run's timeout), a file or inline XML is read the way the mock IdP reads
 *   it (registrationFromSpMetadata, saml-metadata §2.4.4): entity ID, every HTTP-POST ACS with index and
 *   isDefault, signing and encryption certificates, WantAssertionsSigned, AuthnRequestsSigned, NameIDFormat;
 *   plus the RequestedAttributes (./requested-attributes.ts)
 * - or spEntityId + acsUrls stand in for metadata (nothing signed, no encryption, no requested attributes)
 * The registration the certify IdP uses is derived here, in one place: attributes named as the SP asks (else the
 * Entra preset), no encryption unless a test asks for it, Response and assertion signed.
 */
import { readFile } from 'node:fs/promises';
import { registrationFromSpMetadata, type SpRegistrationInput } from '../../mock-idp/index.ts';
import { NS } from '../../mock-idp/saml/namespaces.ts';
import { childElements, descendants, parseXml } from '../../mock-idp/saml/xml.ts';
import type { SamlCertifyTarget } from './contract.ts';
import { SamlCertifyError } from './errors.ts';
import { requestedAttributes, statementsFor, type RequestedAttribute } from './requested-attributes.ts';

export interface ResolvedSp {
  readonly entityId: string;
  /** Every HTTP-POST ACS, the default first. */
  readonly acsUrls: readonly string[];
  readonly defaultAcs: string;
  readonly wantAssertionsSigned: boolean;
  readonly authnRequestsSigned: boolean;
  readonly signingCertPem: string | undefined;
  readonly encryptionCertPem: string | undefined;
  readonly requestedAttributes: readonly RequestedAttribute[];
  /** Where the metadata came from, for diagnoses ("does it trust …?" names the IdP side, this the SP side). */
  readonly metadataSource: 'url' | 'file' | 'xml' | 'options';
  /** What the certify IdP registers for this SP. */
  readonly registration: SpRegistrationInput;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every problem with a target, each naming its path; empty when it can run. */
export function targetProblems(target: SamlCertifyTarget): string[] {
  const problems: string[] = [];
  const t = (target ?? {}) as Partial<SamlCertifyTarget>;
  const sources = ['url', 'file', 'xml'].filter((k) => typeof t.spMetadata?.[k as 'url'] === 'string' && t.spMetadata[k as 'url'] !== '');
  const byOptions = t.spEntityId !== undefined || t.acsUrls !== undefined;
  if (t.spMetadata !== undefined && sources.length !== 1) problems.push('spMetadata must have exactly one of url, file, xml');
  if (t.spMetadata !== undefined && byOptions) problems.push('give either spMetadata or spEntityId + acsUrls, not both');
  if (t.spMetadata === undefined) {
    if (typeof t.spEntityId !== 'string' || t.spEntityId === '') problems.push('spEntityId must be a non-empty string (or give spMetadata)');
    if (!Array.isArray(t.acsUrls) || t.acsUrls.length === 0 || !t.acsUrls.every(isHttpUrl)) problems.push('acsUrls must be a non-empty list of http(s) URLs');
  }
  if (sources[0] === 'url' && !isHttpUrl(t.spMetadata?.url)) problems.push('spMetadata.url must be an http(s) URL');
  if (t.loginUrl !== undefined && !isHttpUrl(t.loginUrl)) problems.push('loginUrl must be an http(s) URL');
  if (t.whoami !== undefined) {
    if (!isHttpUrl(t.whoami.url)) problems.push('whoami.url must be an http(s) URL');
    if (t.whoami.jsonPath !== undefined && t.whoami.match !== undefined) problems.push('whoami takes jsonPath or match, not both');
    if (t.whoami.match !== undefined) {
      try {
        new RegExp(t.whoami.match);
      } catch {
        problems.push('whoami.match must be a regular expression');
      }
    }
  }
  for (const key of ['user', 'victim'] as const) {
    if (typeof t[key] !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(t[key])) problems.push(`${key} must be an email address`);
  }
  if (typeof t.user === 'string' && t.user.toLowerCase() === t.victim?.toLowerCase()) problems.push('victim must differ from user');
  if (typeof t.idp?.dataDir !== 'string' || t.idp.dataDir === '') problems.push('idp.dataDir must be a directory path');
  if (!Number.isInteger(t.idp?.port) || (t.idp?.port ?? -1) < 0 || (t.idp?.port ?? 0) > 65535) problems.push('idp.port must be a port number (0: any free port)');
  if (t.idp?.entityId !== undefined && (typeof t.idp.entityId !== 'string' || t.idp.entityId === '')) problems.push('idp.entityId must be a non-empty string');
  if (!Number.isInteger(t.timeoutMs) || (t.timeoutMs ?? 0) <= 0) problems.push('timeoutMs must be a positive integer');
  if (t.browser !== undefined && t.browser.kind !== 'chromium') problems.push('browser.kind must be "chromium"');
  return problems;
}

async function metadataXml(target: SamlCertifyTarget): Promise<{ xml: string; source: 'url' | 'file' | 'xml' }> {
  const meta = target.spMetadata!;
  if (meta.xml) return { xml: meta.xml, source: 'xml' };
  if (meta.file) {
    try {
      return { xml: await readFile(meta.file, 'utf8'), source: 'file' };
    } catch {
      throw new SamlCertifyError('certify-saml/metadata-unreachable', 'the SP metadata file cannot be read');
    }
  }
  let response: Response;
  try {
    response = await fetch(meta.url!, { signal: AbortSignal.timeout(target.timeoutMs), headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
  } catch {
    throw new SamlCertifyError('certify-saml/metadata-unreachable', `the SP metadata URL ${meta.url} did not answer within ${target.timeoutMs} ms`);
  }
  if (!response.ok) throw new SamlCertifyError('certify-saml/metadata-unreachable', `the SP metadata URL ${meta.url} answered HTTP ${response.status}`);
  return { xml: await response.text(), source: 'url' };
}

function spDescriptor(xml: string): Element | undefined {
  const doc = parseXml(xml, 'SP metadata');
  return descendants(doc, NS.metadata, 'EntityDescriptor')
    .concat(doc.documentElement?.localName === 'EntityDescriptor' ? [doc.documentElement] : [])
    .flatMap((e) => childElements(e, NS.metadata, 'SPSSODescriptor'))[0];
}

/** Validates the target and reads the SP's metadata (or options) into what the run needs. */
export async function resolveSp(target: SamlCertifyTarget): Promise<ResolvedSp> {
  const problems = targetProblems(target);
  if (problems.length > 0) throw new SamlCertifyError('certify-saml/bad-target', problems.join('; '));
  if (!target.spMetadata) {
    const acsUrls = [...target.acsUrls!];
    return {
      entityId: target.spEntityId!,
      acsUrls,
      defaultAcs: acsUrls[0]!,
      wantAssertionsSigned: false,
      authnRequestsSigned: false,
      signingCertPem: undefined,
      encryptionCertPem: undefined,
      requestedAttributes: [],
      metadataSource: 'options',
      registration: { entityId: target.spEntityId!, acs: acsUrls.map((url, index) => ({ url, index, isDefault: index === 0 })), preset: 'entra', signing: 'both' },
    };
  }
  const { xml, source } = await metadataXml(target);
  let fromMetadata: ReturnType<typeof registrationFromSpMetadata>;
  let requested: RequestedAttribute[];
  try {
    fromMetadata = registrationFromSpMetadata(xml);
    const descriptor = spDescriptor(xml);
    requested = descriptor ? requestedAttributes(descriptor) : [];
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'sp/bad-metadata';
    throw new SamlCertifyError('certify-saml/bad-metadata', `the SP metadata cannot be read (${code})`);
  }
  const acs = (typeof fromMetadata.acs === 'string' ? [{ url: fromMetadata.acs, isDefault: true }] : fromMetadata.acs).map((a, n) => ({ ...a, index: a.index ?? n }));
  const byDefault = [...acs].sort((a, b) => Number(b.isDefault === true) - Number(a.isDefault === true) || a.index - b.index);
  const wantAssertionsSigned = fromMetadata.wantAssertionsSigned === true;
  return {
    entityId: fromMetadata.entityId,
    acsUrls: byDefault.map((a) => a.url),
    defaultAcs: byDefault[0]!.url,
    wantAssertionsSigned,
    authnRequestsSigned: fromMetadata.authnRequestsSigned === true,
    signingCertPem: fromMetadata.signingCertPem,
    encryptionCertPem: fromMetadata.encryptionCertPem,
    requestedAttributes: requested,
    metadataSource: source,
    registration: {
      ...fromMetadata,
      acs,
      // Encryption is switched on per test (encryption.feature): the baseline and the other tests send plain
      // assertions, so a test's verdict never depends on whether the SP decrypts.
      encryptionCertPem: undefined,
      // The baseline (./baseline.ts) signs the Response and the assertion: that meets WantAssertionsSigned and
      // also the SPs that require a signed Response, which metadata cannot say (SonarQube). Tests that sign one of
      // the two only say so (signatures.feature, vendor-expectations.feature).
      signing: 'both',
      ...(requested.length > 0 ? { attributes: statementsFor(requested) } : { preset: 'entra' }),
    },
  };
}
