/*
 * What the SP asks the IdP to send, from its metadata's AttributeConsumingService (saml-metadata §2.4.4.1):
 * - every md:RequestedAttribute of the default service (isDefault="true", else the first), with isRequired
 * - each name is mapped to the directory field that fills it (email, given name, surname, display name, groups,
 *   login) by the usual spellings — bare names (`email`, `firstName`), Entra/ADFS claim URIs
 *   (`…/claims/emailaddress`, `…/givenname`) and OIDs (`urn:oid:0.9.2342.19200300.100.1.3`)
 * The certify IdP sends exactly these, so the attribute tests can leave one out or misspell it.
 */
import type { AttributeStatement } from '../../mock-idp/index.ts';
import { NS } from '../../mock-idp/saml/namespaces.ts';
import { childElements } from '../../mock-idp/saml/xml.ts';

export interface RequestedAttribute {
  readonly name: string;
  readonly required: boolean;
  readonly nameFormat: string | undefined;
}

export function requestedAttributes(spDescriptor: Element): RequestedAttribute[] {
  const services = childElements(spDescriptor, NS.metadata, 'AttributeConsumingService');
  const service = services.find((s) => s.getAttribute('isDefault') === 'true') ?? services[0];
  if (!service) return [];
  return childElements(service, NS.metadata, 'RequestedAttribute')
    .map((a) => ({ name: a.getAttribute('Name') ?? '', required: a.getAttribute('isRequired') === 'true', nameFormat: a.getAttribute('NameFormat') || undefined }))
    .filter((a) => a.name !== '');
}

type Field = NonNullable<AttributeStatement['from']>;

const OIDS: Record<string, Field> = {
  'urn:oid:0.9.2342.19200300.100.1.3': 'email',
  'urn:oid:2.5.4.42': 'givenName',
  'urn:oid:2.5.4.4': 'surname',
  'urn:oid:2.16.840.1.113730.3.1.241': 'displayName',
  'urn:oid:0.9.2342.19200300.100.1.1': 'login',
};

/** The directory field a requested attribute name stands for; the login when nothing fits. */
export function fieldFor(name: string): Field {
  if (OIDS[name]) return OIDS[name];
  const last = (name.split(/[/#:]/).pop() ?? name).toLowerCase().replace(/[^a-z]/g, '');
  if (last.includes('mail')) return 'email';
  if (last.includes('given') || last.startsWith('first')) return 'givenName';
  if (last.includes('surname') || last.startsWith('last') || last.startsWith('family') || last === 'sn') return 'surname';
  if (last.includes('group') || last === 'role' || last === 'roles') return 'groups';
  if (last.includes('display') || last === 'name' || last === 'fullname' || last === 'cn') return 'displayName';
  return 'login';
}

/** Attribute statements for the certify IdP: one per requested attribute, named exactly as the SP asked. */
export function statementsFor(requested: readonly RequestedAttribute[]): AttributeStatement[] {
  return requested.map((a) => ({ name: a.name, from: fieldFor(a.name), ...(a.nameFormat ? { nameFormat: a.nameFormat } : {}) }));
}

/** A realistic misspelling: the last two letters swapped ("email" → "emali"), never a case change. */
export function misspell(name: string): string {
  const swapped = `${name.slice(0, -2)}${name.at(-1) ?? ''}${name.at(-2) ?? ''}`;
  return swapped === name || name.length < 2 ? `${name}x` : swapped;
}
