/*
 * The two Single Logout messages as the mock IdP writes them (SAML Core §3.7):
 * - <samlp:LogoutRequest> (§3.7.1): ID, Version 2.0, IssueInstant, Destination, NotOnOrAfter (the time after
 *   which the request is void), the IdP as Issuer, the principal's NameID exactly as the assertion carried it
 *   (§3.7.1: "MUST be … the same … as the identifier in the assertion"), one SessionIndex per session (§3.7.1)
 * - <samlp:LogoutResponse> (§3.7.2, a StatusResponseType §3.2.2): InResponseTo the request, a top-level
 *   StatusCode, optionally a second-level one (PartialLogout, §3.7.3.2), and a StatusMessage that only ever
 *   holds a stable code of ours, never text a sender chose
 * Hand-written rather than taken from samlify: deviations (./deviations/) must be able to set every field to
 * a wrong value, which a library that enforces the spec on its own output will not do.
 */
import { NS } from '../namespaces.ts';
import { escapeXml, newId } from '../xml.ts';

/** saml-core §3.2.2.2 top-level and second-level status codes used by logout. */
export const LOGOUT_STATUS = {
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
  responder: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
  partialLogout: 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout',
  requestDenied: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied',
  unknownPrincipal: 'urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal',
} as const;

export interface LogoutRequestFields {
  readonly id?: string;
  readonly issuer: string;
  readonly destination: string;
  readonly issueInstant: Date;
  readonly notOnOrAfter: Date;
  readonly nameId: string;
  readonly nameIdFormat?: string | undefined;
  readonly sessionIndexes: readonly string[];
}

export interface LogoutResponseFields {
  readonly id?: string;
  readonly issuer: string;
  readonly destination: string;
  readonly issueInstant: Date;
  readonly inResponseTo: string;
  readonly status: string;
  readonly subStatus?: string | undefined;
  /** A stable code of ours (e.g. logout/session-index), never sender-supplied text. */
  readonly statusMessage?: string | undefined;
}

const open = (name: string, attributes: Record<string, string | undefined>) =>
  `<samlp:${name} xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"` +
  Object.entries(attributes)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('') +
  '>';

export function logoutRequestXml(f: LogoutRequestFields): { id: string; xml: string } {
  const id = f.id ?? newId();
  const format = f.nameIdFormat ? ` Format="${escapeXml(f.nameIdFormat)}"` : '';
  const xml =
    open('LogoutRequest', {
      ID: id,
      Version: '2.0',
      IssueInstant: f.issueInstant.toISOString(),
      Destination: f.destination,
      NotOnOrAfter: f.notOnOrAfter.toISOString(),
    }) +
    `<saml:Issuer>${escapeXml(f.issuer)}</saml:Issuer>` +
    `<saml:NameID${format}>${escapeXml(f.nameId)}</saml:NameID>` +
    f.sessionIndexes.map((s) => `<samlp:SessionIndex>${escapeXml(s)}</samlp:SessionIndex>`).join('') +
    `</samlp:LogoutRequest>`;
  return { id, xml };
}

export function logoutResponseXml(f: LogoutResponseFields): { id: string; xml: string } {
  const id = f.id ?? newId();
  const sub = f.subStatus ? `<samlp:StatusCode Value="${escapeXml(f.subStatus)}"/>` : '';
  const message = f.statusMessage ? `<samlp:StatusMessage>${escapeXml(f.statusMessage)}</samlp:StatusMessage>` : '';
  const xml =
    open('LogoutResponse', { ID: id, Version: '2.0', IssueInstant: f.issueInstant.toISOString(), Destination: f.destination, InResponseTo: f.inResponseTo }) +
    `<saml:Issuer>${escapeXml(f.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${escapeXml(f.status)}">${sub}</samlp:StatusCode>${message}</samlp:Status>` +
    `</samlp:LogoutResponse>`;
  return { id, xml };
}
