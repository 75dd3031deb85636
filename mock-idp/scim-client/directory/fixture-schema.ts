/*
 * JSON Schema (ajv) of a directory fixture. Unknown user properties are allowed only as extension attributes
 * (`extension_<appId>_<name>`) or under `other`, so a misspelled attribute (`givenname`) is reported, not ignored.
 */
const scalar = { type: ['string', 'number', 'boolean', 'null'] };
const value = { anyOf: [scalar, { type: 'array', items: { type: 'string' } }] };
const optionalString = { type: ['string', 'null'] };

export const fixtureSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['userPrincipalName'],
        additionalProperties: false,
        patternProperties: { '^extension_[0-9a-fA-F]{32}_[A-Za-z0-9_]+$': value },
        properties: {
          objectId: { type: 'string', minLength: 1 },
          userPrincipalName: { type: 'string', minLength: 1 },
          displayName: optionalString,
          mail: optionalString,
          givenName: optionalString,
          surname: optionalString,
          mailNickname: optionalString,
          jobTitle: optionalString,
          department: optionalString,
          employeeId: optionalString,
          manager: optionalString,
          accountEnabled: { type: 'boolean' },
          IsSoftDeleted: { type: 'boolean' },
          assigned: { type: 'boolean' },
          other: { type: 'object', additionalProperties: value },
        },
      },
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['displayName'],
        additionalProperties: false,
        properties: {
          objectId: { type: 'string', minLength: 1 },
          displayName: { type: 'string', minLength: 1 },
          mailNickname: optionalString,
          description: optionalString,
          members: { type: 'array', items: { type: 'string', minLength: 1 } },
          assigned: { type: 'boolean' },
        },
      },
    },
  },
} as const;
