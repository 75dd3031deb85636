/*
 * Hand-crafted SAML responses for negative tests, signed with xml-crypto directly (also ArtifactResponses and
 * metadata, ./../metadata-trust/test-support.ts): every field a check looks
 * at can be set or omitted, so each row of a test table changes exactly one thing.
 */
import { SignedXml } from 'xml-crypto';
import { escapeXml } from '../xml.ts';

export interface CraftOptions {
  readonly now: Date;
  readonly acsUrl: string;
  readonly spEntityId: string;
  readonly idpEntityId: string;
  readonly responseId?: string;
  readonly assertionId?: string;
  readonly issuer?: string | null;
  readonly responseIssuer?: string | null;
  readonly audience?: string | null;
  readonly destination?: string | null;
  readonly recipient?: string | null;
  readonly inResponseTo?: string;
  readonly scInResponseTo?: string;
  readonly nameId?: string;
  readonly status?: string;
  readonly notBefore?: string;
  readonly notOnOrAfter?: string;
  readonly scNotOnOrAfter?: string | null;
  readonly scNotBefore?: string;
  readonly method?: string;
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
  readonly extraAssertion?: boolean;
}

const iso = (d: Date, plusSeconds = 0) => new Date(d.getTime() + plusSeconds * 1000).toISOString();

export function assertionXml(o: CraftOptions, id = o.assertionId ?? '_assertion1'): string {
  const issuer = o.issuer === undefined ? o.idpEntityId : o.issuer;
  const audience = o.audience === undefined ? o.spEntityId : o.audience;
  const recipient = o.recipient === undefined ? o.acsUrl : o.recipient;
  const scNotOnOrAfter = o.scNotOnOrAfter === undefined ? iso(o.now, 300) : o.scNotOnOrAfter;
  const attrs = Object.entries(o.attributes ?? {});
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${id}" Version="2.0" IssueInstant="${iso(o.now)}">` +
    (issuer === null ? '' : `<saml:Issuer>${escapeXml(issuer)}</saml:Issuer>`) +
    `<saml:Subject><saml:NameID>${escapeXml(o.nameId ?? 'alice@example.com')}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="${o.method ?? 'urn:oasis:names:tc:SAML:2.0:cm:bearer'}"><saml:SubjectConfirmationData` +
    (recipient === null ? '' : ` Recipient="${escapeXml(recipient)}"`) +
    (scNotOnOrAfter === null ? '' : ` NotOnOrAfter="${scNotOnOrAfter}"`) +
    (o.scNotBefore ? ` NotBefore="${o.scNotBefore}"` : '') +
    ((o.scInResponseTo ?? o.inResponseTo) ? ` InResponseTo="${o.scInResponseTo ?? o.inResponseTo}"` : '') +
    `/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${o.notBefore ?? iso(o.now, -5)}" NotOnOrAfter="${o.notOnOrAfter ?? iso(o.now, 300)}">` +
    (audience === null ? '' : `<saml:AudienceRestriction><saml:Audience>${escapeXml(audience)}</saml:Audience></saml:AudienceRestriction>`) +
    `</saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(o.now)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attrs.length
      ? `<saml:AttributeStatement>` +
        attrs
          .map(
            ([n, v]) =>
              `<saml:Attribute Name="${escapeXml(n)}">` +
              (typeof v === 'string' ? [v] : v).map((x) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(x)}</saml:AttributeValue>`).join('') +
              `</saml:Attribute>`,
          )
          .join('') +
        `</saml:AttributeStatement>`
      : '') +
    `</saml:Assertion>`
  );
}

export function responseXml(o: CraftOptions, assertion = assertionXml(o)): string {
  const destination = o.destination === undefined ? o.acsUrl : o.destination;
  const responseIssuer = o.responseIssuer === undefined ? o.idpEntityId : o.responseIssuer;
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${o.responseId ?? '_response1'}" Version="2.0" IssueInstant="${iso(o.now)}"` +
    (destination === null ? '' : ` Destination="${escapeXml(destination)}"`) +
    (o.inResponseTo ? ` InResponseTo="${o.inResponseTo}"` : '') +
    `>` +
    (responseIssuer === null ? '' : `<saml:Issuer>${escapeXml(responseIssuer)}</saml:Issuer>`) +
    `<samlp:Status><samlp:StatusCode Value="${o.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success'}"/></samlp:Status>` +
    assertion +
    (o.extraAssertion ? assertionXml(o, '_assertion2') : '') +
    `</samlp:Response>`
  );
}

export interface SignOptions {
  readonly privateKeyPem: string;
  /** The certificate to put in KeyInfo; absent, no KeyInfo. */
  readonly certificatePem?: string;
  readonly signatureAlgorithm?: string;
  readonly digestAlgorithm?: string;
  /** Canonicalization of SignedInfo and of the Reference (default exclusive C14N without comments). */
  readonly canonicalization?: string;
}

/** What `sign` signs: the root Response, its first Assertion, the root ArtifactResponse, or a metadata root. */
export type SignTarget = 'Response' | 'Assertion' | 'ArtifactResponse' | 'metadata';

const SIGN_TARGET: Record<SignTarget, { readonly path: string; readonly location: { readonly reference: string; readonly action: 'after' | 'prepend' } }> = {
  Response: { path: "/*[local-name(.)='Response']", location: { reference: "/*[local-name(.)='Response']/*[local-name(.)='Issuer']", action: 'after' } },
  Assertion: {
    path: "/*[local-name(.)='Response']/*[local-name(.)='Assertion'][1]",
    location: { reference: "/*[local-name(.)='Response']/*[local-name(.)='Assertion'][1]/*[local-name(.)='Issuer']", action: 'after' },
  },
  ArtifactResponse: { path: "/*[local-name(.)='ArtifactResponse']", location: { reference: "/*[local-name(.)='ArtifactResponse']/*[local-name(.)='Issuer']", action: 'after' } },
  // Metadata has no Issuer: the Signature is the root's first child (saml-metadata §3.1).
  metadata: { path: '/*', location: { reference: '/*', action: 'prepend' } },
};

/** An enveloped signature on `target`, placed where the schema puts it. */
export function sign(xml: string, target: SignTarget, o: SignOptions): string {
  const sig = new SignedXml({
    privateKey: o.privateKeyPem,
    ...(o.certificatePem ? { publicCert: o.certificatePem } : {}),
    signatureAlgorithm: o.signatureAlgorithm ?? 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: o.canonicalization ?? 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  const { path, location } = SIGN_TARGET[target];
  sig.addReference({
    xpath: path,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', o.canonicalization ?? 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: o.digestAlgorithm ?? 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, { prefix: 'ds', location });
  return sig.getSignedXml();
}

export const b64 = (xml: string): string => Buffer.from(xml, 'utf8').toString('base64');
