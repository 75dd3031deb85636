/*
 * Reads an AuthnRequest (saml-core §3.4.1) into what the IdP needs:
 * - root must be samlp:AuthnRequest with an ID and Version="2.0" (§3.2.1)
 * - Issuer names the SP (required here: the Web SSO profile requires it, saml-profiles §4.1.4.1)
 * - AssertionConsumerServiceURL / AssertionConsumerServiceIndex / ProtocolBinding, NameIDPolicy/@Format
 * - a DOCTYPE is refused (no DTD processing at all)
 * - NameIDPolicy and RequestedAuthnContext, read by ../request-policy/ (saml-core §3.4.1.1, §3.3.2.2.1)
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { firstChild, parseXml } from '../xml.ts';
import { readNameIdPolicy, type NameIdPolicyRequest } from '../request-policy/name-id-policy.ts';
import { readRequestedAuthnContext, type RequestedAuthnContext } from '../request-policy/requested-authn-context.ts';

export interface AuthnRequestInfo {
  readonly id: string;
  readonly issuer: string;
  readonly issueInstant: string | undefined;
  readonly destination: string | undefined;
  readonly acsUrl: string | undefined;
  readonly acsIndex: number | undefined;
  readonly protocolBinding: string | undefined;
  readonly nameIdPolicyFormat: string | undefined;
  readonly forceAuthn: boolean;
  readonly isPassive: boolean;
  /** <samlp:NameIDPolicy> as sent (../request-policy/name-id-policy.ts). */
  readonly nameIdPolicy?: NameIdPolicyRequest | undefined;
  /** <samlp:RequestedAuthnContext> as sent (../request-policy/requested-authn-context.ts). */
  readonly requestedAuthnContext?: RequestedAuthnContext | undefined;
  /** The parsed document, for an enveloped-signature check (HTTP-POST binding). */
  readonly doc: Document;
  readonly xml: string;
}

export function parseAuthnRequest(xml: string): AuthnRequestInfo {
  const doc = parseXml(xml, 'AuthnRequest');
  const root = doc.documentElement!;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'AuthnRequest') {
    throw idpError('request/not-authn-request', `expected samlp:AuthnRequest, got ${root.nodeName}`);
  }
  const id = root.getAttribute('ID');
  if (!id) throw idpError('request/not-authn-request', 'AuthnRequest has no ID');
  if (root.getAttribute('Version') !== '2.0') throw idpError('request/not-authn-request', 'AuthnRequest Version must be 2.0');
  const issuer = firstChild(root, NS.assertion, 'Issuer')?.textContent?.trim();
  if (!issuer) throw idpError('request/not-authn-request', 'AuthnRequest has no Issuer');
  const indexAttr = root.getAttribute('AssertionConsumerServiceIndex');
  const acsIndex = indexAttr !== null && indexAttr !== '' ? Number(indexAttr) : undefined;
  if (acsIndex !== undefined && !Number.isInteger(acsIndex)) {
    throw idpError('request/not-authn-request', 'AssertionConsumerServiceIndex is not an integer');
  }
  const attr = (name: string) => root.getAttribute(name) || undefined;
  return {
    id,
    issuer,
    issueInstant: attr('IssueInstant'),
    destination: attr('Destination'),
    acsUrl: attr('AssertionConsumerServiceURL'),
    acsIndex,
    protocolBinding: attr('ProtocolBinding'),
    nameIdPolicyFormat: firstChild(root, NS.protocol, 'NameIDPolicy')?.getAttribute('Format') || undefined,
    forceAuthn: root.getAttribute('ForceAuthn') === 'true',
    isPassive: root.getAttribute('IsPassive') === 'true',
    nameIdPolicy: readNameIdPolicy(root),
    requestedAuthnContext: readRequestedAuthnContext(root),
    doc,
    xml,
  };
}
