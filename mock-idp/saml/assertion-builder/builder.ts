/*
 * A fluent builder for a SAML 2.0 Response carrying one Assertion (saml-core §3.3.3, §2.3.3; Web SSO profile
 * saml-profiles §4.1.4.2). The defaults make a Response that a correct SP accepts; every deviation is ONE named
 * method, so each negative scenario traces to one call:
 *   signing ........ signResponseOnly signAssertionOnly signBoth omitSignature signWithRogueKey signatureAlgorithm
 *   addressing ..... audience recipient destination issuer inResponseTo unsolicited
 *   time ........... expiredBy notYetValidFor
 *   content ........ nameId attribute withoutAttribute encryptTo
 *   attacks ........ replayOf wrapSignature tamperAfterSigning duplicateAssertion withDoctype
 *                    emptySignatureValue rogueCertificateInKeyInfo hmacWithPublicCertificate
 *                    assertionInExtensions assertionInAdvice assertionInSignatureObject duplicateId
 *                    namespacePrefixConfusion xsltTransform xpathTransform withoutEnvelopedTransform
 *                    nameIdCommentInjection nameIdCdataInjection externalEntity entityExpansion padTo
 *   (one file per attack under ../attacks/, each naming its family and source)
 * Time comes from the injected clock only. `build()` is async because encryption is.
 * The Response and Assertion are element trees (../sign/xml-node.ts) signed by the template signer
 * (../sign/template-signer.ts), which writes the bytes xml-crypto would at a fraction of the cost (issue 15);
 * what it cannot canonicalise (HMAC, NameID injections, unusual characters) is serialised and signed by
 * xml-crypto as before (../sign/sign-element.ts). An encrypted assertion is canonicalised by xml-crypto's
 * ExclusiveCanonicalization (../sign/opaque-element.ts) and the Response around it signed by the template signer.
 */
import type { Clock } from '../../clock.ts';
import { idpError } from '../errors.ts';
import type { IdpKeys, KeyPair } from '../keys/key-store.ts';
import {
  ATTRNAME_FORMAT,
  AUTHN_CONTEXT_PASSWORD_PROTECTED,
  NAMEID_FORMAT,
  NS,
  STATUS_SUCCESS,
  SUBJECT_CONFIRMATION_BEARER,
  type AttrNameFormatName,
  type NameIdFormatName,
  type SignatureAlgorithmName,
} from '../namespaces.ts';
import { signElement } from '../sign/sign-element.ts';
import { opaqueElement } from '../sign/opaque-element.ts';
import { signNode } from '../sign/template-signer.ts';
import { el, raw, serializeNode, type AttributeList, type XmlElement, type XmlNode } from '../sign/xml-node.ts';
import { encryptAssertion, type EncryptOptions } from '../encrypt/encrypt-assertion.ts';
import { descendants, newId, parseXml, serialize } from '../xml.ts';
import { durationMs, xsDateTime, type Duration } from './duration.ts';
import { wrapSignature, DEFAULT_ATTACKER_NAME_ID, type XswKind } from './wrap-signature.ts';
import { assertionInAdvice } from '../attacks/assertion-in-advice.ts';
import { assertionInExtensions } from '../attacks/assertion-in-extensions.ts';
import { assertionInSignatureObject } from '../attacks/assertion-in-signature-object.ts';
import { prependDoctype } from '../attacks/doctype.ts';
import { duplicateId } from '../attacks/duplicate-id.ts';
import { emptySignatureValue } from '../attacks/empty-signature-value.ts';
import { entityExpansion } from '../attacks/entity-expansion.ts';
import { checkExternalEntity, externalEntity, type ExternalEntityOptions } from '../attacks/external-entity.ts';
import { cdataInjectedText } from '../attacks/name-id-cdata-injection.ts';
import { commentInjectedText } from '../attacks/name-id-comment-injection.ts';
import { makeEvil } from '../attacks/evil-assertion.ts';
import type { NameIdInjection } from '../attacks/name-id-injection.ts';
import { namespacePrefixConfusion } from '../attacks/namespace-prefix-confusion.ts';
import { padBytes, padTo } from '../attacks/pad-to.ts';
import { rogueKeyWithLookAlikeCertificate } from '../attacks/rogue-certificate.ts';
import { withoutEnvelopedTransform } from '../attacks/without-enveloped-transform.ts';
import { xpathTransform } from '../attacks/xpath-transform.ts';
import { xsltTransform } from '../attacks/xslt-transform.ts';

/** Attacks that move or add assertions after signing, each with the identity its evil assertion names. */
type SmugglingAttack = 'assertionInExtensions' | 'assertionInAdvice' | 'assertionInSignatureObject' | 'duplicateId' | 'namespacePrefixConfusion';
const SMUGGLING: Record<SmugglingAttack, (xml: string, attackerNameId: string) => string> = {
  assertionInExtensions,
  assertionInAdvice,
  assertionInSignatureObject,
  duplicateId,
  namespacePrefixConfusion,
};
type TransformAttack = 'xsltTransform' | 'xpathTransform' | 'withoutEnvelopedTransform';

export type SignaturePlacement = 'response' | 'assertion' | 'both' | 'none';

export interface AttributeOptions {
  /** 'basic' | 'uri' | 'unspecified' (saml-core §8.2) or any URI; omitted → no NameFormat attribute. */
  readonly nameFormat?: AttrNameFormatName | string | undefined;
  readonly friendlyName?: string | undefined;
}

export interface SamlAttribute extends AttributeOptions {
  readonly name: string;
  /** Empty array → an Attribute with no AttributeValue; [''] → one empty AttributeValue. */
  readonly values: readonly string[];
}

export interface BuiltResponse {
  readonly xml: string;
  /** base64 of the XML, as the HTTP-POST binding carries it in SAMLResponse (saml-bindings §3.5.4). */
  readonly base64: string;
  readonly responseId: string;
  readonly assertionId: string;
}

export interface BuilderContext {
  readonly clock: Clock;
  readonly keys: IdpKeys;
  /** The IdP entity ID, used as Issuer unless `.issuer()` says otherwise. */
  readonly issuer: string;
  /**
   * 'xml-crypto' signs every element through xml-crypto, the reference the template signer is checked against
   * (../sign/template-signer.test.ts); default 'template'.
   */
  readonly signer?: 'template' | 'xml-crypto';
  /** Where Response and Assertion IDs come from; default ../xml.ts newId (random). Tests fix them to compare bytes. */
  readonly newId?: () => string;
}

/** Default lifetime of an assertion (Conditions and SubjectConfirmationData NotOnOrAfter). */
const DEFAULT_LIFETIME_MS = 5 * 60_000;
/** Default SessionNotOnOrAfter distance from AuthnInstant. */
const SESSION_LIFETIME_MS = 8 * 3_600_000;

export class ResponseBuilder {
  private issuerValue: string;
  private audienceValue: string | undefined;
  private recipientValue: string | undefined;
  private destinationValue: string | undefined;
  private inResponseToValue: string | undefined;
  private nameIdValue: string | undefined;
  private nameIdFormat: string = NAMEID_FORMAT.emailAddress;
  private sessionIndexValue: string | undefined;
  private authnContextValue = AUTHN_CONTEXT_PASSWORD_PROTECTED;
  private attrs: SamlAttribute[] = [];
  private placement: SignaturePlacement = 'both';
  private algorithm: SignatureAlgorithmName = 'sha256';
  private rogue = false;
  private shiftMs = 0;
  private lifetimeMs = DEFAULT_LIFETIME_MS;
  private encryption: { certificatePem: string; options: EncryptOptions } | undefined;
  private replay: BuiltResponse | undefined;
  private xsw: { kind: XswKind; attackerNameId: string } | undefined;
  private tamper: string | undefined;
  private duplicate = false;
  private doctype = false;
  private emptySignature = false;
  private lookAlikeKey = false;
  private hmac = false;
  private smuggling: { attack: SmugglingAttack; attackerNameId: string }[] = [];
  private transformAttack: { attack: TransformAttack; attackerNameId: string } | undefined;
  private injection: NameIdInjection | undefined;
  private entity: { kind: 'external'; url: string; options: ExternalEntityOptions } | { kind: 'expansion' } | undefined;
  private padding: string | undefined;

  constructor(private readonly ctx: BuilderContext) {
    this.issuerValue = ctx.issuer;
  }

  // ---- ordinary content -------------------------------------------------------------------------------------

  /** Addresses the Response to an SP: audience = entity ID; Recipient and Destination = ACS URL. */
  forSp(entityId: string, acsUrl: string): this {
    this.audienceValue = entityId;
    this.recipientValue = acsUrl;
    this.destinationValue = acsUrl;
    return this;
  }
  /** Conditions/AudienceRestriction/Audience (saml-core §2.5.1.4). */
  audience(value: string): this {
    this.audienceValue = value;
    return this;
  }
  /** SubjectConfirmationData@Recipient (saml-profiles §4.1.4.2). */
  recipient(value: string): this {
    this.recipientValue = value;
    return this;
  }
  /** Response@Destination (saml-bindings §3.5.5.2). */
  destination(value: string): this {
    this.destinationValue = value;
    return this;
  }
  /** Issuer of both Response and Assertion. */
  issuer(value: string): this {
    this.issuerValue = value;
    return this;
  }
  /** Response@InResponseTo and SubjectConfirmationData@InResponseTo. */
  inResponseTo(requestId: string): this {
    this.inResponseToValue = requestId;
    return this;
  }
  /** IdP-initiated: no InResponseTo anywhere (saml-profiles §4.1.5). */
  unsolicited(): this {
    this.inResponseToValue = undefined;
    return this;
  }
  nameId(value: string, format: NameIdFormatName | string = 'emailAddress'): this {
    this.nameIdValue = value;
    this.nameIdFormat = format in NAMEID_FORMAT ? NAMEID_FORMAT[format as NameIdFormatName] : format;
    return this;
  }
  sessionIndex(value: string): this {
    this.sessionIndexValue = value;
    return this;
  }
  authnContextClassRef(value: string): this {
    this.authnContextValue = value;
    return this;
  }
  /** Adds (or replaces, by Name) one attribute; several values make it multi-valued. */
  attribute(name: string, values: string | readonly string[], options: AttributeOptions = {}): this {
    const list = typeof values === 'string' ? [values] : [...values];
    this.attrs = this.attrs.filter((a) => a.name !== name);
    this.attrs.push({ name, values: list, nameFormat: options.nameFormat, friendlyName: options.friendlyName });
    return this;
  }
  attributes(list: readonly SamlAttribute[]): this {
    for (const a of list) this.attribute(a.name, a.values, a);
    return this;
  }
  withoutAttribute(name: string): this {
    this.attrs = this.attrs.filter((a) => a.name !== name);
    return this;
  }

  // ---- signing ----------------------------------------------------------------------------------------------

  signResponseOnly(): this {
    this.placement = 'response';
    return this;
  }
  signAssertionOnly(): this {
    this.placement = 'assertion';
    return this;
  }
  signBoth(): this {
    this.placement = 'both';
    return this;
  }
  omitSignature(): this {
    this.placement = 'none';
    return this;
  }
  signing(placement: SignaturePlacement): this {
    this.placement = placement;
    return this;
  }
  /** Signs with the IdP's rogue key pair: a valid signature by a key the SP never trusted. */
  signWithRogueKey(): this {
    this.rogue = true;
    return this;
  }
  signatureAlgorithm(alg: SignatureAlgorithmName): this {
    if (!['sha1', 'sha256', 'sha512'].includes(alg)) throw idpError('builder/invalid', `unknown algorithm ${alg}`);
    this.algorithm = alg;
    return this;
  }

  // ---- time -------------------------------------------------------------------------------------------------

  /** The assertion was issued long enough ago that every NotOnOrAfter passed `ago` before the clock's now. */
  expiredBy(ago: Duration): this {
    this.shiftMs = -(this.lifetimeMs + durationMs(ago));
    return this;
  }
  /** The assertion is issued `ahead` in the future: NotBefore is `ahead` after the clock's now. */
  notYetValidFor(ahead: Duration): this {
    this.shiftMs = durationMs(ahead);
    return this;
  }
  validFor(lifetime: Duration): this {
    this.lifetimeMs = durationMs(lifetime);
    return this;
  }

  // ---- encryption -------------------------------------------------------------------------------------------

  /** Sends saml:EncryptedAssertion for the SP's encryption certificate (saml-core §2.3.4). */
  encryptTo(certificatePem: string, options: EncryptOptions = {}): this {
    this.encryption = { certificatePem, options };
    return this;
  }

  // ---- attacks ----------------------------------------------------------------------------------------------

  /** Sends the previously built Response again, byte for byte (same IDs): a replay. */
  replayOf(previous: BuiltResponse): this {
    this.replay = previous;
    return this;
  }
  wrapSignature(kind: XswKind, attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    this.xsw = { kind, attackerNameId };
    return this;
  }
  /**
   * Changes the NameID (and the attribute values that repeated it) to `attackerNameId` after the signatures were
   * computed; when the assertion is encrypted, the Response IssueInstant instead.
   */
  tamperAfterSigning(attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    this.tamper = attackerNameId;
    return this;
  }
  /** A second, independently signed Assertion with its own ID follows the first. */
  duplicateAssertion(): this {
    this.duplicate = true;
    return this;
  }
  /** Prepends a DOCTYPE with an external entity referenced from an AttributeValue: an XXE probe. */
  withDoctype(): this {
    this.doctype = true;
    return this;
  }

  /** Every SignatureValue empty, SignedInfo and digests intact (../attacks/empty-signature-value.ts). */
  emptySignatureValue(): this {
    this.emptySignature = true;
    return this;
  }
  /** Signs with the rogue key; KeyInfo carries a certificate for it named like the IdP's (../attacks/rogue-certificate.ts). */
  rogueCertificateInKeyInfo(): this {
    this.lookAlikeKey = true;
    return this;
  }
  /** HMAC-SHA256 keyed with the IdP certificate's PEM text instead of RSA (../attacks/hmac-signature.ts). */
  hmacWithPublicCertificate(): this {
    this.hmac = true;
    return this;
  }
  /** An evil unsigned copy of the Assertion in samlp:Extensions (../attacks/assertion-in-extensions.ts). */
  assertionInExtensions(attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    return this.smuggle('assertionInExtensions', attackerNameId);
  }
  /** The signed Assertion moved into the Advice of an evil one (../attacks/assertion-in-advice.ts). */
  assertionInAdvice(attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    return this.smuggle('assertionInAdvice', attackerNameId);
  }
  /** An evil Assertion in a ds:Object of the signature (../attacks/assertion-in-signature-object.ts). */
  assertionInSignatureObject(attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    return this.smuggle('assertionInSignatureObject', attackerNameId);
  }
  /** An evil Assertion with the signed one's ID, right before it (../attacks/duplicate-id.ts). */
  duplicateId(attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    return this.smuggle('duplicateId', attackerNameId);
  }
  /** An evil `saml:Assertion` whose prefix is bound to a look-alike namespace (../attacks/namespace-prefix-confusion.ts). */
  namespacePrefixConfusion(attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    return this.smuggle('namespacePrefixConfusion', attackerNameId);
  }
  /** An identity XSLT transform in each Reference, re-signed with the genuine key (../attacks/xslt-transform.ts). */
  xsltTransform(): this {
    return this.transformWith('xsltTransform');
  }
  /** An XPath transform leaving the Subject unsigned, then the attacker's NameID (../attacks/xpath-transform.ts). */
  xpathTransform(attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    return this.transformWith('xpathTransform', attackerNameId);
  }
  /** Each Reference without its enveloped-signature transform, re-signed (../attacks/without-enveloped-transform.ts). */
  withoutEnvelopedTransform(): this {
    return this.transformWith('withoutEnvelopedTransform');
  }
  /** NameID `<victim><!---->.attacker.example`, signature valid (../attacks/name-id-comment-injection.ts). */
  nameIdCommentInjection(victim: string): this {
    this.injection = { kind: 'comment', victim };
    return this;
  }
  /** NameID `<![CDATA[<victim>]]>.attacker.example`, signature valid (../attacks/name-id-cdata-injection.ts). */
  nameIdCdataInjection(victim: string): this {
    if (victim.includes(']]>')) throw idpError('builder/invalid', 'nameIdCdataInjection: the victim cannot contain "]]>"');
    this.injection = { kind: 'cdata', victim };
    return this;
  }
  /** A DOCTYPE declaring `<!ENTITY x SYSTEM "url">`, used as the NameID unless told (../attacks/external-entity.ts). */
  externalEntity(url: string, options: ExternalEntityOptions = {}): this {
    checkExternalEntity(url, options);
    this.entity = { kind: 'external', url, options };
    return this;
  }
  /** A bounded billion-laughs DOCTYPE expanded in the NameID (../attacks/entity-expansion.ts). */
  entityExpansion(): this {
    this.entity = { kind: 'expansion' };
    return this;
  }
  /** Pads the Response with a comment to at least `size` bytes, e.g. "2m" (../attacks/pad-to.ts). */
  padTo(size: string): this {
    padBytes(size); // a bad size fails here, not at build time
    this.padding = size;
    return this;
  }

  private smuggle(attack: SmugglingAttack, attackerNameId: string): this {
    this.smuggling.push({ attack, attackerNameId });
    return this;
  }
  private transformWith(attack: TransformAttack, attackerNameId = DEFAULT_ATTACKER_NAME_ID): this {
    this.transformAttack = { attack, attackerNameId };
    return this;
  }

  // ---- output -----------------------------------------------------------------------------------------------

  async build(): Promise<BuiltResponse> {
    if (this.replay) return this.replay;
    const missing = [
      ['audience', this.audienceValue],
      ['recipient', this.recipientValue],
      ['nameId', this.nameIdValue],
    ].filter(([, v]) => v === undefined);
    if (missing.length > 0) {
      throw idpError('builder/invalid', `response needs ${missing.map(([k]) => k).join(', ')} (see forSp/nameId)`);
    }
    if ([this.doctype, this.entity !== undefined].filter(Boolean).length > 1) {
      throw idpError('builder/invalid', 'only one DOCTYPE attack per response (withDoctype, externalEntity, entityExpansion)');
    }
    const key: KeyPair = this.lookAlikeKey
      ? rogueKeyWithLookAlikeCertificate(this.ctx.keys.signing, this.ctx.keys.rogue)
      : this.rogue
        ? this.ctx.keys.rogue
        : this.ctx.keys.signing;
    const useTemplate = this.ctx.signer !== 'xml-crypto' && !this.hmac;
    const sign = (node: XmlElement, id: string, localName: 'Assertion' | 'Response'): XmlNode =>
      (useTemplate ? signNode(node, { id, key, algorithm: this.algorithm }) : undefined) ??
      raw(signElement(serializeNode(node), { id, localName, key, algorithm: this.algorithm, hmacWithCertificate: this.hmac }));
    const signAssertion = this.placement === 'assertion' || this.placement === 'both';
    const signResponse = this.placement === 'response' || this.placement === 'both';
    const issuedAt = this.ctx.clock.now().getTime() + this.shiftMs;
    const nextId = this.ctx.newId ?? newId;
    const responseId = nextId();
    const assertionId = nextId();

    const assertions: XmlNode[] = [];
    for (const id of this.duplicate ? [assertionId, nextId()] : [assertionId]) {
      let assertion: XmlNode = this.renderAssertion(id, issuedAt);
      if (signAssertion) assertion = sign(assertion, id, 'Assertion');
      if (this.encryption) {
        const encrypted = await encryptAssertion(serializeNode(assertion), this.encryption.certificatePem, this.encryption.options);
        assertion = useTemplate ? opaqueElement(encrypted) : raw(encrypted);
      }
      assertions.push(assertion);
    }

    let response: XmlNode = this.renderResponse(responseId, issuedAt, assertions);
    if (signResponse) response = sign(response, responseId, 'Response');
    let xml = serializeNode(response);
    // After signing, in this order: what changes a Reference (and re-signs), what moves signed content, what
    // breaks a signature value, what pads, and last the DOCTYPE in front of everything.
    if (this.transformAttack) {
      const { attack, attackerNameId } = this.transformAttack;
      if (attack === 'xpathTransform') xml = xpathTransform(xml, key.privateKeyPem, attackerNameId);
      else xml = (attack === 'xsltTransform' ? xsltTransform : withoutEnvelopedTransform)(xml, key.privateKeyPem);
    }
    if (this.xsw) {
      if (this.encryption) throw idpError('builder/invalid', 'signature wrapping needs an unencrypted assertion');
      xml = wrapSignature(xml, this.xsw.kind, this.xsw.attackerNameId);
    }
    for (const { attack, attackerNameId } of this.smuggling) xml = SMUGGLING[attack](xml, attackerNameId);
    if (this.emptySignature) xml = emptySignatureValue(xml);
    if (this.tamper !== undefined) xml = this.tamperWith(xml, signResponse, this.tamper);
    if (this.padding !== undefined) xml = padTo(xml, this.padding);
    if (this.doctype) xml = injectDoctype(xml);
    if (this.entity?.kind === 'external') xml = externalEntity(xml, this.entity.url, this.entity.options);
    if (this.entity?.kind === 'expansion') xml = entityExpansion(xml);
    return { xml, base64: Buffer.from(xml, 'utf8').toString('base64'), responseId, assertionId };
  }

  private renderAssertion(id: string, issuedAt: number): XmlElement {
    const at = xsDateTime(issuedAt);
    const until = xsDateTime(issuedAt + this.lifetimeMs);
    const nameId = this.nameIdValue!;
    const saml = (name: string, attributes: AttributeList, children: readonly XmlNode[] = [], selfClosing = false) =>
      el(`saml:${name}`, NS.assertion, attributes, children, { selfClosing });
    const injected = this.injection && raw((this.injection.kind === 'comment' ? commentInjectedText : cdataInjectedText)(this.injection.victim));
    // An attribute that repeats the NameID (the e-mail, usually) carries the same injected text.
    const value = (v: string): XmlNode => (injected !== undefined && v === nameId ? injected : v);
    const attributes = this.attrs.map((a) => renderAttribute(a, value));
    return el(
      'saml:Assertion',
      NS.assertion,
      [
        ['ID', id],
        ['Version', '2.0'],
        ['IssueInstant', at],
      ],
      [
        saml('Issuer', [], [this.issuerValue]),
        saml(
          'Subject',
          [],
          [
            saml('NameID', [['Format', this.nameIdFormat]], [injected ?? nameId]),
            saml(
              'SubjectConfirmation',
              [['Method', SUBJECT_CONFIRMATION_BEARER]],
              [
                saml(
                  'SubjectConfirmationData',
                  [
                    ['InResponseTo', this.inResponseToValue || undefined],
                    ['NotOnOrAfter', until],
                    ['Recipient', this.recipientValue!],
                  ],
                  [],
                  true,
                ),
              ],
            ),
          ],
        ),
        saml(
          'Conditions',
          [
            ['NotBefore', at],
            ['NotOnOrAfter', until],
          ],
          [saml('AudienceRestriction', [], [saml('Audience', [], [this.audienceValue!])])],
        ),
        saml(
          'AuthnStatement',
          [
            ['AuthnInstant', at],
            ['SessionIndex', this.sessionIndexValue ?? id],
            ['SessionNotOnOrAfter', xsDateTime(issuedAt + SESSION_LIFETIME_MS)],
          ],
          [saml('AuthnContext', [], [saml('AuthnContextClassRef', [], [this.authnContextValue])])],
        ),
        // saml-core §2.7.3: an AttributeStatement holds at least one Attribute, so none → no statement.
        ...(attributes.length > 0 ? [saml('AttributeStatement', [], attributes)] : []),
      ],
      {
        declare: [
          ['saml', NS.assertion],
          ['xs', NS.xs],
          ['xsi', NS.xsi],
        ],
      },
    );
  }

  private renderResponse(id: string, issuedAt: number, assertions: readonly XmlNode[]): XmlElement {
    return el(
      'samlp:Response',
      NS.protocol,
      [
        ['ID', id],
        ['Version', '2.0'],
        ['IssueInstant', xsDateTime(issuedAt)],
        ['Destination', this.destinationValue || undefined],
        ['InResponseTo', this.inResponseToValue || undefined],
      ],
      [
        el('saml:Issuer', NS.assertion, [], [this.issuerValue]),
        el('samlp:Status', NS.protocol, [], [el('samlp:StatusCode', NS.protocol, [['Value', STATUS_SUCCESS]], [], { selfClosing: true })]),
        ...assertions,
      ],
      {
        declare: [
          ['samlp', NS.protocol],
          ['saml', NS.assertion],
        ],
      },
    );
  }

  private tamperWith(xml: string, responseSigned: boolean, attackerNameId: string): string {
    const doc = parseXml(xml, 'signed Response');
    if (descendants(doc, NS.assertion, 'NameID').length > 0) {
      makeEvil(doc.documentElement!, attackerNameId);
    } else if (responseSigned) {
      const root = doc.documentElement!;
      root.setAttribute('IssueInstant', xsDateTime(Date.parse(root.getAttribute('IssueInstant')!) + 1000));
    } else {
      throw idpError('builder/invalid', 'nothing signed is visible to tamper with (encrypted, response unsigned)');
    }
    return serialize(doc);
  }
}

function renderAttribute(a: SamlAttribute, value: (v: string) => XmlNode): XmlElement {
  const format = a.nameFormat ? (a.nameFormat in ATTRNAME_FORMAT ? ATTRNAME_FORMAT[a.nameFormat as AttrNameFormatName] : a.nameFormat) : undefined;
  const values = a.values.map((v) => el('saml:AttributeValue', NS.assertion, [['xsi:type', 'xs:string', NS.xsi]], [value(v)]));
  return el(
    'saml:Attribute',
    NS.assertion,
    [
      ['Name', a.name],
      ['NameFormat', format],
      ['FriendlyName', a.friendlyName || undefined],
    ],
    values,
  );
}

/** The classic XXE probe: an external entity pointing at a local file, referenced where an SP reads text. */
function injectDoctype(xml: string): string {
  const withEntity = xml.replace(/(<saml:AttributeValue[^>]*>)/, '$1&xxe;');
  const referenced = withEntity !== xml ? withEntity : xml.replace(/(<saml:Issuer>)/, '$1&xxe;');
  return prependDoctype(referenced, '<!ENTITY xxe SYSTEM "file:///etc/passwd">');
}

export function responseBuilder(ctx: BuilderContext): ResponseBuilder {
  return new ResponseBuilder(ctx);
}
