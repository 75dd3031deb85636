/*
 * The tenant's SAML section: the input type (what a config file may say), the resolved type (what the SP
 * runs with, every option present), and the JSON schema that validates the input (embedded in the tenant
 * schema by ./validate.ts). Defaults live in ./defaults.ts; profile defaults in ../profiles/.
 */

/** XML-DSig signature algorithms by short name (xmldsig-core §6.4, xmldsig-more §2.3). */
export const SIGNATURE_ALGORITHMS = {
  'rsa-sha1': 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'rsa-sha256': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'rsa-sha384': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  'rsa-sha512': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
} as const;
export type SignatureAlgorithmName = keyof typeof SIGNATURE_ALGORITHMS;

/** Digest algorithms by short name (xmldsig-core §6.2, xmlenc-core §5.7). */
export const DIGEST_ALGORITHMS = {
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
} as const;
export type DigestAlgorithmName = keyof typeof DIGEST_ALGORITHMS;

/** Block ciphers for EncryptedData (xmlenc-core1 §5.2). */
export const ENCRYPTION_ALGORITHMS = {
  'aes128-cbc': 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
  'aes256-cbc': 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
  'aes128-gcm': 'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  'aes256-gcm': 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
} as const;
export type EncryptionAlgorithmName = keyof typeof ENCRYPTION_ALGORITHMS;

/**
 * Key transport for the EncryptedKey (xmlenc-core1 §5.5). RSA-OAEP only: RSA PKCS#1 v1.5 (`rsa-1_5`) is not
 * offered at all — it is open to Bleichenbacher-style attacks (xmlenc-core1 §5.5.1 "RSA Version 1.5 note"),
 * and Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809), so an SP on Node cannot honour it.
 */
export const KEY_TRANSPORT_ALGORITHMS = {
  'rsa-oaep': ['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p', 'http://www.w3.org/2009/xmlenc11#rsa-oaep'],
} as const;
export type KeyTransportAlgorithmName = keyof typeof KEY_TRANSPORT_ALGORITHMS;

import { identityPolicyJsonSchema, type IdentityPolicy, type IdentityPolicyInput } from './identity-policy.ts';
import { AUTHN_COMPARISONS, AUTHN_CONTEXT_CLASSES, type AuthnComparison } from '../saml/authn-context-classes.ts';

/** NameID formats an AuthnRequest's NameIDPolicy may ask for (saml-core §8.3). */
export const NAME_ID_FORMATS = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
} as const;
export type NameIdFormatName = keyof typeof NAME_ID_FORMATS;

/** <samlp:NameIDPolicy> the SP sends (saml-core §3.4.1.1). */
export interface NameIdPolicyInput {
  readonly format?: NameIdFormatName;
  readonly allowCreate?: boolean;
  /** SPNameQualifier: the namespace (another SP or an affiliation) the NameID is asked for in (saml-core §3.4.1.1). */
  readonly spNameQualifier?: string;
}

/** <samlp:RequestedAuthnContext> the SP sends (saml-core §3.3.2.2.1): classes by short name or URI. */
export interface RequestedAuthnContextInput {
  readonly comparison?: AuthnComparison;
  readonly classes: readonly string[];
}

/** How the ACS receives the Response: HTTP-POST (saml-bindings §3.5) or HTTP-Artifact (§3.6, ../saml/artifact/). */
export type AcsBinding = 'post' | 'artifact';

export type ErrorPageStyle = 'generic' | 'particle';

/** The trusted IdP: imported from metadata (URL, file or inline XML) and/or given by hand. */
export interface IdpInput {
  /**
   * NinjaOne "Import Metadata from: URL", SonarQube's "Automatic" tab. Fetched at start-up, then again when
   * older than metadataRefreshSeconds (../saml/idp-metadata-refresh.ts).
   */
  readonly metadataUrl?: string;
  /** How long metadata fetched from metadataUrl is trusted before it is fetched again. Only with metadataUrl. */
  readonly metadataRefreshSeconds?: number;
  /** NinjaOne "Import Metadata from: File". Relative to the config file when loaded from one. */
  readonly metadataFile?: string;
  /** NinjaOne "Import Metadata from: XML". */
  readonly metadataXml?: string;
  /** SonarQube "Manual" tab: these override whatever metadata said. */
  readonly entityId?: string;
  readonly ssoUrl?: string;
  /** PEM or bare base64 DER X.509 certificates; any one of them may have signed. */
  readonly signingCertificates?: readonly string[];
  /** The IdP's SingleLogoutService by hand; else read from its metadata (../saml/logout/, saml-metadata §2.4.2). */
  readonly sloUrl?: string;
  /**
   * PEM or bare base64 X.509 certificate that must have signed the imported metadata (saml-metadata §3): without
   * a valid enveloped signature by it over the root, the metadata is refused (../saml/metadata-trust/).
   */
  readonly metadataSigningCertificate?: string;
  /** The IdP's SOAP ArtifactResolutionService (saml-bindings §3.6); default: the one its metadata advertises. */
  readonly artifactResolutionUrl?: string;
}

export interface AttributeMappingInput {
  /** Attribute whose value is the user's login (userName); 'NameID' uses the Subject's NameID. */
  readonly login?: string;
  readonly email?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** Full display name. */
  readonly name?: string;
  readonly groups?: string;
}

export interface GroupSyncInput {
  readonly enabled?: boolean;
  /** Attribute carrying the group names; falls back to attributeMapping.groups. */
  readonly attributeName?: string;
  /** Groups never added nor removed by the sync (SonarQube's default "Members" group). */
  readonly preservedGroups?: readonly string[];
  /**
   * What the sync does with a group the IdP sends that the tenant does not have: 'create' it, or 'ignore' it
   * (SonarQube: "a group with the same (case-sensitive) name exists in the relevant organization(s)").
   */
  readonly missingGroups?: 'create' | 'ignore';
  /** The tenant's organizations and the groups that exist in each (SonarQube's OrgA/OrgB of an enterprise). */
  readonly organizations?: readonly OrganizationInput[];
}

export interface OrganizationInput {
  readonly key: string;
  /** Group names (case-sensitive) an administrator created in this organization. */
  readonly groups: readonly string[];
}

export interface SamlTenantInput {
  readonly idp?: IdpInput;
  readonly spEntityId?: string;
  /**
   * Also accept the first ACS URL as the Audience: SonarQube's JumpCloud setup puts the "Single Sign-On URL" in
   * JumpCloud's SP Entity ID, so JumpCloud addresses its assertions to it.
   */
  readonly acsUrlAsAudience?: boolean;
  readonly acsUrls?: readonly string[];
  readonly maxAcsUrls?: number;
  readonly wantResponseSigned?: boolean;
  readonly wantAssertionsSigned?: boolean;
  readonly allowedSignatureAlgorithms?: readonly SignatureAlgorithmName[];
  readonly allowedDigestAlgorithms?: readonly DigestAlgorithmName[];
  readonly allowedEncryptionAlgorithms?: readonly EncryptionAlgorithmName[];
  readonly allowedKeyTransportAlgorithms?: readonly KeyTransportAlgorithmName[];
  readonly clockSkewSeconds?: number;
  readonly allowUnsolicited?: boolean;
  /** False: configured but not enabled yet (NinjaOne's "Save, then Enable"); only a Test Connection signs in. */
  readonly ssoEnabled?: boolean;
  readonly requireEncryptedAssertion?: boolean;
  readonly autoProvisioningEnabled?: boolean;
  readonly groupSync?: GroupSyncInput;
  readonly requiredAttributes?: readonly string[];
  readonly attributeMapping?: AttributeMappingInput;
  readonly signAuthnRequests?: boolean;
  readonly authnRequestTtlSeconds?: number;
  readonly sessionTtlSeconds?: number;
  /** Ask the IdP to authenticate the user again rather than reuse its session (ForceAuthn, SAML Core §3.4.1). */
  readonly forceAuthn?: boolean;
  /** Single Logout (../saml/logout/, SAML Profiles §4.4): the binding this SP sends its LogoutRequests with. */
  readonly singleLogout?: { readonly binding?: 'redirect' | 'post' };
  /** How the IdP delivers the Response to the ACS, as SP metadata advertises it: HTTP-POST or HTTP-Artifact (saml-bindings §3.6). */
  readonly acsBinding?: AcsBinding;
  /** How the AuthnRequest travels: HTTP-Redirect (saml-bindings §3.4) or an auto-posting form (HTTP-POST, §3.5). */
  readonly authnRequestBinding?: 'redirect' | 'post';
  /** Ask the IdP not to show the user anything (IsPassive, SAML Core §3.4.1): NoPassive when it would have to. */
  readonly isPassive?: boolean;
  readonly nameIdPolicy?: NameIdPolicyInput;
  readonly requestedAuthnContext?: RequestedAuthnContextInput;
  readonly errorPage?: ErrorPageStyle;
  /** What a sign-in may write when SCIM provisions the same users (./identity-policy.ts). */
  readonly identityPolicy?: IdentityPolicyInput;
}

export interface ResolvedIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly signingCertificates: readonly string[];
  /** The IdP's SingleLogoutService (Redirect preferred), when it serves one: where this SP's logout messages go. */
  readonly sloUrl?: string;
  /** Where the IdP settings came from, for the log and the docs. */
  readonly source: 'metadata-url' | 'metadata-file' | 'metadata-xml' | 'manual';
  /** Metadata from a URL is fetched again (../saml/idp-metadata-refresh.ts); what the input set by hand stays. */
  readonly refresh?: {
    readonly url: string;
    readonly everySeconds: number;
    readonly overridden: readonly ('entityId' | 'ssoUrl' | 'signingCertificates')[];
  };
  /** The IdP's SOAP ArtifactResolutionService: idp.artifactResolutionUrl, else its metadata's (../saml/artifact/). */
  readonly artifactResolutionUrl?: string | undefined;
  /** The imported metadata's validUntil (ISO 8601): past it, sign-ins are refused with metadata/expired. */
  readonly validUntil?: string | undefined;
  /** The imported metadata's cacheDuration in seconds (../saml/metadata-trust/refresh-schedule.ts). */
  readonly cacheDurationSeconds?: number | undefined;
  /** The certificate (PEM) imported metadata must be signed by, at start-up and at every refresh. */
  readonly metadataSigningCertificate?: string | undefined;
}

export interface AttributeMapping {
  readonly login: string;
  readonly email?: string | undefined;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly name?: string | undefined;
  readonly groups?: string | undefined;
}

/** The resolved group sync settings, the same for a SAML and an OIDC tenant (../sign-in/group-sync.ts). */
export interface ResolvedGroupSync {
  readonly enabled: boolean;
  readonly attributeName: string | undefined;
  readonly preservedGroups: readonly string[];
  readonly missingGroups: 'create' | 'ignore';
  readonly organizations: readonly OrganizationInput[];
}

/** The resolved SAML section: every option present, frozen. */
export interface SamlTenantConfig {
  readonly idp: ResolvedIdp;
  readonly spEntityId: string;
  readonly acsUrlAsAudience: boolean;
  readonly acsUrls: readonly string[];
  readonly maxAcsUrls: number;
  readonly wantResponseSigned: boolean;
  readonly wantAssertionsSigned: boolean;
  readonly allowedSignatureAlgorithms: readonly SignatureAlgorithmName[];
  readonly allowedDigestAlgorithms: readonly DigestAlgorithmName[];
  readonly allowedEncryptionAlgorithms: readonly EncryptionAlgorithmName[];
  readonly allowedKeyTransportAlgorithms: readonly KeyTransportAlgorithmName[];
  readonly clockSkewSeconds: number;
  readonly allowUnsolicited: boolean;
  /** The configured state; the admin API's enable (kept in the store) overrides it (../sign-in/sso-enablement.ts). */
  readonly ssoEnabled: boolean;
  readonly requireEncryptedAssertion: boolean;
  readonly autoProvisioningEnabled: boolean;
  readonly groupSync: ResolvedGroupSync;
  readonly requiredAttributes: readonly string[];
  readonly attributeMapping: AttributeMapping;
  readonly signAuthnRequests: boolean;
  readonly authnRequestTtlSeconds: number;
  readonly sessionTtlSeconds: number;
  readonly forceAuthn: boolean;
  readonly singleLogout: { readonly binding: 'redirect' | 'post' };
  readonly acsBinding: AcsBinding;
  readonly authnRequestBinding: 'redirect' | 'post';
  readonly isPassive: boolean;
  /** `format` is the URI, absent when the SP leaves the format to the IdP. */
  readonly nameIdPolicy: { readonly format: string | undefined; readonly allowCreate: boolean; readonly spNameQualifier: string | undefined };
  /** Class URIs; absent when the SP requests no authentication context (then none is checked). */
  readonly requestedAuthnContext: { readonly comparison: AuthnComparison; readonly classes: readonly string[] } | undefined;
  readonly errorPage: ErrorPageStyle;
  readonly identityPolicy: IdentityPolicy;
}

const nonNegativeInteger = { type: 'integer', minimum: 0, 'x-expect': 'a non-negative integer' } as const;
const positiveInteger = { type: 'integer', minimum: 1, 'x-expect': 'a positive integer' } as const;
const httpUrl = { type: 'string', pattern: '^https?://[^\\s]+$', 'x-expect': 'an http(s) URL' } as const;
const nonEmptyString = { type: 'string', minLength: 1, 'x-expect': 'a non-empty string' } as const;
const bool = { type: 'boolean', 'x-expect': 'true or false' } as const;
const stringList = { type: 'array', items: nonEmptyString, 'x-expect': 'a list of non-empty strings' } as const;

/** JSON schema for SamlTenantInput. `x-expect` phrases the problem in ConfigError messages. */
/** The group sync's settings, the same for a SAML and an OIDC tenant (../sign-in/group-sync.ts). */
export const groupSyncJsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: bool,
    attributeName: nonEmptyString,
    preservedGroups: stringList,
    missingGroups: { enum: ['create', 'ignore'], 'x-expect': 'one of create, ignore' },
    organizations: {
      type: 'array',
      'x-expect': 'a list of organizations',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'groups'],
        properties: { key: nonEmptyString, groups: stringList },
        'x-expect': 'an organization { key, groups }',
      },
    },
  },
} as const;

export const samlTenantJsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    idp: {
      type: 'object',
      additionalProperties: false,
      properties: {
        metadataUrl: httpUrl,
        metadataRefreshSeconds: positiveInteger,
        metadataFile: nonEmptyString,
        metadataXml: nonEmptyString,
        entityId: nonEmptyString,
        ssoUrl: httpUrl,
        signingCertificates: { ...stringList, minItems: 1, 'x-expect': 'a non-empty list of certificates (PEM or base64)' },
        sloUrl: httpUrl,
        artifactResolutionUrl: httpUrl,
        metadataSigningCertificate: { ...nonEmptyString, 'x-expect': 'a certificate (PEM or base64)' },
      },
    },
    spEntityId: nonEmptyString,
    acsUrlAsAudience: bool,
    acsUrls: { type: 'array', items: httpUrl, minItems: 1, 'x-expect': 'a non-empty list of http(s) URLs' },
    maxAcsUrls: positiveInteger,
    wantResponseSigned: bool,
    wantAssertionsSigned: bool,
    allowedSignatureAlgorithms: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: Object.keys(SIGNATURE_ALGORITHMS), 'x-expect': `one of ${Object.keys(SIGNATURE_ALGORITHMS).join(', ')}` },
      'x-expect': 'a non-empty list of signature algorithms',
    },
    allowedDigestAlgorithms: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: Object.keys(DIGEST_ALGORITHMS), 'x-expect': `one of ${Object.keys(DIGEST_ALGORITHMS).join(', ')}` },
      'x-expect': 'a non-empty list of digest algorithms',
    },
    allowedEncryptionAlgorithms: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: Object.keys(ENCRYPTION_ALGORITHMS), 'x-expect': `one of ${Object.keys(ENCRYPTION_ALGORITHMS).join(', ')}` },
      'x-expect': 'a non-empty list of encryption algorithms',
    },
    allowedKeyTransportAlgorithms: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: Object.keys(KEY_TRANSPORT_ALGORITHMS), 'x-expect': `one of ${Object.keys(KEY_TRANSPORT_ALGORITHMS).join(', ')}` },
      'x-expect': 'a non-empty list of key transport algorithms',
    },
    clockSkewSeconds: nonNegativeInteger,
    allowUnsolicited: bool,
    ssoEnabled: bool,
    requireEncryptedAssertion: bool,
    autoProvisioningEnabled: bool,
    groupSync: groupSyncJsonSchema,
    requiredAttributes: stringList,
    attributeMapping: {
      type: 'object',
      additionalProperties: false,
      properties: {
        login: nonEmptyString,
        email: nonEmptyString,
        firstName: nonEmptyString,
        lastName: nonEmptyString,
        name: nonEmptyString,
        groups: nonEmptyString,
      },
    },
    signAuthnRequests: bool,
    authnRequestTtlSeconds: positiveInteger,
    sessionTtlSeconds: positiveInteger,
    forceAuthn: bool,
    singleLogout: {
      type: 'object',
      additionalProperties: false,
      properties: { binding: { enum: ['redirect', 'post'], 'x-expect': 'one of redirect, post' } },
    },
    acsBinding: { enum: ['post', 'artifact'], 'x-expect': 'one of post, artifact' },
    authnRequestBinding: { enum: ['redirect', 'post'], 'x-expect': 'one of redirect, post' },
    isPassive: bool,
    nameIdPolicy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        format: { enum: Object.keys(NAME_ID_FORMATS), 'x-expect': `one of ${Object.keys(NAME_ID_FORMATS).join(', ')}` },
        allowCreate: bool,
        spNameQualifier: nonEmptyString,
      },
    },
    requestedAuthnContext: {
      type: 'object',
      additionalProperties: false,
      required: ['classes'],
      properties: {
        comparison: { enum: AUTHN_COMPARISONS, 'x-expect': `one of ${AUTHN_COMPARISONS.join(', ')}` },
        classes: {
          type: 'array',
          minItems: 1,
          maxItems: 16,
          uniqueItems: true,
          items: {
            type: 'string',
            pattern: `^(${Object.keys(AUTHN_CONTEXT_CLASSES).join('|')}|urn:[^\\s]+|https?://[^\\s]+)$`,
            'x-expect': `a class name (${Object.keys(AUTHN_CONTEXT_CLASSES).join(', ')}) or a URI`,
          },
          'x-expect': 'a list of 1 to 16 distinct authentication context classes',
        },
      },
    },
    errorPage: { enum: ['generic', 'particle'], 'x-expect': 'one of generic, particle' },
    identityPolicy: identityPolicyJsonSchema,
  },
} as const;
