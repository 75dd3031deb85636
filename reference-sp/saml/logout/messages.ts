/*
 * The logout messages the reference SP writes (SAML Core §3.7):
 * - LogoutRequest (§3.7.1): NotOnOrAfter a few minutes ahead, the SP as Issuer, the NameID exactly as the
 *   assertion carried it (value and Format), and the session's SessionIndex (§3.7.1: "the SessionIndex … of
 *   the session … to be terminated"), so the IdP ends that session and no other;
 * - LogoutResponse (§3.7.2): InResponseTo the IdP's request, a top-level StatusCode and, on refusal, a
 *   second-level one and the rejection's stable code as StatusMessage.
 */
import { newRequestId } from '../authn-request.ts';
import { escapeXml } from '../xml.ts';

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

export interface SpLogoutRequest {
  readonly issuer: string;
  readonly destination: string;
  readonly now: Date;
  readonly validForSeconds: number;
  readonly nameId: string;
  readonly nameIdFormat: string | undefined;
  readonly sessionIndex: string | undefined;
}

export function spLogoutRequest(r: SpLogoutRequest): { id: string; xml: string } {
  const id = newRequestId();
  const format = r.nameIdFormat ? ` Format="${escapeXml(r.nameIdFormat)}"` : '';
  const notOnOrAfter = new Date(r.now.getTime() + r.validForSeconds * 1000).toISOString();
  return {
    id,
    xml:
      `<samlp:LogoutRequest xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${id}" Version="2.0" IssueInstant="${r.now.toISOString()}"` +
      ` Destination="${escapeXml(r.destination)}" NotOnOrAfter="${notOnOrAfter}">` +
      `<saml:Issuer>${escapeXml(r.issuer)}</saml:Issuer><saml:NameID${format}>${escapeXml(r.nameId)}</saml:NameID>` +
      (r.sessionIndex ? `<samlp:SessionIndex>${escapeXml(r.sessionIndex)}</samlp:SessionIndex>` : '') +
      `</samlp:LogoutRequest>`,
  };
}

export interface SpLogoutResponse {
  readonly issuer: string;
  readonly destination: string;
  readonly now: Date;
  readonly inResponseTo: string | undefined;
  readonly status: string;
  readonly subStatus?: string | undefined;
  readonly code?: string | undefined;
}

export function spLogoutResponse(r: SpLogoutResponse): { id: string; xml: string } {
  const id = newRequestId();
  const inner = r.subStatus ? `<samlp:StatusCode Value="${r.subStatus}"/>` : '';
  return {
    id,
    xml:
      `<samlp:LogoutResponse xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${id}" Version="2.0" IssueInstant="${r.now.toISOString()}"` +
      ` Destination="${escapeXml(r.destination)}"${r.inResponseTo ? ` InResponseTo="${escapeXml(r.inResponseTo)}"` : ''}>` +
      `<saml:Issuer>${escapeXml(r.issuer)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="${r.status}">${inner}</samlp:StatusCode>` +
      (r.code ? `<samlp:StatusMessage>${escapeXml(r.code)}</samlp:StatusMessage>` : '') +
      `</samlp:Status></samlp:LogoutResponse>`,
  };
}
