/*
 * Every default of the reference SP's SAML side, one comment per option (STYLE.md §7). A tenant's SAML
 * section resolves as: these defaults ← its profile's defaults (../profiles/<seed>.ts) ← the config file.
 */
import type { SamlTenantInput } from './saml-section.ts';

/** Top-level options. */
export const spDefaults = {
  /** ':memory:' keeps the SQLite database and the SP keys in memory (tests); otherwise a directory. */
  dataDir: ':memory:',
} as const;

export const samlDefaults = {
  // idp: no default — every tenant must name its IdP (metadata URL/file/XML or entityId + ssoUrl + certificate).
  // spEntityId: defaults to `${baseUrl}/saml/${tenantId}/metadata` (derived, see ./resolve.ts).
  // acsUrls: defaults to [`${baseUrl}/saml/${tenantId}/acs`] (derived, see ./resolve.ts).

  /** How many AssertionConsumerService URLs the tenant may declare (SonarQube: exactly one). */
  maxAcsUrls: 5,
  /** Require a signature on the <samlp:Response> itself (saml-core §5.2). */
  wantResponseSigned: false,
  /** Require a signature on the <saml:Assertion> (saml-profiles §4.1.3.5; advertised in SP metadata). */
  wantAssertionsSigned: true,
  /** Accepted SignatureMethod algorithms; RSA-SHA1 is refused unless listed (xmldsig-core §6.4). */
  allowedSignatureAlgorithms: ['rsa-sha256', 'rsa-sha384', 'rsa-sha512'],
  /** Accepted Reference DigestMethod algorithms; SHA-1 is refused unless listed. */
  allowedDigestAlgorithms: ['sha256', 'sha384', 'sha512'],
  /**
   * Accepted EncryptedData ciphers. AES-CBC stays accepted because Entra ID encrypts SAML tokens with
   * AES-256-CBC; the CBC padding-oracle attack (xmlenc-core1 §6.1.2) needs distinguishable errors, and every
   * decryption failure here is the same `decryption/failed` with the same message. Tenants may narrow this to GCM.
   */
  allowedEncryptionAlgorithms: ['aes128-cbc', 'aes256-cbc', 'aes128-gcm', 'aes256-gcm'],
  /** Accepted EncryptedKey transports: RSA-OAEP (RSA-1_5 cannot be listed, see KEY_TRANSPORT_ALGORITHMS). */
  allowedKeyTransportAlgorithms: ['rsa-oaep'],
  /** Tolerance applied to NotBefore/NotOnOrAfter comparisons (saml-core §2.5.1.2 leaves it to the SP). */
  clockSkewSeconds: 60,
  /** Accept unsolicited (IdP-initiated) responses with no InResponseTo (saml-profiles §4.1.5). */
  allowUnsolicited: false,
  /** Users sign in as soon as the tenant is configured; false waits for the admin's Enable (NinjaOne, seed 002). */
  ssoEnabled: true,
  /** Accept the first ACS URL as an Audience besides the SP entity ID (SonarQube's JumpCloud setup). */
  acsUrlAsAudience: false,
  /** Refuse a plain <saml:Assertion>: only <saml:EncryptedAssertion> is accepted (saml-core §6). */
  requireEncryptedAssertion: false,
  /** Create unknown users at sign-in (just-in-time provisioning; Aritma's option name). */
  autoProvisioningEnabled: false,
  groupSync: {
    /** Reset the user's group memberships to the IdP's groups at each sign-in. */
    enabled: false,
    /** Attribute carrying the group names; undefined → attributeMapping.groups. */
    attributeName: undefined,
    /** Groups the sync leaves alone (neither added nor removed). */
    preservedGroups: [],
    /** A group the IdP sends that the tenant lacks is created ('create') or left out ('ignore', SonarQube). */
    missingGroups: 'create',
    /** Organizations and the groups each has; their groups exist for the sync (SonarQube's OrgA/OrgB). */
    organizations: [],
  },
  /** Attribute names that must be present in the AttributeStatement; a missing one is `attributes/missing`. */
  requiredAttributes: [],
  /** Which attribute is the login, email, names and groups. 'NameID' means the Subject's NameID. */
  attributeMapping: { login: 'NameID' },
  /** Sign AuthnRequests sent over HTTP-Redirect (saml-bindings §3.4.4.1). */
  signAuthnRequests: true,
  /** How long an AuthnRequest ID is remembered for InResponseTo matching. */
  authnRequestTtlSeconds: 600,
  /** How long a signed-in session lasts. */
  sessionTtlSeconds: 3600,
  /**
   * Send ForceAuthn="true" in AuthnRequests: the IdP must authenticate the user again instead of reusing its own
   * session (SAML Core §3.4.1); off, an IdP session signs the user in without its login page (DatoCMS, seed 004).
   */
  forceAuthn: false,
  /** Single Logout: LogoutRequests go by HTTP-Redirect (saml-bindings §3.4); 'post' sends a self-posting form (§3.5). */
  singleLogout: { binding: 'redirect' as 'redirect' | 'post' },
  /** The ACS binding SP metadata advertises: 'post' (saml-bindings §3.5) or 'artifact' (§3.6: SAMLart, resolved over SOAP). */
  acsBinding: 'post',
  /** Send AuthnRequests by HTTP-Redirect (saml-bindings §3.4); 'post' sends an auto-posting form (§3.5), signed enveloped. */
  authnRequestBinding: 'redirect',
  /** Send IsPassive="true": the IdP must not show the user anything (SAML Core §3.4.1). */
  isPassive: false,
  /** NameIDPolicy (SAML Core §3.4.1.1): no Format (the IdP chooses), AllowCreate="true". */
  nameIdPolicy: { allowCreate: true },
  // requestedAuthnContext: no default — without one the SP sends no RequestedAuthnContext and checks none.
  /** Wording of the HTML error page: 'particle' reproduces Particle's "general non-success" page. */
  errorPage: 'generic',
  /** What a sign-in may write when SCIM provisions the same users (./identity-policy.ts). */
  identityPolicy: {
    /** The profile (emails, names, displayName) of an existing user is SCIM's: a sign-in never writes it. */
    profile: 'scim',
    /** Memberships follow groupSync at sign-in; 'scim' makes them SCIM's alone. */
    groups: 'sign-in',
    /** JIT refuses a userName SCIM deleted until SCIM provisions it again. */
    scimDeletedUsers: 'stay-deleted',
  },
} as const satisfies Omit<Required<SamlTenantInput>, 'idp' | 'spEntityId' | 'acsUrls' | 'requestedAuthnContext'>;

/** Defaults of the tenant's saml.idp section. */
export const idpDefaults = {
  /** Metadata fetched from idp.metadataUrl is fetched again once it is this old (a day). */
  metadataRefreshSeconds: 86_400,
} as const;

/**
 * Every default of a tenant's OpenID Connect section (./oidc-section.ts). It resolves as: these defaults ← its
 * profile's OIDC defaults (../profiles/<seed>-oidc.ts) ← the config file.
 */
export const oidcDefaults = {
  // issuer, clientId, clientSecret: no default — every OIDC tenant names its OP and its client.
  // redirectUri: always `${baseUrl}/oidc/${tenantId}/callback` (derived, see ./oidc-section.ts).

  /** Client authentication at the token endpoint (OIDC Core §9); Okta's web apps default to Basic. */
  tokenEndpointAuthMethod: 'client_secret_basic',
  /** Scopes requested (OIDC Core §5.4); `openid` is required. Profiles add `groups` where their IdP needs it. */
  scopes: ['openid', 'profile', 'email'],
  /** Which claims are the login, email, name and groups (OIDC Core §5.1 standard claims; groups is Okta's and Entra's). */
  claimMapping: { login: 'preferred_username', email: 'email', name: 'name', groups: 'groups' },
  /** Refuse a sign-in whose email_verified claim is not true (OIDC Core §5.1); off: the claim is not read. */
  requireEmailVerified: false,
  /** ID token signing algorithms accepted (OIDC Core §3.1.3.7 steps 6–8): RS256 only (OIDC Core §15.1). */
  allowedSigningAlgorithms: ['RS256'],
  /** Tolerance for exp, nbf and iat (OIDC Core §3.1.3.7 steps 9–10 leave it to the RP). */
  clockSkewSeconds: 60,
  /** Create unknown users at sign-in (just-in-time provisioning). */
  autoProvisioningEnabled: false,
  /** The SAML side's group sync (../sign-in/group-sync.ts), reading the mapped groups claim. */
  groupSync: { enabled: false, preservedGroups: [], missingGroups: 'create', organizations: [] },
  /** The SAML side's identity policy (./identity-policy.ts). */
  identityPolicy: { profile: 'scim', groups: 'sign-in', scimDeletedUsers: 'stay-deleted' },
  /** How long a sent authorization request (its state, nonce and PKCE verifier) stays answerable. */
  requestTtlSeconds: 600,
  /** How long a signed-in session lasts. */
  sessionTtlSeconds: 3600,
} as const;
