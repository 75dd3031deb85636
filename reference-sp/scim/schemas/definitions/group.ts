/*
 * The core Group schema — RFC 7643 §4.2, as represented in §8.7.1.
 * - displayName is required: §4.2 says "displayName ... REQUIRED" (the §8.7.1 listing says required false; the
 *   normative text wins, and every validator we reproduce creates groups with one)
 * - members.display is not in §8.7.1 but appears in the §8.4 example and is sent by Entra and Okta; it is accepted
 */
import { attr, type SchemaDefinition } from '../types.ts';

export const GROUP_SCHEMA_ID = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export const GROUP_SCHEMA: SchemaDefinition = {
  id: GROUP_SCHEMA_ID,
  name: 'Group',
  description: 'Group',
  attributes: [
    attr('displayName', 'string', { required: true, description: 'A human-readable name for the Group.' }),
    attr('members', 'complex', { multiValued: true, description: 'A list of members of the Group.', subAttributes: [
      attr('value', 'string', { caseExact: true, mutability: 'immutable', description: 'Identifier of the member.' }),
      attr('$ref', 'reference', { mutability: 'immutable', referenceTypes: ['User', 'Group'] }),
      attr('type', 'string', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
      attr('display', 'string', { mutability: 'immutable' }),
    ] }),
  ],
};
