/*
 * Per test ID of the SAML catalog (features/certify-saml), the real-world family it belongs to (a CVE, a paper,
 * a CWE) and a one-line remediation, for the report. One entry per `@id:` tag; a test checks both directions.
 */
export interface SamlFamily {
  readonly family: string;
  readonly remediation: string;
}

const VERIFY_WITH_TRUSTED_CERT = 'Verify the XML signature with the IdP certificate from your configuration only, and refuse the response when it does not hold.';
const VERIFIED_ONLY = 'After verifying, read only the element the signature covers (node-saml getVerifiedXml style), never "the first Assertion" of the document.';
const XSW = 'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be" (USENIX Security 2012); e.g. CVE-2016-5697 (ruby-saml)';

export const SAML_FAMILIES: Readonly<Record<string, SamlFamily>> = {
  'SAML-SIG-01': {
    family: 'Interoperability baseline (SAML Profiles §4.1.3.5)',
    remediation: 'Accept a response signed the way your metadata asks; publish WantAssertionsSigned as you enforce it.',
  },
  'SAML-SIG-02': {
    family: 'Interoperability: IdPs that sign only the Response (SAML Profiles §4.1.4.2 allows it)',
    remediation: 'Accept an assertion covered by a valid Response signature, or publish WantAssertionsSigned="true" if you require its own.',
  },
  'SAML-SIG-03': {
    family: 'Signature placement downgrade (metadata says WantAssertionsSigned)',
    remediation: 'When your metadata says WantAssertionsSigned="true", refuse an assertion without its own valid signature.',
  },
  'SAML-SIG-04': {
    family: 'Signature exclusion (Somorovsky et al., USENIX Security 2012)',
    remediation: 'Require a valid signature on the Response or the Assertion; never treat "no signature" as "nothing to check".',
  },
  'SAML-SIG-05': { family: 'Untrusted signing key (CWE-347)', remediation: VERIFY_WITH_TRUSTED_CERT },
  'SAML-SIG-06': { family: 'Content modified after signing (CWE-345)', remediation: 'Check the Reference digest over the canonicalized signed element and refuse on mismatch.' },
  'SAML-SIG-07': { family: 'Empty SignatureValue accepted by a lenient verifier (CWE-347)', remediation: 'Treat an empty or undecodable SignatureValue as an invalid signature.' },
  'SAML-SIG-08': {
    family: 'Certificate in KeyInfo trusted (CVE-2024-32962, xml-crypto)',
    remediation: 'Ignore ds:KeyInfo for trust: verify with the configured IdP certificate only.',
  },
  'SAML-SIG-09': {
    family: 'Algorithm confusion: HMAC keyed with the public certificate (the CVE-2015-9235 class)',
    remediation: 'Accept only the RSA/ECDSA signature algorithms you allow-list; refuse HMAC SignatureMethods.',
  },
  'SAML-SIG-10': {
    family: 'SHA-1 collisions (SHAttered, 2017; NIST SP 800-131A)',
    remediation: 'Refuse RSA-SHA1 signatures and SHA-1 digests unless a customer explicitly needs them.',
  },
  'SAML-SIG-11': { family: 'Interoperability: RSA-SHA512 (xmldsig-more)', remediation: 'Accept RSA-SHA256 and stronger (SHA-384, SHA-512).' },
  'SAML-SIG-12': {
    family: 'XSLT transforms in signatures (B. Hill, "Attacking XML Security", 2007)',
    remediation: 'Allow only the enveloped-signature and exclusive-c14n transforms (SAML Core §5.4.4).',
  },
  'SAML-SIG-13': {
    family: 'XPath transforms select what is signed (B. Hill 2007)',
    remediation: 'Allow only the enveloped-signature and exclusive-c14n transforms (SAML Core §5.4.4).',
  },
  'SAML-SIG-14': {
    family: 'Signature without the enveloped-signature transform (SAML Core §5.4.4)',
    remediation: 'Refuse a Reference whose transforms are not enveloped-signature + exclusive c14n.',
  },
  'SAML-XSW-01': { family: `XSW1 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-02': { family: `XSW2 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-03': { family: `XSW3 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-04': { family: `XSW4 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-05': { family: `XSW5 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-06': { family: `XSW6 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-07': { family: `XSW7 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-08': { family: `XSW8 — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-09': {
    family: 'Two assertions, the first one read (CVE-2022-41912, crewjam/saml)',
    remediation: 'Refuse a Response with more than one Assertion (SAML Profiles §4.1.4.2 allows exactly one for Web SSO).',
  },
  'SAML-XSW-10': { family: `Assertion hidden in samlp:Extensions — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-11': { family: `Assertion hidden in saml:Advice — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-12': { family: `Assertion hidden in ds:Object — ${XSW}`, remediation: VERIFIED_ONLY },
  'SAML-XSW-13': {
    family: 'Duplicate ID attributes: the verifier and the reader pick different elements (CWE-347)',
    remediation: 'Refuse a document in which an ID value occurs more than once.',
  },
  'SAML-XML-01': { family: 'XML External Entity (CWE-611)', remediation: 'Refuse any document with a DOCTYPE before parsing it further.' },
  'SAML-XML-02': { family: 'XXE out-of-band fetch / SSRF (CWE-611, CWE-918)', remediation: 'Refuse any DOCTYPE; never resolve external entities.' },
  'SAML-XML-03': { family: 'Entity expansion, "billion laughs" (CWE-776)', remediation: 'Refuse any DOCTYPE; never expand entities.' },
  'SAML-XML-04': {
    family: 'Namespace and prefix confusion, parser differentials (CVE-2025-25291/25292, ruby-saml)',
    remediation: 'Use one namespace-aware XML parser for both verifying and reading, and select elements by namespace URI, never by prefix.',
  },
  'SAML-XML-05': {
    family: 'Resource exhaustion by oversized messages (CWE-400)',
    remediation: 'Bound the body size and the XML (elements, depth) before any cryptography; answer with a 4xx, never a 5xx.',
  },
  'SAML-XML-06': {
    family: 'DTD processing enabled (CWE-827; OWASP SAML Security Cheat Sheet; SAML V2.0 Security and Privacy Considerations)',
    remediation: 'Refuse any document that carries a DOCTYPE, even when its signatures are valid: SAML needs no DTD, and a parser that reads one can be made to fetch or expand.',
  },
  'SAML-XML-07': {
    family: 'Blind (out-of-band) XXE through external and parameter entities (CWE-611; e.g. CVE-2022-35741, Apache CloudStack SAML)',
    remediation: 'Disable DTDs in the XML parser (disallow-doctype-decl, or no external entities and no external DTD loading) before it reads the message.',
  },
  'SAML-NAMEID-01': {
    family: 'Comment injection in NameID (CVE-2017-11427 family: python-saml, ruby-saml, saml2-js, OmniAuth-SAML, Shibboleth)',
    remediation: 'Read the NameID as the whole text content of the verified element (comments excluded, text nodes joined), never its first text node.',
  },
  'SAML-NAMEID-02': {
    family: 'CDATA injection in NameID (CVE-2017-11427 family)',
    remediation: 'Read the NameID as the whole text content of the verified element, CDATA sections included.',
  },
  'SAML-TIME-01': { family: 'Expired assertion accepted (CWE-613)', remediation: 'Refuse when now ≥ NotOnOrAfter (+ a small skew) on Conditions and SubjectConfirmationData.' },
  'SAML-TIME-02': { family: 'Assertion used before its validity (CWE-345)', remediation: 'Refuse when now < NotBefore (− a small skew).' },
  'SAML-TIME-03': { family: 'Excessive clock-skew tolerance', remediation: 'Keep the clock skew tolerance at a few minutes at most (3 minutes is common).' },
  'SAML-TIME-04': { family: 'Excessive clock-skew tolerance', remediation: 'Keep the clock skew tolerance at a few minutes at most (3 minutes is common).' },
  'SAML-TIME-05': { family: 'Interoperability: IdP clocks a few seconds ahead', remediation: 'Tolerate a small clock skew (30–180 s) on NotBefore.' },
  'SAML-ADDR-01': {
    family: 'Assertion for another SP accepted (token forwarding, CWE-345)',
    remediation: 'Refuse unless an AudienceRestriction names your entity ID (SAML Core §2.5.1.4).',
  },
  'SAML-ADDR-02': {
    family: 'Bearer assertion for another endpoint (CWE-345)',
    remediation: 'Refuse unless SubjectConfirmationData Recipient is your ACS URL (SAML Profiles §4.1.4.2).',
  },
  'SAML-ADDR-03': {
    family: 'Response addressed elsewhere (CWE-345)',
    remediation: 'Refuse a Destination that is not the ACS URL the response arrived at (SAML Bindings §3.5.5.2).',
  },
  'SAML-ADDR-04': { family: 'Assertion from an untrusted issuer (CWE-346)', remediation: 'Refuse unless the Issuer is the entity ID of the IdP you trust.' },
  'SAML-REPLAY-01': {
    family: 'Replay of a captured response (CWE-294)',
    remediation: 'Remember accepted assertion IDs until they expire and refuse a second use (SAML Profiles §4.1.4.5).',
  },
  'SAML-REPLAY-02': {
    family: 'Replay of a captured response from another browser (CWE-294)',
    remediation: 'Remember accepted assertion IDs until they expire and refuse a second use (SAML Profiles §4.1.4.5).',
  },
  'SAML-REPLAY-03': {
    family: 'InResponseTo not checked (CWE-345)',
    remediation: 'Refuse an InResponseTo that names no AuthnRequest you sent and still await (SAML Profiles §4.1.4.3).',
  },
  'SAML-REPLAY-04': { family: 'AuthnRequest answered twice (CWE-294)', remediation: 'Forget an AuthnRequest ID once a response answered it.' },
  'SAML-REPLAY-05': {
    family: 'Login CSRF / response injection into another browser (CWE-352)',
    remediation: 'Bind each AuthnRequest to the browser that started it (a cookie) and refuse a response posted from another one.',
  },
  'SAML-REPLAY-06': {
    family: 'Unsolicited response accepted by an SP-initiated-only SP (IdP-initiated login CSRF)',
    remediation: 'Refuse responses without InResponseTo unless you deliberately allow IdP-initiated sign-in (SAML Profiles §4.1.5).',
  },
  'SAML-ENC-01': { family: 'Interoperability: AES-128-CBC + RSA-OAEP (Entra, Okta)', remediation: 'Decrypt with the private key of the certificate in your metadata.' },
  'SAML-ENC-02': { family: 'Interoperability: AES-256-CBC + RSA-OAEP (Entra ID default)', remediation: 'Decrypt with the private key of the certificate in your metadata.' },
  'SAML-ENC-03': { family: 'Interoperability: AES-128-GCM + RSA-OAEP (xmlenc-core1)', remediation: 'Support AES-GCM (xmlenc-core1 §5.2.4); it is the safe choice.' },
  'SAML-ENC-04': { family: 'Interoperability: AES-256-GCM + RSA-OAEP (xmlenc-core1)', remediation: 'Support AES-GCM (xmlenc-core1 §5.2.4); it is the safe choice.' },
  'SAML-ENC-05': {
    family: 'Assertion encrypted for someone else (CWE-311 family)',
    remediation: 'Refuse an EncryptedAssertion your key cannot decrypt, with the same answer as any decryption failure.',
  },
  'SAML-ENC-06': {
    family: 'Bleichenbacher on RSA PKCS#1 v1.5 key transport (Jager, Schinzel, Somorovsky, ESORICS 2012)',
    remediation: 'Refuse rsa-1_5 key transport; accept RSA-OAEP only.',
  },
  'SAML-RELAY-01': { family: 'Open redirect through RelayState (CWE-601)', remediation: 'Follow a RelayState only to a path on your own origin; drop "//host".' },
  'SAML-RELAY-02': {
    family: 'Open redirect through RelayState (CWE-601): browsers read "/\\host" as "//host"',
    remediation: 'Follow a RelayState only to a path on your own origin; drop "/\\host".',
  },
  'SAML-RELAY-03': {
    family: 'Open redirect through RelayState (CWE-601)',
    remediation: 'Follow a RelayState only to a path on your own origin; drop absolute URLs to other hosts.',
  },
  'SAML-ATTR-01': {
    family: 'Sign-in with empty profile fields (the Particle case)',
    remediation: 'Refuse a response that lacks an attribute your metadata marks isRequired, with an actionable error.',
  },
  'SAML-ATTR-02': {
    family: 'Misspelled attribute name silently ignored (the Particle case)',
    remediation: 'Match attribute names exactly and refuse when a required one is missing, naming the expected name.',
  },
  'SAML-ATTR-03': { family: 'Required attribute present but empty', remediation: 'Treat an empty value of a required attribute as missing.' },
  'SAML-VENDOR-01': { family: 'Microsoft Entra ID default: assertion signed only, RSA-SHA256', remediation: 'Accept a response whose Assertion alone is signed.' },
  'SAML-VENDOR-02': { family: 'Okta default: Response and Assertion signed, RSA-SHA256', remediation: 'Accept a response whose Response and Assertion are both signed.' },
  'SAML-VENDOR-03': { family: 'SonarQube seed: exactly one ACS URL', remediation: 'Publish exactly one AssertionConsumerService in your metadata.' },
  'SAML-VENDOR-04': { family: 'SonarQube seed: no IdP-initiated sign-in', remediation: 'Refuse unsolicited responses when your product only starts sign-ins itself.' },
};
