/*
 * Common attributes of every resource — RFC 7643 §3.1: id, externalId, meta.
 * They belong to no schema (RFC 7643 §3: "not defined in any particular schema") and so do not appear in
 * /Schemas; the registry resolves them for every resource type.
 */
import { attr, type AttributeDefinition } from '../types.ts';

export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  attr('id', 'string', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
    description: 'Unique identifier for the resource, assigned by the service provider.',
  }),
  attr('externalId', 'string', { caseExact: true, description: 'Identifier of the resource as defined by the provisioning client.' }),
  attr('meta', 'complex', {
    mutability: 'readOnly',
    description: 'Resource metadata.',
    subAttributes: [
      attr('resourceType', 'string', { caseExact: true, mutability: 'readOnly' }),
      attr('created', 'dateTime', { mutability: 'readOnly' }),
      attr('lastModified', 'dateTime', { mutability: 'readOnly' }),
      attr('location', 'reference', { mutability: 'readOnly', referenceTypes: ['uri'] }),
      attr('version', 'string', { caseExact: true, mutability: 'readOnly' }),
    ],
  }),
];
