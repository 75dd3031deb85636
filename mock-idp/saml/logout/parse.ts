/*
 * Reads a logout message the IdP received (SAML Core §3.7.1 LogoutRequest, §3.7.2 LogoutResponse):
 * - the root must be samlp:LogoutRequest or samlp:LogoutResponse with an ID and Version="2.0" (§3.2.1, §3.2.2)
 * - Issuer is required: the IdP must know which SP sent it to authenticate it (Profiles §4.4.4.1)
 * - a LogoutRequest names its principal with exactly one NameID (§3.7.1; an EncryptedID is not supported and
 *   refused as malformed) and any number of SessionIndex elements, at most MAX_SESSION_INDEXES
 * - a LogoutResponse carries InResponseTo and a Status with a top-level StatusCode (§3.2.2)
 * Parsing is xmldom with no DTD (../xml.ts); what it reads is used only after the signature check.
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { childElements, firstChild, parseXml } from '../xml.ts';

/** A principal with more live sessions at one SP than this is not one we issued. */
export const MAX_SESSION_INDEXES = 16;

interface Common {
  readonly id: string;
  readonly issuer: string;
  readonly destination: string | undefined;
  readonly issueInstant: string | undefined;
  readonly doc: Document;
  readonly xml: string;
}

export interface ReceivedLogoutRequest extends Common {
  readonly kind: 'LogoutRequest';
  readonly notOnOrAfter: string | undefined;
  readonly nameId: string;
  readonly sessionIndexes: readonly string[];
}

export interface ReceivedLogoutResponse extends Common {
  readonly kind: 'LogoutResponse';
  readonly inResponseTo: string;
  readonly status: string;
  readonly subStatus: string | undefined;
  readonly statusMessage: string | undefined;
}

export type ReceivedLogoutMessage = ReceivedLogoutRequest | ReceivedLogoutResponse;

const malformed = (message: string) => idpError('logout/malformed', message);

export function parseLogoutMessage(xml: string): ReceivedLogoutMessage {
  const doc = parseXml(xml, 'logout message');
  const root = doc.documentElement!;
  const kind = root.localName;
  if (root.namespaceURI !== NS.protocol || (kind !== 'LogoutRequest' && kind !== 'LogoutResponse')) {
    throw malformed('expected samlp:LogoutRequest or samlp:LogoutResponse');
  }
  const id = root.getAttribute('ID');
  if (!id || root.getAttribute('Version') !== '2.0') throw malformed(`${kind} needs an ID and Version="2.0"`);
  const issuer = firstChild(root, NS.assertion, 'Issuer')?.textContent?.trim();
  if (!issuer) throw malformed(`${kind} has no Issuer`);
  const common = { id, issuer, destination: root.getAttribute('Destination') || undefined, issueInstant: root.getAttribute('IssueInstant') || undefined, doc, xml };
  if (kind === 'LogoutRequest') {
    const nameIds = childElements(root, NS.assertion, 'NameID');
    if (nameIds.length !== 1) throw malformed('LogoutRequest must name its principal with exactly one NameID');
    const sessionIndexes = childElements(root, NS.protocol, 'SessionIndex').map((e) => (e.textContent ?? '').trim());
    if (sessionIndexes.length > MAX_SESSION_INDEXES) throw malformed(`LogoutRequest carries more than ${MAX_SESSION_INDEXES} SessionIndex elements`);
    return { ...common, kind, notOnOrAfter: root.getAttribute('NotOnOrAfter') || undefined, nameId: (nameIds[0]!.textContent ?? '').trim(), sessionIndexes };
  }
  const inResponseTo = root.getAttribute('InResponseTo');
  if (!inResponseTo) throw malformed('LogoutResponse has no InResponseTo');
  const status = firstChild(root, NS.protocol, 'Status');
  const top = status ? firstChild(status, NS.protocol, 'StatusCode') : undefined;
  const value = top?.getAttribute('Value');
  if (!top || !value) throw malformed('LogoutResponse has no top-level StatusCode');
  const sub = firstChild(top, NS.protocol, 'StatusCode')?.getAttribute('Value') || undefined;
  const message = status ? firstChild(status, NS.protocol, 'StatusMessage')?.textContent?.trim() : undefined;
  return { ...common, kind, inResponseTo, status: value, subStatus: sub, statusMessage: message || undefined };
}
