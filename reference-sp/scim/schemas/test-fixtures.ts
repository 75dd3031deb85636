/* Shared fixtures for the schema tests: a registry with NinjaOne's custom extension (seed 002). */
import { SchemaRegistry } from './registry.ts';
import { normaliseSchema } from './types.ts';

export const NINJAONE_SCHEMA_ID = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';

export const NINJAONE_EXTENSION = normaliseSchema({
  id: NINJAONE_SCHEMA_ID,
  name: 'NinjaOneUser',
  description: 'NinjaOne user extension',
  attributes: [
    { name: 'organizationId', type: 'string', required: true, description: "Organization id, or 'all' for a global user" },
    { name: 'userType', type: 'string', canonicalValues: ['TECHNICIAN', 'END_USER'] },
  ],
});

export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export function registryWithNinjaOne(required = false): SchemaRegistry {
  return new SchemaRegistry({ extensions: [{ schema: NINJAONE_EXTENSION, resourceType: 'User', required }] });
}
