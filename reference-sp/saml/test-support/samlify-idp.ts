/*
 * An independent IdP for tests: samlify (not our mock IdP) mints the responses the reference SP must accept,
 * signed the way the test asks (response, assertion, both) and optionally encrypted to the SP's certificate.
 * Times come from the test's clock through samlify's template tags, never from samlify's own `new Date()`.
 */
import samlify from 'samlify';
import { randomBytes } from 'node:crypto';
import { escapeXml } from '../xml.ts';

// Creating responses does not need schema validation; samlify refuses to run without a validator set.
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

export interface TestIdpKeys {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

export interface SamlifyMintOptions {
  readonly idp: { readonly entityId: string; readonly ssoUrl: string; readonly keys: TestIdpKeys };
  readonly sp: { readonly entityId: string; readonly acsUrl: string; readonly encryptionCertPem?: string };
  readonly sign: 'response' | 'assertion' | 'both';
  readonly encrypt?: boolean;
  /** xmlenc EncryptedData algorithm URI; default AES-256-GCM. */
  readonly dataEncryptionAlgorithm?: string;
  readonly signatureAlgorithm?: string;
  readonly now: Date;
  readonly lifetimeSeconds?: number;
  readonly inResponseTo?: string;
  readonly nameId: string;
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
}

function attributeStatement(attributes: Readonly<Record<string, string | readonly string[]>>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  return (
    '<saml:AttributeStatement>' +
    entries
      .map(([name, v]) => {
        const values = typeof v === 'string' ? [v] : v;
        return (
          `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">` +
          values.map((x) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(x)}</saml:AttributeValue>`).join('') +
          '</saml:Attribute>'
        );
      })
      .join('') +
    '</saml:AttributeStatement>'
  );
}

/** Returns the base64 SAMLResponse form value. */
export async function mintWithSamlify(o: SamlifyMintOptions): Promise<string> {
  const idp = samlify.IdentityProvider({
    entityID: o.idp.entityId,
    privateKey: o.idp.keys.privateKeyPem,
    signingCert: o.idp.keys.certificatePem,
    singleSignOnService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: o.idp.ssoUrl }],
    // samlify warns on every construction of an IdP without one (issue 15: the warnings flooded test and bench output).
    singleLogoutService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: `${o.idp.ssoUrl}/logout` }],
    requestSignatureAlgorithm: o.signatureAlgorithm ?? 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    isAssertionEncrypted: o.encrypt === true,
    // samlify's types omit its encryption-algorithm settings.
    ...({
      dataEncryptionAlgorithm: o.dataEncryptionAlgorithm ?? 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
      keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
    } as object),
  });
  const sp = samlify.ServiceProvider({
    entityID: o.sp.entityId,
    assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: o.sp.acsUrl }],
    wantAssertionsSigned: o.sign !== 'response',
    wantMessageSigned: o.sign !== 'assertion',
    ...(o.sp.encryptionCertPem ? { encryptCert: o.sp.encryptionCertPem } : {}),
  });
  const id = '_' + randomBytes(16).toString('hex');
  const later = new Date(o.now.getTime() + (o.lifetimeSeconds ?? 300) * 1000).toISOString();
  const values = {
    ID: id,
    AssertionID: '_' + randomBytes(16).toString('hex'),
    Destination: o.sp.acsUrl,
    Audience: o.sp.entityId,
    SubjectRecipient: o.sp.acsUrl,
    Issuer: o.idp.entityId,
    IssueInstant: o.now.toISOString(),
    StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
    ConditionsNotBefore: o.now.toISOString(),
    ConditionsNotOnOrAfter: later,
    SubjectConfirmationDataNotOnOrAfter: later,
    NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    NameID: o.nameId,
    InResponseTo: o.inResponseTo ?? '',
  };
  // replaceTagsByValue escapes values, so the two XML fragments go into the template first.
  const fragments = {
    AuthnStatement: `<saml:AuthnStatement AuthnInstant="${o.now.toISOString()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
    AttributeStatement: attributeStatement(o.attributes ?? {}),
  };
  const result = await idp.createLoginResponse(
    sp,
    {} as never,
    'post',
    {},
    {
      encryptThenSign: o.encrypt === true,
      customTagReplacement: (template: string) => {
        let t = o.inResponseTo === undefined ? template.replace(/ InResponseTo="\{InResponseTo\}"/g, '') : template;
        t = t.replace('{AuthnStatement}', fragments.AuthnStatement).replace('{AttributeStatement}', fragments.AttributeStatement);
        return { id, context: samlify.SamlLib.replaceTagsByValue(t, values) };
      },
    },
  );
  return result.context;
}
