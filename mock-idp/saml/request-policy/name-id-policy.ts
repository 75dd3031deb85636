/*
 * <samlp:NameIDPolicy> (SAML Core §3.4.1.1): which NameID format the SP asked for, and whether this IdP can give it.
 * - Format absent or unspecified: the IdP chooses (the SP's registration, else its preset)
 * - emailAddress, persistent, transient: honoured unless the SP's registration at the IdP pins another specific
 *   format (an app configured for one identifier, as Okta's "Name ID format" field is); any other format URI
 *   (X509SubjectName, kerberos, entity, encrypted …) is one this IdP cannot produce → Requester/InvalidNameIDPolicy
 * - SPNameQualifier: honoured when it names the requesting SP itself; another SP or an affiliation is a namespace
 *   this IdP has none of → InvalidNameIDPolicy
 * - AllowCreate (Core: "false" when absent): the IdP keeps which users it has given a persistent identifier for
 *   which SP (./persistent-identifiers.ts). A persistent NameID is refused with InvalidNameIDPolicy when the
 *   request says AllowCreate="false" (or leaves it out) and this user has no persistent identifier for this SP
 *   yet; issuing one with creation allowed (or by the IdP's own choice, without a NameIDPolicy) establishes it.
 *   The rule reads AllowCreate for persistent identifiers only: an email address or a transient identifier is
 *   not "created" for the SP (the SAML errata E12 reading of §3.4.1.1).
 */
import { NAMEID_FORMAT, NS, type NameIdFormatName } from '../namespaces.ts';
import { firstChild } from '../xml.ts';
import { refuse } from './status.ts';

export interface NameIdPolicyRequest {
  readonly format: string | undefined;
  readonly allowCreate: boolean;
  readonly spNameQualifier: string | undefined;
}

export function readNameIdPolicy(authnRequest: Element): NameIdPolicyRequest | undefined {
  const el = firstChild(authnRequest, NS.protocol, 'NameIDPolicy');
  if (!el) return undefined;
  const allowCreate = el.getAttribute('AllowCreate');
  return {
    format: el.getAttribute('Format') || undefined,
    allowCreate: allowCreate === 'true' || allowCreate === '1',
    spNameQualifier: el.getAttribute('SPNameQualifier') || undefined,
  };
}

/**
 * The format the SP's NameIDPolicy makes the IdP use for this SP: undefined leaves the choice to the IdP.
 * Throws a PolicyRefusal (InvalidNameIDPolicy) when the IdP cannot honour it.
 */
export function formatForPolicy(
  policy: NameIdPolicyRequest | undefined,
  sp: { readonly entityId: string; readonly nameIdFormat: NameIdFormatName | undefined },
): NameIdFormatName | undefined {
  if (!policy) return undefined;
  if (policy.spNameQualifier !== undefined && policy.spNameQualifier !== sp.entityId) throw refuse('InvalidNameIDPolicy');
  if (policy.format === undefined || policy.format === NAMEID_FORMAT.unspecified) return undefined;
  const name = (Object.keys(NAMEID_FORMAT) as NameIdFormatName[]).find((k) => NAMEID_FORMAT[k] === policy.format);
  if (name === undefined) throw refuse('InvalidNameIDPolicy');
  if (sp.nameIdFormat !== undefined && sp.nameIdFormat !== 'unspecified' && sp.nameIdFormat !== name) throw refuse('InvalidNameIDPolicy');
  return name;
}

/** AllowCreate: a persistent identifier that does not exist yet may be created only when the request allows it. */
export function checkAllowCreate(policy: NameIdPolicyRequest | undefined, issuedFormat: string, established: boolean): void {
  if (policy && !policy.allowCreate && issuedFormat === NAMEID_FORMAT.persistent && !established) throw refuse('InvalidNameIDPolicy');
}
