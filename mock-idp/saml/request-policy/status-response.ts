/*
 * A Response that refuses an AuthnRequest (SAML Core §3.2.2, §3.2.2.2; Web SSO profile, SAML Profiles §4.1.4.2:
 * "the <Response> … MUST contain a <Status> … If the identity provider wishes to return an error, it MUST NOT
 * include any assertions"): Issuer, a two-level Status, no Assertion, sent to the ACS by HTTP-POST like any
 * answer. Destination and InResponseTo tie it to the request; the Response is signed (enveloped, ../sign) so the
 * SP can trust the refusal as much as a success.
 */
import { xsDateTime } from '../assertion-builder/duration.ts';
import type { BuiltResponse } from '../assertion-builder/builder.ts';
import type { IdpKeys } from '../keys/key-store.ts';
import { NS, type SignatureAlgorithmName } from '../namespaces.ts';
import { signElement } from '../sign/sign-element.ts';
import { escapeXml, newId } from '../xml.ts';
import { SUB_STATUS, TOP_STATUS, type PolicyRefusal } from './status.ts';

export interface StatusResponseInput {
  readonly issuer: string;
  readonly destination: string;
  readonly inResponseTo: string;
  readonly refusal: PolicyRefusal;
  readonly now: Date;
  readonly keys: IdpKeys;
  readonly algorithm: SignatureAlgorithmName;
}

export function statusResponse(input: StatusResponseInput): BuiltResponse {
  const id = newId();
  const unsigned =
    `<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${id}" Version="2.0"` +
    ` IssueInstant="${xsDateTime(input.now.getTime())}" Destination="${escapeXml(input.destination)}" InResponseTo="${escapeXml(input.inResponseTo)}">` +
    `<saml:Issuer>${escapeXml(input.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${TOP_STATUS[input.refusal.top]}"><samlp:StatusCode Value="${SUB_STATUS[input.refusal.sub]}"/></samlp:StatusCode></samlp:Status>` +
    `</samlp:Response>`;
  const xml = signElement(unsigned, { id, localName: 'Response', key: input.keys.signing, algorithm: input.algorithm });
  return { xml, base64: Buffer.from(xml, 'utf8').toString('base64'), responseId: id, assertionId: '' };
}
