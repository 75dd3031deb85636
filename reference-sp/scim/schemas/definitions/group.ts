/*
 * The core Group schema — RFC 7643 §4.2, as represented in §8.7.1.
 * - displayName is required: §4.2 says "displayName ... REQUIRED" (the §8.7.1 listing says required false; the
 *   normative text wins, and every validator we reproduce creates groups with one)
 * - members.display is not in §8.7.1 but appears in the §8.4 example and is sent by Entra and Okta; it is accepted
 * - Microsoft Entra ID lists `http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group` in the
 *   `schemas` of every group it creates ("Create Group" example of use-scim-to-provision-users-and-groups). The URN
 *   names no attribute; RFC 7643 §3 requires `schemas` to list the URNs a representation uses but does not make
 *   a server refuse others, and refusing this one fails every Entra group. So both modes accept it, and it is not
 *   stored (GROUP_MARKER_URNS). Other unknown URNs: strict refuses, lenient drops (../validate.ts).
 */
import { attr, type SchemaDefinition } from '../types.ts';

export const GROUP_SCHEMA_ID = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** Attribute-less URNs clients list in a Group's `schemas`; accepted and dropped in every mode (lower case). */
export const GROUP_MARKER_URNS: ReadonlySet<string> = new Set(['http://schemas.microsoft.com/2006/11/resourcemanagement/adscim/2.0/group']);

export const GROUP_SCHEMA: SchemaDefinition = {
  id: GROUP_SCHEMA_ID,
  name: 'Group',
  description: 'Group',
  attributes: [
    attr('displayName', 'string', { required: true, description: 'A human-readable name for the Group.' }),
    attr('members', 'complex', {
      multiValued: true,
      description: 'A list of members of the Group.',
      subAttributes: [
        attr('value', 'string', { caseExact: true, mutability: 'immutable', description: 'Identifier of the member.' }),
        attr('$ref', 'reference', { mutability: 'immutable', referenceTypes: ['User', 'Group'] }),
        attr('type', 'string', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
        attr('display', 'string', { mutability: 'immutable' }),
      ],
    }),
  ],
};
