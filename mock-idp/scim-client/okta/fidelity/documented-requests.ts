/*
 * Every request Okta prints its SCIM 2.0 client sending, as printed (request line and JSON body), with the page and
 * section, the step of the simulator that sends the same request (./steps.ts), and the differences we keep on
 * purpose with their reason. ../fidelity.test.ts replays every entry; docs/provisioning.md, section "Okta", is the
 * same for people.
 *
 * Pages: O = "SCIM 2.0 Protocol Reference" (developer.okta.com/docs/reference/scim/scim-20; examples dated
 * 2019-09-10 in their Date headers, read from okta/okta-developer-docs); S = Okta's SCIM 2.0 spec test for OIN
 * submissions (the Runscope suite, SCIM_tests_for_Runscope.json).
 * Per-run values (the ids the server assigns, printed ids) are compared as `{id}`.
 */
import type { DocumentedRequest, DocumentSource } from '../../fidelity/documented-request.ts';
import type { OktaStep } from './steps.ts';

export type OktaDocumentedRequest = DocumentedRequest<OktaStep, 'oin'>;

const O = { article: 'Okta, SCIM 2.0 Protocol Reference', url: 'https://developer.okta.com/docs/reference/scim/scim-20/', articleDate: '2019-09-10' } as const;
const S = { article: 'Okta SCIM 2.0 spec test (Runscope)', url: 'https://github.com/joelfranusic-okta/okta-scim-beta', articleDate: '2016-05-18' } as const;
const at = (page: typeof O | typeof S, section: string): DocumentSource => ({ ...page, section });
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP_ID = 'abf4dd94-a4c0-4f67-89c9-76b03340cb9b';

export const oktaDocumentedRequests: readonly OktaDocumentedRequest[] = [
  {
    id: 'okta/spec-test/test-api-credentials',
    client: 'okta',
    step: 'test-connection',
    behaviour: 'oin',
    source: at(S, 'Test API Credentials'),
    documented: { requestLine: 'GET /Users?count=2&startIndex=1 HTTP/1.1', requestLinePrinted: true },
    summary: 'Test API Credentials reads a page of two users',
  },
  {
    id: 'okta/scim-20/determine-if-the-user-already-exists',
    client: 'okta',
    step: 'find-user',
    behaviour: 'oin',
    source: at(O, 'Create Users › Determine if the User already exists'),
    documented: { requestLine: 'GET /scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100 HTTP/1.1', requestLinePrinted: true },
    summary: 'the userName lookup with explicit paging',
  },
  {
    id: 'okta/scim-20/create-the-user',
    client: 'okta',
    step: 'create-user',
    behaviour: 'oin',
    source: at(O, 'Create Users › Create the User'),
    documented: {
      requestLine: 'POST /scim/v2/Users HTTP/1.1',
      requestLinePrinted: true,
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'test.user@okta.local',
        name: { givenName: 'Test', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
        displayName: 'Test User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        groups: [],
        password: '1mz050nq',
        active: true,
      },
    },
    deliberate: [
      { at: '/body/emails/0/primary', reason: "the mapping writes the work email's type and value; marking it primary is the admin's mapping, not the client's" },
      { at: '/body/password', reason: 'Okta sends a password only when the app pushes passwords (Sync Password); the simulator pushes none' },
    ],
    summary: 'the create with active true and groups []',
  },
  {
    id: 'okta/scim-20/deactivate-a-user',
    client: 'okta',
    step: 'deactivate-user',
    behaviour: 'oin',
    source: at(O, 'Update a specific User (PATCH)'),
    documented: {
      requestLine: 'PATCH /scim/v2/Users/23a35c27-23d3-4c03-b4c5-6443c09e7173 HTTP/1.1',
      requestLinePrinted: true,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
    },
    ids: ['23a35c27-23d3-4c03-b4c5-6443c09e7173'],
    summary: 'deactivation as a path-less replace',
  },
  {
    id: 'okta/scim-20/create-groups',
    client: 'okta',
    step: 'create-group',
    behaviour: 'oin',
    source: at(O, 'Create Groups'),
    documented: {
      requestLine: 'POST /scim/v2/Groups HTTP/1.1',
      requestLinePrinted: true,
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Test SCIMv2', members: [] },
    },
    summary: 'Group Push of a group without members',
  },
  {
    id: 'okta/scim-20/update-a-specific-group-name',
    client: 'okta',
    step: 'rename-group',
    behaviour: 'oin',
    source: at(O, 'Update a specific Group name'),
    documented: {
      requestLine: `PATCH /scim/v2/Groups/${GROUP_ID} HTTP/1.1`,
      requestLinePrinted: true,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { id: GROUP_ID, displayName: 'Test SCIMv2' } }] },
    },
    ids: [GROUP_ID],
    deliberate: [
      {
        at: '/body/Operations/0/value/displayName',
        reason: 'the printed request keeps the old name "Test SCIMv2" while its answer shows "Test SCIMv20"; the simulator sends the new name',
      },
    ],
    summary: 'rename as a path-less replace of id and displayName',
  },
  {
    id: 'okta/scim-20/update-specific-group-membership',
    client: 'okta',
    step: 'membership',
    behaviour: 'oin',
    source: at(O, 'Update specific Group membership'),
    documented: {
      requestLine: `PATCH /scim/v2/Groups/${GROUP_ID} HTTP/1.1`,
      requestLinePrinted: true,
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'remove', path: 'members[value eq "89bb1940-b905-4575-9e7f-6f887cfb368e"]' },
          { op: 'add', path: 'members', value: [{ value: '23a35c27-23d3-4c03-b4c5-6443c09e7173', display: 'test.user@okta.local' }] },
        ],
      },
    },
    ids: [GROUP_ID, '89bb1940-b905-4575-9e7f-6f887cfb368e', '23a35c27-23d3-4c03-b4c5-6443c09e7173'],
    summary: 'one member removed by filtered path, one added with its display, in one PATCH',
  },
  {
    id: 'okta/scim-20/delete-a-specific-group',
    client: 'okta',
    step: 'delete-group',
    behaviour: 'oin',
    source: at(O, 'Delete a specific Group'),
    documented: { requestLine: `DELETE /scim/v2/Groups/${GROUP_ID} HTTP/1.1`, requestLinePrinted: true },
    ids: [GROUP_ID],
    summary: 'unlinking a pushed group with "Delete the group in the target app"',
  },
];
