/*
 * Presets name claims the way real IdPs do out of the box (sources in docs/mock-idp.md):
 * - entra: WS-Federation claim URIs, no NameFormat; groups capped at 150 in a SAML token, and when a user is in
 *   more, the groups claim is replaced by the groups.link overage claim (Microsoft Learn, "Configure group claims
 *   for applications by using Microsoft Entra ID"); the overage applies whatever the group claim is named, so an
 *   Entra app whose claims are renamed (explicit statements, e.g. SonarQube's `groups`) gets it too (entraStatements)
 * - okta: the attribute statement names Okta's guides use (email, firstName, lastName, groups), NameFormat
 *   unspecified (Okta's default), NameID = Okta username, format unspecified
 * - jumpcloud: JumpCloud's user attribute names (email, firstname, lastname, username) and its group attribute
 *   memberOf
 * - onelogin: the SAML Test Connector's parameters (User.email, User.FirstName, User.LastName, memberOf,
 *   PersonImmutableID)
 * A preset also says which NameID the IdP sends by default.
 */
import type { SamlAttribute } from '../assertion-builder/builder.ts';
import type { NameIdFormatName } from '../namespaces.ts';
import { applyStatements, type AttributeStatement } from './custom-statements.ts';
import { fieldValues, type DirectoryUser, type UserField } from './directory-user.ts';

export const PRESET_NAMES = ['entra', 'okta', 'jumpcloud', 'onelogin'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface PresetContext {
  /** Entra tenant ID used in tenantid / identityprovider / groups.link; a fixed example GUID by default. */
  readonly tenantId?: string | undefined;
}

export interface Preset {
  readonly name: PresetName;
  readonly nameId: { readonly from: UserField; readonly format: NameIdFormatName };
  attributes(user: DirectoryUser, context?: PresetContext): SamlAttribute[];
}

export const ENTRA_CLAIMS = {
  emailaddress: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  givenname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  surname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  displayname: 'http://schemas.microsoft.com/identity/claims/displayname',
  objectidentifier: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  tenantid: 'http://schemas.microsoft.com/identity/claims/tenantid',
  identityprovider: 'http://schemas.microsoft.com/identity/claims/identityprovider',
  authnmethodsreferences: 'http://schemas.microsoft.com/claims/authnmethodsreferences',
  groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  groupsLink: 'http://schemas.microsoft.com/claims/groups.link',
} as const;

/** Entra emits at most this many groups in a SAML assertion, then the overage claim instead. */
export const ENTRA_SAML_GROUP_LIMIT = 150;
export const EXAMPLE_TENANT_ID = '72f988bf-0000-4000-8000-2d7cd011db47';

function plain(name: string, values: string[], nameFormat?: string): SamlAttribute {
  return nameFormat ? { name, values, nameFormat } : { name, values };
}

const entra: Preset = {
  name: 'entra',
  nameId: { from: 'login', format: 'emailAddress' },
  attributes(user, context = {}) {
    const tenant = context.tenantId ?? EXAMPLE_TENANT_ID;
    const oid = user.id ?? user.login;
    const out: SamlAttribute[] = [
      plain(ENTRA_CLAIMS.tenantid, [tenant]),
      plain(ENTRA_CLAIMS.objectidentifier, [oid]),
      plain(ENTRA_CLAIMS.displayname, [user.displayName]),
      plain(ENTRA_CLAIMS.identityprovider, [`https://sts.windows.net/${tenant}/`]),
      plain(ENTRA_CLAIMS.authnmethodsreferences, ['http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password']),
      plain(ENTRA_CLAIMS.emailaddress, [user.email]),
      plain(ENTRA_CLAIMS.givenname, [user.givenName]),
      plain(ENTRA_CLAIMS.surname, [user.surname]),
      plain(ENTRA_CLAIMS.name, [user.login]),
    ];
    const overage = entraGroupOverage(user, context);
    if (overage) out.push(overage);
    else if (user.groups.length > 0) out.push(plain(ENTRA_CLAIMS.groups, [...user.groups]));
    return out;
  },
};

/** Past ENTRA_SAML_GROUP_LIMIT groups, Entra's groups.link overage claim (pointing at Microsoft Graph); else none. */
export function entraGroupOverage(user: DirectoryUser, context: PresetContext = {}): SamlAttribute | undefined {
  if (user.groups.length <= ENTRA_SAML_GROUP_LIMIT) return undefined;
  const tenant = context.tenantId ?? EXAMPLE_TENANT_ID;
  return plain(ENTRA_CLAIMS.groupsLink, [`https://graph.windows.net/${tenant}/users/${user.id ?? user.login}/getMemberObjects`]);
}

/**
 * An Entra app's own claims (the namespaced ones removed, others added under the names a vendor asks for): past
 * the limit, every claim whose source is the user's groups is left out and groups.link is sent instead, whatever
 * that group claim is named.
 */
export function entraStatements(user: DirectoryUser, statements: readonly AttributeStatement[], context: PresetContext = {}): SamlAttribute[] {
  const overage = entraGroupOverage(user, context);
  if (!overage) return applyStatements(user, statements);
  return [
    ...applyStatements(
      user,
      statements.filter((s) => s.from !== 'groups'),
    ),
    overage,
  ];
}

const UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';

function simplePreset(name: PresetName, nameId: Preset['nameId'], nameFormat: string | undefined, map: [string, UserField][]): Preset {
  return {
    name,
    nameId,
    attributes: (user) => map.map(([attr, field]) => plain(attr, fieldValues(user, field), nameFormat)).filter((a) => a.values.length > 0),
  };
}

const okta = simplePreset('okta', { from: 'login', format: 'unspecified' }, UNSPECIFIED, [
  ['email', 'email'],
  ['firstName', 'givenName'],
  ['lastName', 'surname'],
  ['groups', 'groups'],
]);

const jumpcloud = simplePreset('jumpcloud', { from: 'email', format: 'emailAddress' }, BASIC, [
  ['email', 'email'],
  ['firstname', 'givenName'],
  ['lastname', 'surname'],
  ['username', 'login'],
  ['memberOf', 'groups'],
]);

const onelogin = simplePreset('onelogin', { from: 'email', format: 'emailAddress' }, BASIC, [
  ['User.email', 'email'],
  ['User.FirstName', 'givenName'],
  ['User.LastName', 'surname'],
  ['PersonImmutableID', 'login'],
  ['memberOf', 'groups'],
]);

export const PRESETS: Record<PresetName, Preset> = { entra, okta, jumpcloud, onelogin };

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}
