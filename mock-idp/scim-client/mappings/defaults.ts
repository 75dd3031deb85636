/*
 * The mappings and target attribute list Entra ships for a non-gallery SCIM app ("customappsso" / "scim"
 * job), as documented in "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID"
 * (learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups). Returned as
 * fresh copies so they can be edited.
 */
import { ENTERPRISE_USER_URN } from './target-path.ts';
import type { AttributeMappingInput, TargetAttribute } from './types.ts';

const ENT = ENTERPRISE_USER_URN;

export function defaultUserMappings(): AttributeMappingInput[] {
  return [
    { source: 'userPrincipalName', target: 'userName', matchingPrecedence: 1 },
    { expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', target: 'active' },
    { source: 'displayName', target: 'displayName' },
    { source: 'jobTitle', target: 'title' },
    { source: 'mail', target: 'emails[type eq "work"].value' },
    { source: 'preferredLanguage', target: 'preferredLanguage' },
    { source: 'givenName', target: 'name.givenName' },
    { source: 'surname', target: 'name.familyName' },
    { expression: 'Join(" ", [givenName], [surname])', target: 'name.formatted' },
    { source: 'physicalDeliveryOfficeName', target: 'addresses[type eq "work"].formatted' },
    { source: 'streetAddress', target: 'addresses[type eq "work"].streetAddress' },
    { source: 'city', target: 'addresses[type eq "work"].locality' },
    { source: 'state', target: 'addresses[type eq "work"].region' },
    { source: 'postalCode', target: 'addresses[type eq "work"].postalCode' },
    { source: 'country', target: 'addresses[type eq "work"].country' },
    { source: 'telephoneNumber', target: 'phoneNumbers[type eq "work"].value' },
    { source: 'mobile', target: 'phoneNumbers[type eq "mobile"].value' },
    { source: 'facsimileTelephoneNumber', target: 'phoneNumbers[type eq "fax"].value' },
    { source: 'mailNickname', target: 'externalId' },
    { source: 'employeeId', target: `${ENT}:employeeNumber` },
    { source: 'department', target: `${ENT}:department` },
    { source: 'manager', target: `${ENT}:manager` },
  ];
}

export function defaultGroupMappings(): AttributeMappingInput[] {
  return [
    { source: 'displayName', target: 'displayName', matchingPrecedence: 1 },
    { source: 'objectId', target: 'externalId' },
    { source: 'members', target: 'members' },
  ];
}

const s = (name: string, extra: Partial<TargetAttribute> = {}): TargetAttribute => ({ name, type: 'String', ...extra });

/** The customappsso user attribute list (what "Edit attribute list" shows before any edit). */
export function defaultUserAttributes(): TargetAttribute[] {
  return [
    s('userName', { required: true }),
    { name: 'active', type: 'Boolean' },
    s('displayName'),
    s('title'),
    s('preferredLanguage'),
    s('nickName'),
    s('userType'),
    s('locale'),
    s('timezone'),
    s('emails[type eq "work"].value'),
    s('emails[type eq "home"].value'),
    s('emails[type eq "other"].value'),
    s('name.givenName'),
    s('name.familyName'),
    s('name.formatted'),
    s('name.middleName'),
    s('name.honorificPrefix'),
    s('name.honorificSuffix'),
    s('addresses[type eq "work"].formatted'),
    s('addresses[type eq "work"].streetAddress'),
    s('addresses[type eq "work"].locality'),
    s('addresses[type eq "work"].region'),
    s('addresses[type eq "work"].postalCode'),
    s('addresses[type eq "work"].country'),
    s('phoneNumbers[type eq "work"].value'),
    s('phoneNumbers[type eq "mobile"].value'),
    s('phoneNumbers[type eq "fax"].value'),
    s('externalId'),
    s(`${ENT}:employeeNumber`),
    s(`${ENT}:department`),
    s(`${ENT}:costCenter`),
    s(`${ENT}:organization`),
    s(`${ENT}:division`),
    { name: `${ENT}:manager`, type: 'Reference' },
  ];
}

export function defaultGroupAttributes(): TargetAttribute[] {
  return [s('displayName', { required: true }), s('externalId'), { name: 'members', type: 'Reference', multiValued: true }];
}
