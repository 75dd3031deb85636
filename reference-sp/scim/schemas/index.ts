/* Public entry of the SCIM schemas module — RFC 7643. */
export * from './types.ts';
export * from './json.ts';
export * from './registry.ts';
export * from './validate.ts';
export * from './project.ts';
export * from './sort.ts';
export * from './discovery.ts';
export { USER_SCHEMA, USER_SCHEMA_ID } from './definitions/user.ts';
export { GROUP_SCHEMA, GROUP_SCHEMA_ID } from './definitions/group.ts';
export { ENTERPRISE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA_ID } from './definitions/enterprise-user.ts';
export { COMMON_ATTRIBUTES } from './definitions/common.ts';
