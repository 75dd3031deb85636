/*
 * Every request Microsoft documents the Entra provisioning service sending to a SCIM endpoint, as the article
 * prints it (request line and JSON body), with the article, its date and the section heading; the step of the
 * simulator that sends the same request (./steps.ts) with the source values that reproduce the example's values;
 * and the differences we keep on purpose, each with its reason. ../fidelity.test.ts replays every entry;
 * docs/provisioning.md ("Fidelity to Microsoft's documented requests") is the same table for people.
 *
 * Articles (learn.microsoft.com, read from MicrosoftDocs/entra-docs, docs/identity/app-provisioning/):
 * - TUTORIAL  "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID", ms.date 2025-03-04
 * - COMPLIANCE "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user
 *   provisioning service", ms.date 2025-04-15 — the newer one: where the two contradict each other, we follow it
 *   and keep the tutorial's example in the table with the difference listed as deliberate
 * - HOW "How Application Provisioning works in Microsoft Entra ID", ms.date 2025-03-04 (prose only: it says which
 *   request is sent, the compliance article prints it)
 *
 * Per-run values (ids a server assigns, GUIDs) are compared as `{id}` (../../fidelity/normalise.ts); everything
 * else is compared as printed. An example whose request line the article does not print says so
 * (`requestLinePrinted: false`) and carries the request line its context implies.
 */
import type { DocumentedRequest, DocumentSource } from '../../fidelity/documented-request.ts';
import type { PatchBehaviour } from '../../http/tenant-url.ts';
import type { EntraStep, StepParams } from './steps.ts';

export type EntraDocumentedRequest = DocumentedRequest<EntraStep, PatchBehaviour> & { readonly params: StepParams };

const TUTORIAL = {
  article: 'Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID',
  url: 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
  articleDate: '2025-03-04',
} as const;
const COMPLIANCE = {
  article: 'Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning service',
  url: 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility',
  articleDate: '2025-04-15',
} as const;
const HOW = {
  article: 'How Application Provisioning works in Microsoft Entra ID',
  url: 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works',
  articleDate: '2025-03-04',
} as const;

const at = (source: Omit<DocumentSource, 'section'>, section: string): DocumentSource => ({ ...source, section });
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A user with values for every attribute the compliance article's "replace multiple attributes" pair changes. */
const replaceMultipleUser = {
  userPrincipalName: 'bjensen@testuser.com',
  displayName: 'Before',
  mail: 'before@test.microsoft.com',
  givenName: 'Before',
  surname: 'Before',
  mailNickname: 'before',
  employeeId: 'before',
};

/** The request that disables a user, in each PATCH behaviour (compliance article, "Requests made to disable users"). */
const disableBody = {
  legacy: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
  compliant: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] },
} as const;

const WHY_COMPLIANCE_DISABLE =
  'The tutorial mixes the two behaviours (capitalised "Replace" with a boolean). The newer compliance article ' +
  '(2025-04-15, "Flags to alter the SCIM behavior") documents the legacy request as "Replace" with the string ' +
  '"False" and the aadOptscim062020 request as "replace" with false; the simulator follows it.';

export const entraDocumentedRequests: readonly EntraDocumentedRequest[] = [
  // ------------------------------------------------------------------ Test Connection and lookups
  {
    id: 'entra/tutorial/test-connection',
    client: 'entra',
    step: 'test-connection',
    behaviour: 'compliant',
    summary: 'Test Connection: a filter on the matching attribute with a random GUID; 200 and an empty ListResponse expected',
    source: at(TUTORIAL, 'Integrate your SCIM endpoint with the Microsoft Entra provisioning service › Getting started (note under "Test Connection")'),
    documented: { requestLine: 'GET /Users?filter=userName eq "a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1"', requestLinePrinted: false },
    params: {},
  },
  {
    id: 'entra/tutorial/get-user-by-query',
    client: 'entra',
    step: 'find-user',
    behaviour: 'compliant',
    summary: 'Get User by query: GET /Users with a userName eq filter, value quoted',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › User Operations › Get User by query'),
    documented: { requestLine: 'GET /Users?filter=userName eq "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee"', requestLinePrinted: true },
    params: { user: { userPrincipalName: 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee' } },
  },
  {
    id: 'entra/tutorial/get-user-by-query-zero-results',
    client: 'entra',
    step: 'find-user',
    behaviour: 'compliant',
    summary: 'Get User by query - Zero results: the same filter for a user the endpoint does not have',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › User Operations › Get User by query - Zero results'),
    documented: { requestLine: 'GET /Users?filter=userName eq "non-existent user"', requestLinePrinted: true },
    params: { user: { userPrincipalName: 'non-existent user' } },
  },
  {
    id: 'entra/tutorial/example-1-query-by-externalId',
    client: 'entra',
    step: 'find-user',
    behaviour: 'compliant',
    summary: 'Example 1: a lookup on externalId (mailNickname) when it is the matching attribute',
    source: at(TUTORIAL, 'Build a SCIM endpoint › Handling provisioning and deprovisioning of users › Example 1. Query the service for a matching user'),
    documented: { requestLine: 'GET https://.../scim/Users?filter=externalId eq jyoung HTTP/1.1', requestLinePrinted: true },
    params: {
      user: { userPrincipalName: 'jyoung@testuser.com', mailNickname: 'jyoung' },
      userMappings: {
        mappings: [
          { source: 'mailNickname', target: 'externalId', matchingPrecedence: 1 },
          { source: 'userPrincipalName', target: 'userName' },
        ],
      },
    },
    deliberate: [
      {
        at: '/query/filter',
        reason:
          'The example prints the value unquoted; a filter value is a JSON string (RFC 7644 §3.4.2.2) and the same ' +
          "article's request examples quote it (Get User by query), so the simulator quotes it.",
      },
    ],
  },

  // ------------------------------------------------------------------ users
  {
    id: 'entra/tutorial/create-user',
    client: 'entra',
    step: 'create-user',
    behaviour: 'compliant',
    summary: 'Create User: core and enterprise URNs, emails[].primary true, meta.resourceType "User"',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › User Operations › Create User › Request'),
    documented: {
      requestLine: 'POST /Users',
      requestLinePrinted: true,
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        userName: 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
        active: true,
        emails: [{ primary: true, type: 'work', value: 'Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com' }],
        meta: { resourceType: 'User' },
        name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
        roles: [],
      },
    },
    params: {
      user: {
        userPrincipalName: 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
        mailNickname: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        mail: 'Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com',
        givenName: 'givenName',
        surname: 'familyName',
      },
    },
    deliberate: [
      {
        at: '/body/roles',
        reason:
          'The example carries an empty roles array; no mapping of the shipped customappsso set targets roles, so the ' +
          'simulator sends roles only when a mapping does (AppRoleAssignmentsComplex), and an empty multi-valued ' +
          'attribute is the same as an absent one (RFC 7643 §2.5).',
      },
    ],
  },
  {
    id: 'entra/tutorial/example-2-provision-user',
    client: 'entra',
    step: 'create-user',
    behaviour: 'compliant',
    summary: 'Example 2 (older sample): the create with null attributes',
    source: at(TUTORIAL, 'Build a SCIM endpoint › Handling provisioning and deprovisioning of users › Example 2. Provision a user'),
    documented: {
      requestLine: 'POST https://.../scim/Users HTTP/1.1',
      requestLinePrinted: true,
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],
        externalId: 'jyoung',
        userName: 'jyoung@testuser.com',
        active: true,
        addresses: null,
        displayName: 'Joy Young',
        emails: [{ type: 'work', value: 'jyoung@Contoso.com', primary: true }],
        meta: { resourceType: 'User' },
        name: { familyName: 'Young', givenName: 'Joy' },
        phoneNumbers: null,
        preferredLanguage: null,
        title: null,
        department: null,
        manager: null,
      },
    },
    params: {
      user: { userPrincipalName: 'jyoung@testuser.com', mailNickname: 'jyoung', displayName: 'Joy Young', mail: 'jyoung@Contoso.com', givenName: 'Joy', surname: 'Young' },
    },
    deliberate: [
      {
        at: '/body/schemas/1',
        reason: 'The sample misspells the enterprise URN ("enterprise:2.0User"); the Create User request example and RFC 7643 §4.3 spell it "enterprise:2.0:User".',
      },
      ...['addresses', 'phoneNumbers', 'preferredLanguage', 'title', 'department', 'manager'].map((name) => ({
        at: `/body/${name}`,
        reason:
          'The older sample sends attributes without a value as null (department and manager even outside the ' +
          'enterprise extension); the Create User request example sends none, and the same article asks "If a value ' +
          "isn't present, don't send null values\" (section /Schemas). The simulator omits them.",
      })),
      {
        at: '/body/name/formatted',
        reason:
          'The shipped customappsso mappings map Join(" ", [givenName], [surname]) to name.formatted, as the Create User request example shows; this older sample predates it.',
      },
    ],
  },
  {
    id: 'entra/tutorial/get-user',
    client: 'entra',
    step: 'get-user',
    behaviour: 'compliant',
    summary: 'Get User: GET /Users/{id} before an update',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › User Operations › Get User'),
    documented: { requestLine: 'GET /Users/5d48a0a8e9f04aa38008', requestLinePrinted: true },
    ids: ['5d48a0a8e9f04aa38008'],
    params: { user: { userPrincipalName: 'ada@testuser.com', jobTitle: 'Analyst' }, change: { jobTitle: 'Engineer' } },
  },
  {
    id: 'entra/tutorial/example-3-get-user',
    client: 'entra',
    step: 'get-user',
    behaviour: 'compliant',
    summary: 'Example 3: the same GET by id',
    source: at(TUTORIAL, 'Build a SCIM endpoint › Handling provisioning and deprovisioning of users › Example 3. Query the current state of a user'),
    documented: { requestLine: 'GET ~/scim/Users/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1 HTTP/1.1', requestLinePrinted: true },
    params: { user: { userPrincipalName: 'ada@testuser.com', jobTitle: 'Analyst' }, change: { jobTitle: 'Engineer' } },
  },
  {
    id: 'entra/tutorial/update-user-multi-valued',
    client: 'entra',
    step: 'update-user',
    behaviour: 'legacy',
    summary: 'Update User [Multi-valued properties]: one "Replace" per attribute, filtered path for the work email',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › User Operations › Update User [Multi-valued properties]'),
    documented: {
      requestLine: 'PATCH /Users/6764549bef60420686bc HTTP/1.1',
      requestLinePrinted: true,
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
          { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
        ],
      },
    },
    ids: ['6764549bef60420686bc'],
    params: {
      user: { userPrincipalName: 'u@testuser.com', mail: 'before@microsoft.com', givenName: 'givenName', surname: 'familyName' },
      change: { mail: 'updatedEmail@microsoft.com', surname: 'updatedFamilyName' },
      // The example changes two attributes; the preset's name.formatted (Join of givenName and surname) would add a third.
      userMappings: { remove: ['name.formatted'] },
    },
  },
  {
    id: 'entra/tutorial/update-user-single-valued',
    client: 'entra',
    step: 'update-user',
    behaviour: 'legacy',
    summary: 'Update User [Single-valued properties]: "Replace" userName',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › User Operations › Update User [Single-valued properties]'),
    documented: {
      requestLine: 'PATCH /Users/5171a35d82074e068ce2 HTTP/1.1',
      requestLinePrinted: true,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' }] },
    },
    ids: ['5171a35d82074e068ce2'],
    params: { user: { userPrincipalName: 'before@testuser.com' }, change: { userPrincipalName: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' } },
  },
  {
    id: 'entra/tutorial/disable-user',
    client: 'entra',
    step: 'unassign-user',
    behaviour: 'legacy',
    summary: 'Disable User: the tutorial prints "Replace" with the boolean false',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Disable User'),
    documented: {
      requestLine: 'PATCH /Users/5171a35d82074e068ce2 HTTP/1.1',
      requestLinePrinted: true,
      body: { Operations: [{ op: 'Replace', path: 'active', value: false }], schemas: [PATCH_OP] },
    },
    ids: ['5171a35d82074e068ce2'],
    params: { user: { userPrincipalName: 'ada@testuser.com' } },
    deliberate: [{ at: '/body/Operations/0/value', reason: WHY_COMPLIANCE_DISABLE }],
  },
  {
    id: 'entra/tutorial/delete-user',
    client: 'entra',
    step: 'delete-user',
    behaviour: 'compliant',
    summary: 'Delete User: DELETE /Users/{id} after a hard delete',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › User Operations › Delete User'),
    documented: { requestLine: 'DELETE /Users/5171a35d82074e068ce2 HTTP/1.1', requestLinePrinted: true },
    ids: ['5171a35d82074e068ce2'],
    params: { user: { userPrincipalName: 'ada@testuser.com' } },
  },
  {
    id: 'entra/tutorial/example-6-deprovision-user',
    client: 'entra',
    step: 'delete-user',
    behaviour: 'compliant',
    summary: 'Example 6: the same DELETE',
    source: at(TUTORIAL, 'Build a SCIM endpoint › Handling provisioning and deprovisioning of users › Example 6. Deprovision a user'),
    documented: { requestLine: 'DELETE ~/scim/Users/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1 HTTP/1.1', requestLinePrinted: true },
    params: { user: { userPrincipalName: 'ada@testuser.com' } },
  },
  {
    id: 'entra/tutorial/example-5-manager',
    client: 'entra',
    step: 'set-manager',
    behaviour: 'legacy',
    summary: 'Example 5: linking the manager in its own PATCH after the create',
    source: at(
      TUTORIAL,
      'Build a SCIM endpoint › Handling provisioning and deprovisioning of users › Example 5. Request from Microsoft Entra ID to an SCIM endpoint to update a user',
    ),
    documented: {
      requestLine: 'PATCH ~/scim/Users/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1 HTTP/1.1',
      requestLinePrinted: true,
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Add', path: 'manager', value: [{ $ref: 'http://.../scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee', value: '00aa00aa-bb11-cc22-dd33-44ee44ee44ee' }] },
        ],
      },
    },
    params: { manager: { userPrincipalName: 'boss@testuser.com' }, user: { userPrincipalName: 'jyoung@testuser.com' } },
    deliberate: [
      {
        at: '/body/Operations/0/path',
        reason:
          `The sample (written for Microsoft's SCIM reference library) patches "manager"; the same article maps the manager to ${ENT}:manager ` +
          '(section "Design your user and group schema", and the shipped mappings), and that target path is what the service sends.',
      },
      {
        at: '/body/Operations/0/value',
        reason:
          "The sample sends a $ref/value array; the service sends the manager's id as a bare string in both behaviours, as servers " +
          'receiving it report (Captain-P-Goldfish/SCIM-SDK issues 541 "Add" and 686 "add", 2023–2024). Strict servers refuse it; ' +
          'the simulator keeps that shape so they learn it here.',
      },
    ],
  },

  // ------------------------------------------------------------------ groups
  {
    id: 'entra/tutorial/create-group',
    client: 'entra',
    step: 'create-group',
    behaviour: 'compliant',
    summary: 'Create Group: the core and the ADSCIM Group URNs, meta.resourceType "Group", no members',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Group Operations › Create Group'),
    documented: {
      requestLine: 'POST /Groups HTTP/1.1',
      requestLinePrinted: true,
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
        displayName: 'displayName',
        meta: { resourceType: 'Group' },
      },
    },
    params: { group: { displayName: 'displayName', objectId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159' } },
  },
  {
    id: 'entra/tutorial/get-group',
    client: 'entra',
    step: 'get-group',
    behaviour: 'compliant',
    summary: 'Get Group: by id, excluding members',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Group Operations › Get Group'),
    documented: { requestLine: 'GET /Groups/40734ae655284ad3abcc?excludedAttributes=members HTTP/1.1', requestLinePrinted: true },
    ids: ['40734ae655284ad3abcc'],
    params: { group: { displayName: 'displayName' }, newName: 'renamed' },
  },
  {
    id: 'entra/tutorial/get-group-by-displayName',
    client: 'entra',
    step: 'find-group',
    behaviour: 'compliant',
    summary: 'Get Group by displayName: excludedAttributes=members and a displayName eq filter',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Group Operations › Get Group by displayName'),
    documented: { requestLine: 'GET /Groups?excludedAttributes=members&filter=displayName eq "displayName" HTTP/1.1', requestLinePrinted: true },
    params: { group: { displayName: 'displayName' } },
  },
  {
    id: 'entra/tutorial/update-group-non-member-attributes',
    client: 'entra',
    step: 'rename-group',
    behaviour: 'legacy',
    summary: 'Update Group [Non-member attributes]: "Replace" displayName',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Group Operations › Update Group [Non-member attributes]'),
    documented: {
      requestLine: 'PATCH /Groups/fa2ce26709934589afc5 HTTP/1.1',
      requestLinePrinted: true,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'displayName', value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' }] },
    },
    ids: ['fa2ce26709934589afc5'],
    params: { group: { displayName: 'displayName' }, newName: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' },
  },
  {
    id: 'entra/tutorial/update-group-add-members',
    client: 'entra',
    step: 'add-members',
    behaviour: 'legacy',
    summary: 'Update Group [Add Members]: "Add" members with {"$ref": null, "value": id}',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Update Group [Add Members]'),
    documented: {
      requestLine: 'PATCH /Groups/a99962b9f99d4c4fac67 HTTP/1.1',
      requestLinePrinted: true,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: 'f648f8d5ea4e4cd38e9c' }] }] },
    },
    ids: ['a99962b9f99d4c4fac67', 'f648f8d5ea4e4cd38e9c'],
    params: { group: { displayName: 'displayName' }, user: { userPrincipalName: 'ada@testuser.com' } },
  },
  {
    id: 'entra/tutorial/update-group-remove-members',
    client: 'entra',
    step: 'remove-members',
    behaviour: 'legacy',
    summary: 'Update Group [Remove Members]: the tutorial prints a $ref in the removed member',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Group Operations › Update Group [Remove Members]'),
    documented: {
      requestLine: 'PATCH /Groups/a99962b9f99d4c4fac67 HTTP/1.1',
      requestLinePrinted: true,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: 'f648f8d5ea4e4cd38e9c' }] }] },
    },
    ids: ['a99962b9f99d4c4fac67', 'f648f8d5ea4e4cd38e9c'],
    params: { group: { displayName: 'displayName' }, user: { userPrincipalName: 'ada@testuser.com' } },
    deliberate: [
      {
        at: '/body/Operations/0/value/0/$ref',
        reason:
          'The newer compliance article ("Requests made to remove a group member", without the flag) prints the legacy removal ' +
          'as {"value": id} without $ref; the simulator follows it.',
      },
    ],
  },
  {
    id: 'entra/tutorial/delete-group',
    client: 'entra',
    step: 'delete-group',
    behaviour: 'compliant',
    summary: 'Delete Group: DELETE /Groups/{id}',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Group Operations › Delete Group'),
    documented: { requestLine: 'DELETE /Groups/cdb1ce18f65944079d37 HTTP/1.1', requestLinePrinted: true },
    ids: ['cdb1ce18f65944079d37'],
    params: { group: { displayName: 'displayName' } },
  },
  {
    id: 'entra/tutorial/discover-schema',
    client: 'entra',
    step: 'discover-schema',
    behaviour: 'compliant',
    summary: 'Discover schema: GET /Schemas (gallery apps only)',
    source: at(TUTORIAL, 'SCIM protocol requests and responses › Schema discovery › Discover schema'),
    documented: { requestLine: 'GET /Schemas', requestLinePrinted: true },
    params: { user: { userPrincipalName: 'ada@testuser.com' } },
    deliberate: [
      {
        at: '',
        reason:
          'The same article ("/Schemas (Schema discovery)"): "Schema discovery isn\'t currently supported on custom non-gallery ' +
          'SCIM application"; the service requests /Schemas only for certain gallery apps, when the provisioning configuration ' +
          'is saved or opened. The simulator models a non-gallery app and never sends it.',
      },
    ],
  },

  // ------------------------------------------------------------------ the aadOptscim062020 flag's before/after pairs
  ...(['legacy', 'compliant'] as const).flatMap((behaviour): EntraDocumentedRequest[] => {
    const flag = behaviour === 'legacy' ? 'Without feature flag' : 'With feature flag';
    return [
      {
        id: `entra/compliance/disable-user/${behaviour}`,
        client: 'entra',
        step: 'unassign-user',
        behaviour,
        summary: `Disable a user (${behaviour})`,
        source: at(COMPLIANCE, `Flags to alter the SCIM behavior › Requests made to disable users › ${flag}`),
        documented: { requestLine: 'PATCH /Users/{id}', requestLinePrinted: false, body: disableBody[behaviour] },
        params: { user: { userPrincipalName: 'ada@testuser.com' } },
      },
      {
        id: `entra/how/block-sign-in/${behaviour}`,
        client: 'entra',
        step: 'block-sign-in',
        behaviour,
        summary: `Sign-in blocked (accountEnabled false): disabled via an update (${behaviour})`,
        source: at(HOW, 'Provisioning cycles: Initial and incremental › Incremental cycles, step 8; Deprovisioning (body: compliance article, "Requests made to disable users")'),
        documented: { requestLine: 'PATCH /Users/{id}', requestLinePrinted: false, body: disableBody[behaviour] },
        params: { user: { userPrincipalName: 'ada@testuser.com' } },
      },
      {
        id: `entra/compliance/add-single-value-attribute/${behaviour}`,
        client: 'entra',
        step: 'update-user',
        behaviour,
        summary: `Add a single-value string attribute (${behaviour})`,
        source: at(COMPLIANCE, `Flags to alter the SCIM behavior › Requests made to add a single-value string attribute › ${flag}`),
        documented: {
          requestLine: 'PATCH /Users/{id}',
          requestLinePrinted: false,
          body: { schemas: [PATCH_OP], Operations: [{ op: behaviour === 'legacy' ? 'Add' : 'add', path: 'nickName', value: 'Babs' }] },
        },
        params: {
          user: { userPrincipalName: 'bjensen@testuser.com' },
          userMappings: { mappings: [{ source: 'nickName', target: 'nickName' }] },
          change: { nickName: 'Babs' },
        },
      },
      behaviour === 'legacy'
        ? {
            id: 'entra/compliance/replace-multiple-attributes/legacy',
            client: 'entra',
            step: 'update-user',
            behaviour,
            summary: 'Replace several attributes (legacy): one "Replace" per attribute',
            source: at(COMPLIANCE, 'Flags to alter the SCIM behavior › Requests to replace multiple attributes › Without feature flag'),
            documented: {
              requestLine: 'PATCH /Users/{id}',
              requestLinePrinted: false,
              body: {
                schemas: [PATCH_OP],
                Operations: [
                  { op: 'Replace', path: 'displayName', value: 'Pvlo' },
                  { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
                  { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
                  { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
                  { op: 'Replace', path: 'externalId', value: 'Eqpj' },
                  { op: 'Replace', path: `${ENT}:employeeNumber`, value: 'Eqpj' },
                ],
              },
            },
            params: {
              user: replaceMultipleUser,
              change: { displayName: 'Pvlo', mail: 'TestBcwqnm@test.microsoft.com', givenName: 'Gtfd', surname: 'Pkqf', mailNickname: 'Eqpj', employeeId: 'Eqpj' },
              userMappings: { remove: ['name.formatted'] },
            },
          }
        : {
            id: 'entra/compliance/replace-multiple-attributes/compliant',
            client: 'entra',
            step: 'update-user',
            behaviour,
            summary: 'Replace several attributes (aadOptscim062020): filtered paths alone, the rest in one path-less replace',
            source: at(COMPLIANCE, 'Flags to alter the SCIM behavior › Requests to replace multiple attributes › With feature flag'),
            documented: {
              requestLine: 'PATCH /Users/{id}',
              requestLinePrinted: false,
              body: {
                schemas: [PATCH_OP],
                Operations: [
                  { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
                  { op: 'replace', value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua', [`${ENT}:employeeNumber`]: 'Aklq' } },
                ],
              },
            },
            params: {
              user: replaceMultipleUser,
              change: { displayName: 'Bjfe', mail: 'TestMhvaes@test.microsoft.com', givenName: 'Kkom', surname: 'Unua', employeeId: 'Aklq' },
              userMappings: { remove: ['name.formatted'] },
            },
          },
      {
        id: `entra/compliance/remove-group-member/${behaviour}`,
        client: 'entra',
        step: 'remove-members',
        behaviour,
        summary: `Remove a group member (${behaviour})`,
        source: at(COMPLIANCE, `Flags to alter the SCIM behavior › Requests made to remove a group member › ${flag}`),
        documented: {
          requestLine: 'PATCH /Groups/{id}',
          requestLinePrinted: false,
          body:
            behaviour === 'legacy'
              ? { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'u1091' }] }] }
              : { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members[value eq "7f4bc1a3-285e-48ae-8202-5accb43efb0e"]' }] },
        },
        ids: ['u1091'],
        params: { group: { displayName: 'displayName' }, user: { userPrincipalName: 'ada@testuser.com' } },
      },
    ];
  }),
];
